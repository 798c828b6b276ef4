/**
 * The search page in headless Chromium: Astro builds the site's own pages from the
 * fixture content, contract article pages come from scripts/tools/eval/searchFixtures.ts,
 * then the real index is built over them.
 *
 *   ./node_modules/.bin/node --test tests/e2e/search.test.ts
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { fixtureSet, writeFixtureSite } from '../../scripts/tools/eval/searchFixtures.ts';
import { buildSearchIndex } from '../../scripts/indexer/searchIndex.ts';
import { launchBrowser } from './support/browser.ts';
import { startStaticServer, type StaticServer } from '../../scripts/tools/server/staticServer.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const RARE_PHRASE = '城南夜校';
let dir: string;
let server: StaticServer;
let origin: string;
let browser: Browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'search-e2e-'));
  // process.execPath: the bin's shebang would pick whatever node is first on PATH.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    env: { ...process.env, ARCHIVE_CONTENT_DIR: './tests/fixtures/content', ARCHIVE_OUT_DIR: dir },
    stdio: 'ignore',
  });
  const articles = await fixtureSet(80, 7);
  articles[articles.length - 1].paragraphs.push('读者来信写道：<img src=x onerror=alert(1)> 不应执行。');
  // A phrase in the newest and the oldest article only, shards apart.
  const byDate = articles.filter((a) => a.date).sort((a, b) => a.date.localeCompare(b.date));
  for (const a of [byDate[0], byDate[byDate.length - 1]]) a.paragraphs.push(`社区里的${RARE_PHRASE}今晚开课。`);
  await writeFixtureSite(dir, articles);
  // The article pages here are not Astro's, so give them the highlighter by hand.
  await build({
    stdin: {
      contents: "import { highlightArticle } from './src/search/ui/highlight.ts'; void highlightArticle();",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    outfile: join(dir, '__test/highlight.js'),
    logLevel: 'warning',
  });
  for (const slug of await readdir(join(dir, 'articles'))) {
    const file = join(dir, 'articles', slug, 'index.html');
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('</body>', '<script type="module" src="/__test/highlight.js"></script></body>'));
  }
  // Small shards, so that queries here span several, as they do in a real archive.
  await buildSearchIndex({ distDir: dir, shardSize: 20 });
  server = await startStaticServer(dir);
  origin = server.origin;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  return page;
}

const results = (page: Page) => page.locator('[data-search-results] > li');
const statusText = (page: Page) => page.locator('[data-search-status]').textContent();

/** Until the search is done: every shard searched and the filters' counts shown (data-search-state). */
async function waitForResults(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const root = document.querySelector<HTMLElement>('[data-search]');
    const status = document.querySelector('[data-search-status]')?.textContent ?? '';
    return root?.dataset.searchState === 'done' && /找到|没有/u.test(status);
  });
}

void test('results appear with highlighted titles or excerpts and a count', async () => {
  const page = await open('/search/?q=复工复产');
  await waitForResults(page);
  assert.ok((await results(page).count()) > 0);
  assert.match((await statusText(page)) ?? '', /找到(约 )?\d+ 篇/u);
  const marks = await page.locator('[data-search-results] mark').allTextContents();
  assert.ok(marks.includes('复工复产'), `marks: ${marks.join(',')}`);
  assert.equal(await page.locator('[data-search-needs-js]').count(), 0);
  await page.close();
});

