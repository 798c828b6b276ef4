/**
 * The site built from the fixture content (tests/fixtures/content/, with page records in pages/) and with a
 * 纠错 target configured: source pages named as their records print them, hostile record text shown as text,
 * and the report link, prefilled, taking the reader's selection.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openPage } from './support/browser.ts';
import { useBuiltSite } from './support/session.ts';
import { REPO_ROOT } from './support/site.ts';

const TARGET = 'mailto:jiucuo@example.org';
const dir = mkdtempSync(join(tmpdir(), 'fixture-site-'));

// Registered before useBuiltSite's hook, so the site is built before it is served.
before(() => {
  execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ARCHIVE_CONTENT_DIR: './tests/fixtures/content',
      ARCHIVE_OUT_DIR: dir,
      ARCHIVE_CORRECTIONS: TARGET,
    },
    stdio: 'ignore',
  });
});
const site = useBuiltSite(dir);
after(() => rmSync(dir, { recursive: true, force: true }));

async function open(path: string) {
  const watched = await openPage(site.browser, site.server.origin);
  const dialogs: string[] = [];
  watched.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await watched.page.goto(site.server.url(path));
  return { page: watched.page, errors: watched.errors, dialogs, close: () => watched.close() };
}

describe('source pages from page records', () => {
  test('a page is titled by its printed date, 版次 and 版名, with its editors and furniture, never its file name', async () => {
    const { page, close } = await open('/pages/004_sample/');
    try {
      assert.equal((await page.locator('h1[data-page-title]').innerText()).trim(), '2020年3月9日 第1版 要闻');
      assert.match(await page.title(), /^2020年3月9日 第1版 要闻/u);
      assert.match(await page.locator('[data-page-editors]').innerText(), /责任编辑\s*谢凡/u);
      assert.match(await page.locator('[data-page-furniture]').innerText(), /衡阳日报 2020年3月9日 星期一/u);
      assert.doesNotMatch(await page.locator('body').innerText(), /004_sample/u);
      const sameDay = page.locator('[data-same-day-pages] a');
      assert.equal(await sameDay.count(), 1);
      assert.equal(await sameDay.getAttribute('href'), '/pages/900_untrusted/');
    } finally {
      await close();
    }
  });

  test('hostile text in a page record is shown as text and runs nothing', async () => {
    const { page, close, dialogs, errors } = await open('/pages/900_untrusted/');
    try {
      assert.match(await page.locator('h1[data-page-title]').innerText(), /第2版 <script>alert\('版名'\)<\/script>/u);
      assert.match(await page.locator('[data-page-furniture]').innerText(), /<script>alert\('furniture'\)<\/script>/u);
      assert.equal(await page.locator('main script, main img').count(), 0);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });
});

describe('the 纠错 link with a target configured', () => {
  test('is prefilled with the article’s id and URL, and takes the text the reader selected', async () => {
    const { page, close, errors } = await open('/articles/b2c3d4e5f6/');
    try {
      const link = page.locator('a[data-report-error]');
      const before = (await link.getAttribute('href'))!;
      assert.ok(before.startsWith(`${TARGET}?subject=`), before);
      const body = decodeURIComponent(/[?&]body=([^&]*)/u.exec(before)![1]);
      assert.match(body, /b2c3d4e5f6/u);
      assert.match(body, /\/articles\/b2c3d4e5f6\//u);
      assert.match(body, /（未选择）/u);

      const selected = await page.evaluate(() => {
        const paragraph = document.querySelector('[data-article-body] p')!;
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return document.getSelection()!.toString().trim().slice(0, 20);
      });
      await page.waitForTimeout(50); // selectionchange is dispatched as a task
      await link.focus();
      const after = decodeURIComponent(/[?&]body=([^&]*)/u.exec((await link.getAttribute('href'))!)![1]);
      assert.ok(after.includes(selected), `the selection “${selected}” is not in the report`);
      assert.deepEqual(errors, []);
    } finally {
      await close();
    }
  });

  test('works without JavaScript: the link is there, prefilled', async () => {
    const watched = await openPage(site.browser, site.server.origin, { javaScriptEnabled: false });
    try {
      await watched.page.goto(site.server.url('/articles/b2c3d4e5f6/'));
      const href = await watched.page.locator('a[data-report-error]').getAttribute('href');
      assert.ok(href?.startsWith(`${TARGET}?subject=`), String(href));
    } finally {
      await watched.close();
    }
  });
});
