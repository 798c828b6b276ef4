/**
 * Reading the archive in headless Chromium: following links from the home
 * page down to a source page and back, district pagination, what an article
 * page shows, and the skip link.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useBuiltSite, withCleanPage } from './support/session.ts';
import { articlePath, DIST_DIR, readArticles, regionPages, type ArticleRecord } from './support/site.ts';

const site = useBuiltSite();

const withPage = (body: (page: Page) => Promise<void>) => withCleanPage(site, body);

/** Clicks the first link matching `selector` and waits until its page has loaded. */
async function follow(page: Page, selector: string): Promise<string> {
  const link = page.locator(selector).first();
  const href = await link.getAttribute('href');
  assert.ok(href, `no link matches ${selector} on ${page.url()}`);
  const target = new URL(href, page.url()).href;
  await Promise.all([page.waitForURL(target), link.click()]);
  return new URL(target).pathname;
}

describe('following links', () => {
  test('home → a district → an article → its source page (版面) → back to the article', async () => {
    const articles = new Map(readArticles().map((a) => [articlePath(a.slug), a]));
    await withPage(async (page) => {
      await page.goto(site.server.url('/'));
      const linked = new Set(
        await page.locator('main a[href^="/regions/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      );
      const district = regionPages().find((r) => r.articles > 0 && linked.has(r.path));
      assert.ok(district, 'the home page links to no district that has articles');

      await follow(page, `main a[href="${district.path}"]`);
      assert.equal(new URL(page.url()).pathname, district.path);
      await assertVisible(page, 'main h1');
      assert.equal(await page.locator('main li a[href^="/articles/"]').count(), district.articles);

      const path = await follow(page, 'main li a[href^="/articles/"]');
      const article = articles.get(path);
      assert.ok(article, `${path} is not in articles.json`);
      assert.equal(await articleTitle(page), article.title);

      const sourcePath = await follow(page, '[data-article] header a[href^="/pages/"]');
      assert.match(sourcePath, /^\/pages\/[^/]+\/$/u);
      assert.ok(
        (await page.locator(`main a[href="${path}"]`).count()) > 0,
        `the source page ${sourcePath} does not list the article it was reached from`,
      );

      await page.goBack();
      assert.equal(new URL(page.url()).pathname, path, 'history back did not return to the article');
      assert.equal(await articleTitle(page), article.title);
    });
  });

  test('pagination links of a district page lead to its other pages', async (t) => {
    const paged = readdirSync(join(DIST_DIR, 'regions')).find((slug) =>
      existsSync(join(DIST_DIR, 'regions', slug, '2', 'index.html')),
    );
    if (paged === undefined) {
      t.skip('no district has more than one page (20 articles a page) in this build');
      return;
    }
    const base = `/regions/${paged}/`;
    await withPage(async (page) => {
      await page.goto(site.server.url(base));
      const firstPage = await listedArticles(page);
      assert.equal(await page.locator('nav[aria-label="分页"] [aria-current="page"]').innerText(), '1');
      assert.equal(await page.locator('nav[aria-label="分页"] a[rel="prev"]').count(), 0);

      assert.equal(await follow(page, 'nav[aria-label="分页"] a[rel="next"]'), `${base}2/`);
      assert.equal(await page.locator('nav[aria-label="分页"] [aria-current="page"]').innerText(), '2');
      const secondPage = await listedArticles(page);
      assert.ok(secondPage.length > 0, 'page 2 lists no articles');
      assert.deepEqual(
        secondPage.filter((href) => firstPage.includes(href)),
        [],
        'pages 1 and 2 list the same articles',
      );

      assert.equal(await follow(page, 'nav[aria-label="分页"] a[rel="prev"]'), base);
      assert.equal(await follow(page, 'nav[aria-label="分页"] a[aria-label="第 2 页"]'), `${base}2/`);
    });
  });
});

describe('the article page', () => {
  test('shows kicker, title, byline and date, with 推断 on inferred dates', async (t) => {
    for (const article of sampleArticles(readArticles())) {
      await withPage(async (page) => {
        const path = articlePath(article.slug);
        t.diagnostic(`${path}: ${article.title}`);
        const response = await page.goto(site.server.url(path));
        assert.equal(response?.status(), 200);
        const header = page.locator('[data-article] header');

        const root = page.locator('[data-article]');
        assert.equal(await root.getAttribute('data-slug'), article.slug);
        assert.equal(await root.getAttribute('data-kind'), article.kind);
        assert.equal(await root.getAttribute('data-date'), article.date ?? '');

        assert.equal(await articleTitle(page), article.title);
        await assertVisible(page, '[data-article-title]');

        if (article.kicker !== undefined) {
          const kicker = header.getByText(article.kicker, { exact: true });
          assert.ok(await kicker.isVisible(), `kicker ${article.kicker} not shown`);
          const kickerFirst = await kicker.evaluate(
            (el) =>
              (el.compareDocumentPosition(document.querySelector('[data-article-title]')!) &
                Node.DOCUMENT_POSITION_FOLLOWING) !==
              0,
          );
          assert.ok(kickerFirst, 'the kicker is not above the title');
        }

        const byline = header.locator('[data-byline]');
        if (article.authors.length > 0) {
          const text = await byline.innerText();
          for (const { name, role } of article.authors) {
            assert.ok(text.includes(name) && text.includes(role), `byline "${text}" lacks ${role} ${name}`);
          }
        } else if (article.byline !== undefined) {
          assert.equal((await byline.innerText()).trim(), article.byline);
        } else {
          assert.equal(await byline.count(), 0);
        }

        const inferredMark = header.locator('abbr', { hasText: '推断' });
        if (article.date === null) {
          assert.ok(await header.getByText('日期不详').isVisible(), 'an undated article does not say 日期不详');
          assert.equal(await inferredMark.count(), 0);
        } else {
          assert.ok(await header.locator(`time[datetime="${article.date}"]`).isVisible(), 'the date is not shown');
          assert.equal(
            await inferredMark.isVisible(),
            article.dateInferred,
            article.dateInferred ? 'an inferred date lacks 推断' : 'a recorded date is marked 推断',
          );
        }
      });
    }
  });
});

describe('keyboard', () => {
  for (const path of ['/', '/regions/']) {
    test(`on ${path} the skip link is the first focusable element and moves focus to main`, async () => {
      await withPage(async (page) => {
        await page.goto(site.server.url(path));
        const firstFocusable = await page.evaluate(() => {
          const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
          const first = [...document.querySelectorAll<HTMLElement>(selector)].find(
            (el) =>
              !el.hasAttribute('disabled') && el.getAttribute('tabindex') !== '-1' && el.closest('[hidden]') === null,
          );
          return first?.outerHTML.slice(0, 120);
        });
        assert.match(
          firstFocusable ?? '',
          /^<a [^>]*href="#main"/u,
          'the first focusable element is not the skip link',
        );

        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => ({
          href: document.activeElement?.getAttribute('href'),
          text: (document.activeElement as HTMLElement | null)?.innerText.trim(),
          box: document.activeElement?.getBoundingClientRect().toJSON() as DOMRect | undefined,
        }));
        assert.equal(focused.href, '#main', 'the first Tab does not land on the skip link');
        assert.equal(focused.text, '跳到正文');
        assert.ok(
          focused.box && focused.box.width > 1 && focused.box.height > 1,
          'the focused skip link is not visible',
        );

        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement?.id === 'main');
        assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'MAIN');
        assert.equal(new URL(page.url()).hash, '#main');
      });
    });
  }

  test('on an article page the skip link moves focus to main', async () => {
    const [article] = readArticles();
    assert.ok(article, 'articles.json is empty');
    await withPage(async (page) => {
      await page.goto(site.server.url(articlePath(article.slug)));
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
    });
  });
});

async function articleTitle(page: Page): Promise<string> {
  return (await page.locator('h1[data-article-title]').innerText()).trim();
}

async function assertVisible(page: Page, selector: string): Promise<void> {
  assert.ok(await page.locator(selector).first().isVisible(), `${selector} is not visible on ${page.url()}`);
}

async function listedArticles(page: Page): Promise<string[]> {
  return page
    .locator('main li a[href^="/articles/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * A few articles covering each case the header must handle: a kicker, printed
 * authors, a byline without names, inferred, recorded and missing dates.
 */
function sampleArticles(articles: readonly ArticleRecord[]): ArticleRecord[] {
  const cases: ((a: ArticleRecord) => boolean)[] = [
    (a) => a.kicker !== undefined,
    (a) => a.authors.length > 1,
    (a) => a.authors.length === 0 && a.byline !== undefined,
    (a) => a.date !== null && a.dateInferred,
    (a) => a.date !== null && !a.dateInferred,
    (a) => a.date === null,
  ];
  const picked = new Set<ArticleRecord>();
  for (const matches of cases) {
    const found = articles.find(matches);
    if (found) picked.add(found);
  }
  assert.ok(picked.size > 0, 'articles.json is empty');
  return [...picked];
}
