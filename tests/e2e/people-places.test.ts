/**
 * People, townships and the map in headless Chromium: following a byline to a person's page, a township chip
 * to its page and back up to the district, and the map's links by mouse and by keyboard.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useBuiltSite, withCleanPage } from './support/session.ts';
import { articlePath, entryPages, readArticles } from './support/site.ts';

const site = useBuiltSite();

const withPage = (body: (page: Page) => Promise<void>, javaScriptEnabled = true) =>
  withCleanPage(site, body, { javaScriptEnabled });

const path = (page: Page) => decodeURIComponent(new URL(page.url()).pathname);
const squash = (name: string) => name.replace(/[\s\u3000]+/gu, '');

describe('people', () => {
  test('every credited name has one page, whatever spaces it was printed with', () => {
    const pages = entryPages('people').map((p) => decodeURIComponent(p));
    const names = new Set(readArticles().flatMap((a) => a.authors.map((author) => squash(author.name))));
    assert.ok(names.size > 0, 'no article credits anyone');
    for (const name of names) assert.ok(pages.includes(`/people/${name}/`), `${name} has no page`);
    const folded = pages.map(squash);
    assert.equal(new Set(folded).size, folded.length, 'two person pages differ only by spaces');
  });

  test('a byline name leads to the person’s page, which lists the article and counts it in its year', async () => {
    const article = readArticles().find((a) => a.authors.length > 0 && a.date !== null);
    assert.ok(article, 'no dated article with authors');
    await withPage(async (page) => {
      await page.goto(site.server.url(articlePath(article.slug)));
      const link = page.locator('[data-byline] a[data-person-link]').first();
      const name = (await link.innerText()).trim();
      await Promise.all([page.waitForURL(/\/people\//u), link.click()]);
      assert.equal(path(page), `/people/${name}/`);
      assert.equal((await page.locator('main h1').innerText()).trim(), name);
      assert.equal(await page.locator(`main a[href="${articlePath(article.slug)}"]`).count(), 1);
      const years = await page.locator('[data-person-years] li').allInnerTexts();
      assert.ok(
        years.some((y) => y.startsWith(`${article.date!.slice(0, 4)}年`)),
        `no count for the year: ${years.join(', ')}`,
      );
    });
  });

  test('the index lists people by number of articles, most first', async () => {
    await withPage(async (page) => {
      await page.goto(site.server.url('/people/'));
      const counts = (await page.locator('[data-people] li').allInnerTexts()).map((t) =>
        Number(/(\d+)\s*篇/u.exec(t)?.[1]),
      );
      assert.ok(counts.length > 1, 'the index lists fewer than two people');
      assert.deepEqual(
        counts,
        [...counts].sort((a, b) => b - a),
      );
    });
  });
});

describe('townships', () => {
  test('an article’s township leads to its page, and from there to the district that lists it', async () => {
    const article = readArticles().find((a) => (a.places ?? []).length > 0);
    assert.ok(article, 'no article names a township');
    const place = article.places![0];
    await withPage(async (page) => {
      await page.goto(site.server.url(articlePath(article.slug)));
      const chip = page.locator(`[data-places] a[href="/places/${place.code}/"]`);
      await Promise.all([page.waitForURL(`**/places/${place.code}/`), chip.click()]);
      assert.equal((await page.locator('main h1').innerText()).trim(), place.name);
      assert.equal(await page.locator(`main a[href="${articlePath(article.slug)}"]`).count(), 1);

      const district = page.locator('main header a[href^="/regions/"]');
      await Promise.all([page.waitForURL(/\/regions\/[^/]+\/$/u), district.click()]);
      const listed = page.locator(`[data-townships] a[href="/places/${place.code}/"]`);
      assert.match(await listed.innerText(), new RegExp(`${place.name}\\s*\\d+`, 'u'));
    });
  });
});

describe('the map', () => {
  test('/regions/ draws the 12 divisions as links with a title and a description, without JavaScript', async () => {
    await withPage(async (page) => {
      await page.goto(site.server.url('/regions/'));
      const svg = page.locator('[data-region-map] svg');
      assert.equal(await svg.locator('a[href^="/regions/"]').count(), 12);
      assert.match((await svg.locator('title').textContent()) ?? '', /衡阳/u);
      assert.match((await svg.locator('desc').textContent()) ?? '', /篇/u);
      const box = await svg.boundingBox();
      assert.ok(box && box.width > 200 && box.height > 200, 'the map is not drawn at a readable size');
    }, false);
  });

  test('shades the divisions by article count under the Content-Security-Policy (no style attributes)', async () => {
    await withPage(async (page) => {
      await page.goto(site.server.url('/regions/'));
      const map = page.locator('[data-region-map]');
      assert.equal(await map.locator('[style]').count(), 0, 'a style attribute would be refused by the CSP');
      const fills = await map.locator('a path').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).fill));
      assert.equal(fills.length, 12);
      assert.ok(!fills.includes('rgb(0, 0, 0)'), `unshaded (black) divisions: ${fills.join(' ')}`);
      assert.ok(new Set(fills).size >= 2, 'divisions with different counts share one shade');
      const swatches = await map
        .locator('.swatch')
        .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).backgroundColor));
      assert.ok(
        swatches.every((c) => c !== 'rgba(0, 0, 0, 0)'),
        `legend swatches without colour: ${swatches.join(' ')}`,
      );
    });
  });

  test('a division is reached with Tab, shows its focus, and Enter opens its page, which outlines it', async () => {
    await withPage(async (page) => {
      await page.goto(site.server.url('/regions/'));
      let focused: { href: string | null; stroke: string } | null = null;
      for (let i = 0; i < 80 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => {
          const el = document.activeElement;
          if (!el?.closest('[data-region-map]') || el.tagName.toLowerCase() !== 'a') return null;
          return { href: el.getAttribute('href'), stroke: getComputedStyle(el.querySelector('path')!).strokeWidth };
        });
      }
      assert.ok(focused?.href, 'Tab never reached a division of the map');
      assert.equal(focused.stroke, '4px', 'the focused division is not outlined');
      await Promise.all([page.waitForURL(`**${focused.href}`), page.keyboard.press('Enter')]);
      const current = page.locator('[data-region-map] a[aria-current="page"]');
      assert.equal(await current.count(), 1, 'the district page does not outline its own division');
      assert.equal(await current.getAttribute('href'), focused.href);
    });
  });
});