void test('where the host serves byte ranges, a shard’s chunks and a page’s fragments come in one request each; without, the same results', async () => {
  const plain = await startStaticServer(dir, { ranges: false });
  try {
    const shown = async (host: StaticServer) => {
      const before = host.requests().length;
      const page = await browser.newPage();
      await page.goto(`${host.origin}/search/?q=${encodeURIComponent('复工复产 企业')}`);
      await waitForResults(page);
      const links = await page
        .locator('[data-search-results] a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      await page.close();
      const requests = host
        .requests()
        .slice(before)
        .filter((r) => r.path.startsWith('/pagefind/'));
      const files = (folder: string) => requests.filter((r) => r.path.includes(`/${folder}/`)).length;
      const packs = requests.filter(
        (r) => r.path.endsWith('/shard.pack') && /^bytes=\d+-\d+,/u.test(r.range ?? ''),
      ).length;
      const pageLists = requests.filter((r) => r.path.endsWith('/shard.meta')).length;
      return {
        links,
        requests: requests.length,
        chunkFiles: files('chunk'),
        fragmentFiles: files('fragment'),
        packs,
        pageLists,
        hashedFiles: requests.filter((r) => /\/(index|fragment)\/zxx_|\.pf_meta$/u.test(r.path)).length,
      };
    };
    const ranged = await shown(server);
    const unranged = await shown(plain);
    assert.ok(ranged.links.length >= 2, `${ranged.links.length} results`);
    assert.deepEqual(ranged.links, unranged.links);
    assert.ok(ranged.packs >= 2, `${ranged.packs} multi-range requests`);
    // With ranges, chunks and fragments come from the packs (a lone one may come by itself); without, each is
    // a numbered file. Both read the same page list a shard, and no chunk, fragment or page list named by
    // Pagefind's hashes (its filter files keep theirs).
    assert.equal(ranged.fragmentFiles, 0);
    assert.ok(ranged.chunkFiles < unranged.chunkFiles, `chunk files: ${ranged.chunkFiles} vs ${unranged.chunkFiles}`);
    assert.ok(ranged.pageLists > 0 && unranged.pageLists > 0, `page lists: ${ranged.pageLists}, ${unranged.pageLists}`);
    assert.equal(ranged.hashedFiles + unranged.hashedFiles, 0);
    assert.equal(unranged.packs, 0);
    assert.ok(unranged.fragmentFiles >= unranged.links.length, `${unranged.fragmentFiles} fragment files`);
    assert.ok(ranged.requests < unranged.requests, `requests: ${ranged.requests} vs ${unranged.requests}`);
  } finally {
    await plain.close();
  }
});

void test('a phrase no article holds is answered from the token directory, without reading a shard', async () => {
  const before = server.requests().length;
  const page = await open(`/search/?q=${encodeURIComponent('量子计算机')}`);
  await waitForResults(page);
  assert.match((await statusText(page)) ?? '', /没有找到/u);
  const search = server
    .requests()
    .slice(before)
    .map((r) => r.path)
    .filter((r) => r.startsWith('/pagefind/'));
  assert.ok(
    search.some((r) => /\/dir-[0-9a-f]+\//u.test(r)),
    search.join(' '),
  );
  assert.deepEqual(
    search.filter((r) => /\/pagefind\/\d+-/u.test(r)),
    [],
  );
  await page.close();
});

void test('a rare phrase shows its newest match at once; older ones follow below it, none moves', async () => {
  const page = await open('/search/');
  // The results at the moment the page first shows some (it leaves 'searching'), then when done.
  const firstShown = page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const root = document.querySelector<HTMLElement>('[data-search]')!;
        const links = () =>
          [...document.querySelectorAll('[data-search-results] a')].map((a) => a.getAttribute('href') ?? '');
        const observer = new MutationObserver(() => {
          if (root.dataset.searchState === 'searching') return;
          observer.disconnect();
          resolve(links());
        });
        (window as unknown as { held: unknown }).held = observer;
        observer.observe(root, { attributes: true, attributeFilter: ['data-search-state'] });
      }),
  );
  await page.locator('#search-q').fill(RARE_PHRASE);
  await page.locator('#search-q').press('Enter');
  const first = await firstShown;
  await waitForResults(page);
  const final = await page
    .locator('[data-search-results] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.equal(final.length, 2, final.join(' '));
  assert.deepEqual(first, final.slice(0, 1), `first shown: ${first.join(' ')}`);
  await page.close();
});

void test('typing searches without adding history entries; URL keeps the query', async () => {
  const page = await open('/search/');
  const length = await page.evaluate(() => history.length);
  await page.locator('#search-q').pressSequentially('重点项目', { delay: 30 });
  await waitForResults(page);
  assert.equal(new URL(page.url()).searchParams.get('q'), '重点项目');
  assert.equal(await page.evaluate(() => history.length), length);
  assert.ok((await results(page).count()) > 0);
  await page.close();
});

