/**
 * Screenshots of the home page and an article at phone and desktop widths,
 * for a person to look at (test-results/screenshots/, not committed). The
 * tests also fail on what a screenshot would show as broken: a page wider
 * than the viewport, or a header, title or body that is not on screen.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { openPage, VIEWPORTS } from './support/browser.ts';
import { articlePath, entryPages, readArticles, REPO_ROOT } from './support/site.ts';
import { useBuiltSite } from './support/session.ts';

const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const site = useBuiltSite();

before(() => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

/** The article with the most header parts (kicker, subtitle, authors) and the longest body. */
function showcaseArticle(): string {
  const score = (a: ReturnType<typeof readArticles>[number]) =>
    (a.kicker ? 1 : 0) + (a.subtitle ? 1 : 0) + (a.authors.length > 0 ? 1 : 0) + a.text.length / 1e6;
  const [best] = readArticles().sort((a, b) => score(b) - score(a));
  assert.ok(best, 'articles.json is empty');
  return articlePath(best.slug);
}

/** The first page of a section (people, places) whose entry has the most articles. */
function busiestEntry(section: string): string {
  const counts = new Map<string, number>();
  for (const a of readArticles()) {
    const keys =
      section === 'people' ? a.authors.map((p) => p.name.replace(/\s+/gu, '')) : (a.places ?? []).map((p) => p.code);
    for (const key of new Set(keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [best] = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const path = best && `/${section}/${encodeURIComponent(best[0])}/`;
  assert.ok(path && entryPages(section).includes(path), `no ${section} page to show`);
  return path;
}

const subjects: { name: string; path: () => string; mustShow: string[] }[] = [
  { name: 'home', path: () => '/', mustShow: ['header', 'main h2', 'nav[aria-label="栏目"]'] },
  {
    name: 'article',
    path: showcaseArticle,
    mustShow: ['header', '[data-article-title]', '[data-article-body] p', '[data-citation-downloads]'],
  },
  { name: 'person', path: () => busiestEntry('people'), mustShow: ['main h1', '[data-person-years]'] },
  { name: 'township', path: () => busiestEntry('places'), mustShow: ['main h1', 'main li a[href^="/articles/"]'] },
  { name: 'regions-map', path: () => '/regions/', mustShow: ['[data-region-map] svg', '[data-region-map] figcaption'] },
];

describe('screenshots', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    for (const { name, path: pathOf, mustShow } of subjects) {
      test(`${name} at ${size} width (${viewport.width}×${viewport.height})`, async (t) => {
        const path = pathOf();
        const watched = await openPage(site.browser, site.server.origin, { viewport, deviceScaleFactor: 1 });
        try {
          const { page } = watched;
          await page.goto(site.server.url(path), { waitUntil: 'load' });
          await page.evaluate(() => document.fonts.ready);

          const overflow = await page.evaluate(() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll<HTMLElement>('body *')]
              .filter((el) => el.getBoundingClientRect().right > width + 1)
              .map(
                (el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
              );
            return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5) };
          });
          assert.ok(
            overflow.scrollWidth <= overflow.width,
            `${path} scrolls sideways at ${viewport.width}px (${overflow.scrollWidth}px wide): ${overflow.wide.join(', ')}`,
          );
          for (const selector of mustShow) {
            const box = await page.locator(selector).first().boundingBox();
            assert.ok(box && box.width > 0 && box.height > 0, `${selector} is not laid out on ${path}`);
            assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, `${selector} sticks out of the viewport`);
          }

          const file = join(SCREENSHOT_DIR, `${name}-${size}.png`);
          await page.screenshot({ path: file, fullPage: true });
          assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE, `${file} is not a PNG`);
          t.diagnostic(`${path} → ${file}`);
          assert.deepEqual(watched.errors, []);
        } finally {
          await watched.close();
        }
      });
    }
  }

  test('the citation block of an article, with its RIS and BibTeX links', async (t) => {
    const watched = await openPage(site.browser, site.server.origin, {
      viewport: VIEWPORTS.desktop,
      deviceScaleFactor: 1,
    });
    try {
      await watched.page.goto(site.server.url(showcaseArticle()), { waitUntil: 'load' });
      const block = watched.page.locator('section[aria-labelledby="cite-heading"]');
      assert.equal(await block.locator('[data-citation-downloads] a').count(), 2);
      const file = join(SCREENSHOT_DIR, 'citation-desktop.png');
      await block.screenshot({ path: file });
      assert.deepEqual(readFileSync(file).subarray(0, 8), PNG_SIGNATURE, `${file} is not a PNG`);
      t.diagnostic(file);
    } finally {
      await watched.close();
    }
  });
});
