/**
 * Hostile page text stays text. The fixture page (tests/fixtures/pages/
 * untrusted-page.txt) holds <script>, <img onerror>, Markdown and raw links to
 * javascript: URLs; it is ingested and built into a temporary site, which is
 * then read in Chromium.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, type WatchedPage } from './support/browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/tools/server/staticServer.ts';
import { articlePath, listFiles, readArticles, REPO_ROOT, urlPathOf, type ArticleRecord } from './support/site.ts';

const FIXTURE_PAGE = join(REPO_ROOT, 'tests/fixtures/pages/untrusted-page.txt');
const BUILD_TIMEOUT_MS = 240_000;

/** Runs `npm run build`'s script on `seedsDir` into `outDir`; rejects with the build's output on failure. */
function buildSite(seedsDir: string, contentDir: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build/build.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        SEEDS_DIR: seedsDir,
        ARCHIVE_CONTENT_DIR: contentDir,
        ARCHIVE_OUT_DIR: outDir,
        // build.ts runs `astro` from the PATH, as `npm run` sets it.
        PATH: [join(REPO_ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`building the hostile fixture site failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'hyrb-untrusted-'));
const siteDir = join(work, 'dist');
let server: StaticServer;
let browser: Browser;
let hostile: ArticleRecord[];

before(
  async () => {
    mkdirSync(join(work, 'seeds'));
    copyFileSync(FIXTURE_PAGE, join(work, 'seeds', 'untrusted-page.txt'));
    await buildSite(join(work, 'seeds'), join(work, 'content'), siteDir);
    hostile = readArticles(siteDir).filter((a) => a.source.file === 'untrusted-page.txt');
    server = await startStaticServer(siteDir);
    browser = await launchBrowser();
  },
  { timeout: BUILD_TIMEOUT_MS },
);
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** Opens `path` with a dialog listener attached before any script can run. */
async function visit(path: string): Promise<WatchedPage & { dialogs: string[] }> {
  const watched = await openPage(browser, server.origin);
  const dialogs: string[] = [];
  watched.page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await watched.page.goto(server.url(path), { waitUntil: 'load' });
  return { ...watched, dialogs };
}

describe('hostile page text', () => {
  test('is ingested into an article whose title keeps the markup as text', () => {
    assert.ok(hostile.length > 0, 'no article came from untrusted-page.txt');
    assert.ok(
      hostile.some((a) => a.title.includes("<script>alert('标题')</script>")),
      `titles: ${hostile.map((a) => a.title).join(' | ')}`,
    );
  });

  test('no page of the site opens a dialog, runs injected handlers, fetches off-site or links to javascript:', async (t) => {
    const paths = listFiles(siteDir)
      .filter((file) => file.endsWith('.html'))
      .map(urlPathOf);
    t.diagnostic(`${paths.length} pages`);
    for (const path of paths) {
      const page = await visit(path);
      try {
        assert.deepEqual(page.dialogs, [], `dialogs opened on ${path}`);
        assert.deepEqual(page.errors, [], `script errors on ${path}`);
        assert.deepEqual(page.offsite, [], `off-site requests from ${path}`);
        const found = await page.page.evaluate(() => ({
          javascriptUrls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
            .flatMap((el) => ['href', 'src', 'action', 'formaction'].map((name) => el.getAttribute(name)))
            .filter((value): value is string => value !== null)
            .filter((value) => {
              try {
                return new URL(value, location.href).protocol === 'javascript:';
              } catch {
                return /^\s*javascript:/iu.test(value);
              }
            }),
          handlers: [...document.querySelectorAll('*')].flatMap((el) =>
            el.getAttributeNames().filter((name) => name.startsWith('on')),
          ),
          // Executable scripts only: the JSON-LD block holds the title as (escaped) data.
          injectedScripts: [...document.scripts].filter(
            (s) => ['', 'module', 'text/javascript'].includes(s.type) && s.text.includes('alert('),
          ).length,
        }));
        assert.deepEqual(found.javascriptUrls, [], `javascript: URLs on ${path}`);
        assert.deepEqual(found.handlers, [], `inline event handlers on ${path}`);
        assert.equal(found.injectedScripts, 0, `a script with page text on ${path}`);
      } finally {
        await page.close();
      }
    }
  });

  test('the article shows the markup as visible text and creates no element from it', async () => {
    for (const article of hostile) {
      const page = await visit(articlePath(article.slug));
      try {
        const created = await page.page.evaluate(
          () =>
            document.querySelectorAll('[data-article-body] script, [data-article-body] img, [data-article-body] a')
              .length,
        );
        assert.equal(created, 0, 'elements were created from the body text');
        assert.equal(
          await page.page.locator('[data-article-title] *').count(),
          0,
          'elements were created from the title',
        );

        const body = page.page.locator('[data-article-body]');
        for (const literal of [
          "<script>alert('正文')</script>",
          '<img src=x onerror=alert(1)>',
          '<a href="javascript:alert(2)">假链接</a>',
          '[链接](javascript:alert(1))',
        ]) {
          assert.ok(await body.getByText(literal).isVisible(), `"${literal}" is not shown as text`);
        }
        assert.ok(
          (await page.page.locator('[data-article-title]').innerText()).includes('<script>'),
          'the title does not show <script> as text',
        );

        // The JSON-LD must survive the title's </script>: one block, valid JSON, the title intact.
        const jsonLd = await page.page
          .locator('script[type="application/ld+json"]')
          .evaluateAll((scripts) => scripts.map((s) => s.textContent ?? ''));
        assert.equal(jsonLd.length, 1, 'expected exactly one JSON-LD block');
        const data = JSON.parse(jsonLd[0] ?? '') as { headline?: string };
        assert.equal(data.headline, article.title);
        assert.deepEqual(page.dialogs, []);
      } finally {
        await page.close();
      }
    }
  });
});