void test('a region filter narrows results, shows counts, and is kept in the URL', async () => {
  const page = await open('/search/?q=企业');
  await waitForResults(page);
  const all = Number(/找到(?:约 )?(\d+)/u.exec((await statusText(page)) ?? '')?.[1]);
  const option = page.locator('select[name="region"] option:not([value=""]):not([disabled])').first();
  const [value, label] = [await option.getAttribute('value'), await option.textContent()];
  assert.ok(value);
  // Counts of shards not searched are estimates, labelled 约; exact counts must match the filtered search.
  const [, about, n] = /（(约 )?(\d+)）/u.exec(label ?? '') ?? [];
  const count = Number(n);
  await page.locator('select[name="region"]').selectOption(value);
  await page.waitForFunction((v) => new URL(location.href).searchParams.get('region') === v, value);
  await waitForResults(page);
  if (!about)
    await page.waitForFunction(
      (n) => (document.querySelector('[data-search-status]')?.textContent ?? '').includes(`找到 ${n} 篇`),
      count,
    );
  assert.ok(count < all, `${count} < ${all}`);
  for (const meta of await page.locator('.search-result-meta').allTextContents()) assert.ok(meta.includes(value), meta);
  await page.close();
});

void test('sorting by date orders results newest first', async () => {
  const page = await open('/search/?q=发展&sort=date');
  await waitForResults(page);
  assert.equal(await page.locator('select[name="sort"]').inputValue(), 'date');
  const dates = (await page.locator('.search-result-meta').allTextContents())
    .map((m) => m.slice(0, 10))
    .filter((d) => /^\d{4}/u.test(d));
  assert.ok(dates.length > 2);
  // Tiered: within the verbatim matches (all of them for a 2-character query) dates descend.
  assert.deepEqual(dates, [...dates].sort().reverse());
  await page.close();
});

void test('Back returns to the previous committed search', async () => {
  const page = await open('/search/');
  await page.locator('#search-q').fill('复工复产');
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '复工复产');
  await waitForResults(page);
  await page.locator('#search-q').fill('重点项目');
  await page.locator('#search-q').press('Enter');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '重点项目');
  await page.goBack();
  await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#search-q')?.value ?? '') === '复工复产');
  await waitForResults(page);
  assert.equal(new URL(page.url()).searchParams.get('q'), '复工复产');
  await page.close();
});

void test('a traditional-character query finds simplified text', async () => {
  const page = await open('/search/?q=復工復產');
  await waitForResults(page);
  assert.ok((await results(page).count()) > 0);
  assert.ok((await page.locator('[data-search-results] mark').allTextContents()).includes('复工复产'));
  await page.close();
});

