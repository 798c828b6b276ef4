/**
 * Every internal link of the built site resolves: href/src/srcset/action and
 * og:url of every HTML page, fragments included, plus the sitemap and the RSS
 * feeds. Runs on dist/ without a browser.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { checkSiteLinks, declaredOrigin, missingPages, xmlValues, type BrokenLink } from './support/links.ts';
import { DIST_DIR, listFiles, readArticles, requireBuiltSite } from './support/site.ts';

const listing = (broken: readonly BrokenLink[]) =>
  `${broken.length} broken link(s):\n${broken.map((b) => `  on ${b.page}: ${b.link} → ${b.reason}`).join('\n')}`;

describe('internal links of the built site', () => {
  let origin: string;

  before(() => {
    requireBuiltSite();
    const declared = declaredOrigin(DIST_DIR);
    assert.ok(declared, 'the home page declares no <link rel="canonical">');
    origin = declared;
  });

  test('every href, src and action on every page names a built file, and every #fragment an id', (t) => {
    const result = checkSiteLinks(DIST_DIR, { siteOrigin: origin });
    t.diagnostic(`${result.pages} pages, ${result.checked} internal references checked`);
    assert.ok(result.pages > 1, 'the build has fewer than two pages');
    assert.deepEqual(result.broken, [], listing(result.broken));
  });

  test('every URL in the sitemap is a built page, and every article is in it', () => {
    const index = readFileSync(join(DIST_DIR, 'sitemap-index.xml'), 'utf8');
    const sitemaps = xmlValues(index, 'loc');
    assert.ok(sitemaps.length > 0, 'sitemap-index.xml lists no sitemap');
    assert.deepEqual(missingPages(DIST_DIR, origin, sitemaps), [], 'sitemap-index.xml lists missing sitemaps');

    const urls = sitemaps.flatMap((sitemap) =>
      xmlValues(readFileSync(join(DIST_DIR, decodeURIComponent(new URL(sitemap).pathname)), 'utf8'), 'loc'),
    );
    assert.deepEqual(missingPages(DIST_DIR, origin, urls), [], 'the sitemap lists pages that are not built');
    const listed = new Set(urls);
    const unlisted = readArticles().filter((article) => !listed.has(article.url));
    assert.deepEqual(
      unlisted.map((a) => a.url),
      [],
      'articles missing from the sitemap',
    );
  });

  test('every item link of every RSS feed is a built page', () => {
    const feeds = listFiles(DIST_DIR).filter((file) => file.endsWith('rss.xml'));
    assert.ok(feeds.length > 0, 'no RSS feed was built');
    const missing = feeds.flatMap((feed) =>
      missingPages(DIST_DIR, origin, xmlValues(readFileSync(join(DIST_DIR, feed), 'utf8'), 'link')).map(
        (url) => `${feed}: ${url}`,
      ),
    );
    assert.deepEqual(missing, []);
  });
});

describe('the link checker itself', () => {
  const sites: string[] = [];
  /** A throwaway site from `{ path: body HTML }`. */
  const fixtureSite = (pages: Record<string, string>): string => {
    const site = mkdtempSync(join(tmpdir(), 'hyrb-links-'));
    sites.push(site);
    for (const [path, body] of Object.entries(pages)) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), `<!doctype html><html><head></head><body>${body}</body></html>`);
    }
    return site;
  };
  after(() => {
    for (const site of sites) rmSync(site, { recursive: true, force: true });
  });

  test('finds missing files, missing fragments, javascript: URLs and relative links on the 404 page', () => {
    const site = fixtureSite({
      'index.html': '<a href="/a/">ok</a><a href="a/#x">ok</a><a href="/b/">missing</a><a href="/a/#y">no id</a>',
      'a/index.html': '<p id="x"></p><a href="../">ok</a><a href="javascript:alert(1)">js</a>',
      'a/中/index.html': '<a href="/a/%E4%B8%AD/">ok</a><a href="/a/%E4%B8%AD/#%E4%B8%AD">no id</a>',
      '404.html': '<a href="/">ok</a><a href="#main">ok</a><a href="a/">relative</a><main id="main"></main>',
    });
    const { broken } = checkSiteLinks(site);
    assert.deepEqual(
      broken.map((b) => `${b.page} ${b.link}`),
      [
        '/404.html <a href="a/">',
        '/a/ <a href="javascript:alert(1)">',
        '/a/中/ <a href="/a/%E4%B8%AD/#%E4%B8%AD">',
        '/ <a href="/b/">',
        '/ <a href="/a/#y">',
      ],
    );
  });

  test('checks canonical-origin URLs and ignores other origins', () => {
    const site = fixtureSite({
      'index.html':
        '<link rel="canonical" href="https://example.org/"><a href="https://example.org/gone/">gone</a>' +
        '<a href="https://elsewhere.example/gone/">external</a>',
    });
    assert.deepEqual(
      checkSiteLinks(site, { siteOrigin: 'https://example.org' }).broken.map((b) => b.link),
      ['<a href="https://example.org/gone/">'],
    );
  });
});
