/**
 * What tools read from every article of the built site: Highwire `citation_*` meta, the RIS and BibTeX files
 * beside the page, the OpenSearch description every page links to; and the 纠错 link, absent from a build that
 * configures no target (tests/e2e/fixture-site.test.ts builds one that does). No browser: the HTML as served.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { attr, elements, parseHtml, type Element } from './support/html.ts';
import { articlePath, DIST_DIR, readArticles, requireBuiltSite } from './support/site.ts';

requireBuiltSite();

function page(path: string): Element[] {
  return [...elements(parseHtml(readFileSync(join(DIST_DIR, path, 'index.html'), 'utf8')))];
}

const metas = (els: Element[], name: string) =>
  els.filter((e) => e.tagName === 'meta' && attr(e, 'name') === name).map((e) => attr(e, 'content'));

describe('citations', () => {
  const articles = readArticles();

  test('every article carries Highwire meta tags matching its front matter', () => {
    assert.ok(articles.length > 0);
    for (const article of articles) {
      const els = page(articlePath(article.slug));
      const where = article.slug;
      assert.deepEqual(metas(els, 'citation_title'), [article.title.replace(/\s+/gu, ' ').trim()], where);
      assert.deepEqual(metas(els, 'citation_author'), [...new Set(article.authors.map((a) => a.name))], where);
      assert.deepEqual(
        metas(els, 'citation_publication_date'),
        article.date ? [article.date.replaceAll('-', '/')] : [],
      );
      assert.deepEqual(metas(els, 'citation_journal_title'), ['衡阳日报'], where);
      assert.deepEqual(metas(els, 'citation_language'), ['zh'], where);
    }
  });

  test('every article links its RIS and BibTeX files, which hold its title and URL', () => {
    for (const article of articles) {
      const links = page(articlePath(article.slug)).filter(
        (e) => e.tagName === 'a' && /\.(?:ris|bib)$/u.test(attr(e, 'href') ?? ''),
      );
      assert.equal(links.length, 2, `${article.slug} links ${links.length} reference files`);
      for (const link of links) {
        const text = readFileSync(join(DIST_DIR, decodeURIComponent(attr(link, 'href')!)), 'utf8');
        assert.ok(text.includes(article.url), `${attr(link, 'href')} lacks the article's URL`);
        if (attr(link, 'href')!.endsWith('.ris')) {
          assert.match(text, /^TY {2}- NEWS\r\n[\s\S]*\r\nER {2}-\r\n$/u);
          assert.ok(
            text.includes(`\r\nTI  - ${article.title.replace(/\s+/gu, ' ').trim()}\r\n`),
            `${article.slug}.ris lacks the title`,
          );
        } else assert.match(text, /^@article\{hyrb-[A-Za-z0-9-]+,\n/u);
      }
    }
  });

  test('every page links the OpenSearch description, which searches /search/?q={searchTerms}', () => {
    for (const path of ['/', articlePath(articles[0].slug), '/regions/', '/people/']) {
      const link = page(path).find((e) => e.tagName === 'link' && attr(e, 'rel') === 'search');
      assert.equal(attr(link!, 'type'), 'application/opensearchdescription+xml', path);
      assert.equal(attr(link!, 'href'), '/opensearch.xml', path);
    }
    const xml = readFileSync(join(DIST_DIR, 'opensearch.xml'), 'utf8');
    assert.match(
      xml,
      /<Url type="text\/html" method="get" template="https?:\/\/[^"]+\/search\/\?q=\{searchTerms\}"\/>/u,
    );
    assert.match(xml, /<ShortName>[^<]{1,16}<\/ShortName>/u);
  });

  test('without a configured target no article shows the 纠错 link', (t) => {
    if (process.env.ARCHIVE_CORRECTIONS) {
      t.skip('this build configures ARCHIVE_CORRECTIONS');
      return;
    }
    for (const article of articles) {
      const report = page(articlePath(article.slug)).filter((e) => attr(e, 'data-report-error') !== undefined);
      assert.deepEqual(report, [], article.slug);
    }
  });
});