void test('HTML in the query or the text is shown as text, never run', async () => {
  const page = await open(`/search/?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  let dialog = false;
  page.on('dialog', (d) => {
    dialog = true;
    void d.dismiss();
  });
  await waitForResults(page);
  assert.equal(await page.locator('[data-search] img').count(), 0);
  assert.ok(
    ((await statusText(page)) ?? '').includes('<img') ||
      (await page.locator('[data-search-results]').textContent())?.includes('<img'),
  );
  assert.equal(await page.locator('#search-q').inputValue(), '<img src=x onerror=alert(1)>');
  assert.equal(dialog, false);
  await page.close();
});

void test('the highlight is carried into the article page', async () => {
  const page = await open('/search/?q=复工复产');
  await waitForResults(page);
  const href = await results(page).first().locator('a').getAttribute('href');
  assert.match(href ?? '', /\?hl=/u);
  await results(page).first().locator('a').click();
  await page.waitForSelector('mark[data-search-mark]');
  assert.ok((await page.locator('mark[data-search-mark]').allTextContents()).includes('复工复产'));
  await page.close();
});

/** Each result's article text, from its page (the excerpt shows only part of it). */
async function resultTexts(page: Page): Promise<{ href: string; text: string; date: string }[]> {
  const hrefs = await page
    .locator('[data-search-results] a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  return Promise.all(
    hrefs.map(async (href) => {
      const html = await (await page.request.get(`${origin}${href}`)).text();
      const date = /data-date="([^"]*)"/u.exec(html)?.[1] ?? '';
      return { href, text: html.replace(/<[^>]+>/gu, ''), date };
    }),
  );
}

void test('"…" asks for the exact phrase and -词 leaves out articles holding it', async () => {
  const page = await open(`/search/?q=${encodeURIComponent('复工 复产')}`);
  await waitForResults(page);
  const loose = await results(page).count();
  await page.goto(`${origin}/search/?q=${encodeURIComponent('"复工复产"')}`);
  await waitForResults(page);
  const exact = await resultTexts(page);
  assert.ok(exact.length > 0 && exact.length <= loose, `${exact.length} exact of ${loose}`);
  for (const r of exact) assert.ok(r.text.includes('复工复产'), r.href);
  assert.equal(await page.locator('.search-partial').count(), 0);

  // Leave out a word some of those results hold and others do not.
  const word = ['企业', '项目', '工作', '发展', '生产', '经济'].find((w) => {
    const holding = exact.filter((r) => r.text.includes(w)).length;
    return holding > 0 && holding < exact.length;
  });
  assert.ok(word, 'no word that only some results hold');
  await page.goto(`${origin}/search/?q=${encodeURIComponent(`复工复产 -${word}`)}`);
  await waitForResults(page);
  const without = await resultTexts(page);
  assert.ok(without.length > 0, `nothing left without ${word}`);
  for (const r of without) assert.ok(!r.text.includes(word) && r.text.includes('复工'), r.href);
  assert.ok(
    exact.some((r) => !without.some((w) => w.href === r.href)),
    `-${word} left out nothing`,
  );
  assert.match((await page.locator('#search-hint').textContent()) ?? '', /引号.*减号/su);
  await page.close();
});

void test('a date range from the form narrows results to its dates and is kept in the URL', async () => {
  const page = await open('/search/?q=发展');
  await waitForResults(page);
  await page.locator('input[name="from"]').fill('2015-01-01');
  await page.locator('input[name="to"]').fill('2018-12-31');
  await page.locator('input[name="to"]').dispatchEvent('change');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('to') === '2018-12-31');
  await waitForResults(page);
  assert.equal(new URL(page.url()).searchParams.get('from'), '2015-01-01');
  const dated = await resultTexts(page);
  assert.ok(dated.length > 0);
  for (const r of dated) assert.ok(r.date >= '2015-01-01' && r.date <= '2018-12-31', `${r.href} ${r.date}`);
  await page.close();
});

void test('the histogram shows results by year, then by month; a bar filters to exactly its results, Back restores', async () => {
  const page = await open('/search/?q=发展');
  await waitForResults(page);
  const bars = page.locator('[data-search-histogram] a.search-bar');
  assert.ok((await bars.count()) > 1);
  const label = (await bars.first().getAttribute('aria-label')) ?? '';
  const year = /^(\d{4})/u.exec(label)?.[1];
  assert.ok(year, label);
  await bars.first().click();
  await page.waitForFunction((y) => new URL(location.href).searchParams.get('year') === y, year);
  await waitForResults(page);
  for (const r of await resultTexts(page)) assert.equal(r.date.slice(0, 4), year, r.href);
  // Twelve months of that year; one with results limits the search to that month.
  assert.equal(await page.locator('[data-search-histogram] .search-bar').count(), 12);
  const month = page.locator('[data-search-histogram] a.search-bar').first();
  const monthLabel = (await month.getAttribute('aria-label')) ?? '';
  const [, about, n] = /：(约 )?(\d+) 篇/u.exec(monthLabel) ?? [];
  await month.click();
  await page.waitForFunction(() => new URL(location.href).searchParams.has('from'));
  await waitForResults(page);
  const from = new URL(page.url()).searchParams.get('from')!;
  const to = new URL(page.url()).searchParams.get('to')!;
  const inMonth = await resultTexts(page);
  for (const r of inMonth) assert.ok(r.date >= from && r.date <= to, `${r.href} ${r.date} in ${from}…${to}`);
  if (!about) assert.equal(inMonth.length, Number(n), monthLabel);
  await page.goBack();
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('from'));
  await waitForResults(page);
  assert.equal(await page.locator('input[name="from"]').inputValue(), '');
  assert.equal(await page.locator('select[name="year"]').inputValue(), year);
  await page.close();
});
