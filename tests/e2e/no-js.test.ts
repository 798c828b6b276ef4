/**
 * Reading without JavaScript: the archive is static HTML, so an article and a
 * district's list must be complete with scripts disabled.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { articlePath, readArticles, regionPages } from './support/site.ts';
import { useBuiltSite } from './support/session.ts';

const site = useBuiltSite();

async function withoutScripts(path: string, body: (page: Page) => Promise<void>): Promise<void> {
  const watched = await openPage(site.browser, site.server.origin, { javaScriptEnabled: false });
  try {
    const response = await watched.page.goto(site.server.url(path));
    assert.equal(response?.status(), 200, `${path} did not load`);
    await body(watched.page);
  } finally {
    await watched.close();
  }
}

/** The first `length` characters of the first paragraph of a plain-text body. */
function opening(text: string, length = 30): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').trim().slice(0, length);
}

describe('with JavaScript disabled', () => {
  test('an article page shows its title and body text', async () => {
    const article = readArticles().find((a) => a.text.trim() !== '');
    assert.ok(article, 'articles.json has no article with body text');
    await withoutScripts(articlePath(article.slug), async (page) => {
      const title = page.locator('h1[data-article-title]');
      assert.ok(await title.isVisible(), 'the title is not visible');
      assert.equal((await title.innerText()).trim(), article.title);

      const body = page.locator('[data-article-body]');
      assert.ok(await body.isVisible(), 'the body is not visible');
      const text = await body.innerText();
      assert.ok(text.includes(opening(article.text)), `the body does not show "${opening(article.text)}"`);
      assert.ok(text.length >= article.text.replace(/\s+/gu, '').length * 0.9, 'the body text is incomplete');
    });
  });

  test('a district page lists its articles', async () => {
    const district = regionPages().find((r) => r.articles > 0);
    assert.ok(district, 'no district has articles');
    const titles = new Map(readArticles().map((a) => [articlePath(a.slug), a.title]));
    await withoutScripts(district.path, async (page) => {
      const links = page.locator('main li a[href^="/articles/"]');
      assert.equal(await links.count(), district.articles);
      for (const link of await links.all()) {
        const href = (await link.getAttribute('href')) ?? '';
        assert.ok(await link.isVisible(), `the link to ${href} is not visible`);
        assert.equal((await link.innerText()).trim(), titles.get(href), `the link to ${href} has the wrong title`);
      }
    });
  });
});
