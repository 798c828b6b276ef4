/**
 * Measures search quality in headless Chromium, ours against stock Pagefind.
 *
 *   npm run eval:search -- [--dist <dir> | --synthetic <n>] [--samples 300] [--seed 1] [--check] [--json <file>]
 *     [--shard-size <n>] [--skip-stock] [--keep-index]
 *
 * --dist uses already built pages (dist/articles/…); --synthetic writes n contract
 * pages from the fixtures (scripts/tools/eval/searchFixtures.ts); with neither, runs
 * `npm run build` (SEEDS_DIR is passed through) and uses dist/.
 * Samples runs of 2–8 hanzi from article titles and bodies, then reports recall
 * (the sampled article is found), R-precision (R = articles holding the query
 * verbatim), median warm latency and bytes transferred for a first query from a
 * cold page. --check exits 1 if our recall < 99.5% or R-precision < 98%.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser/chromium.ts';
import { startStaticServer } from '../server/staticServer.ts';
import { buildSearchIndex, articlePages } from '../../indexer/searchIndex.ts';
import { withPagefind } from '../../indexer/searchPagefind.ts';
import { fixtureSet, prng, writeFixtureSite } from './searchFixtures.ts';
import type { ArticleRecord } from '../../indexer/searchPages.ts';
import type { EvalRun } from './searchEvalClient.ts';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string' },
    synthetic: { type: 'string' },
    samples: { type: 'string', default: '300' },
    seed: { type: 'string', default: '1' },
    check: { type: 'boolean', default: false },
    json: { type: 'string' },
    'skip-stock': { type: 'boolean', default: false },
    'shard-size': { type: 'string' },
    'keep-index': { type: 'boolean', default: false },
  },
});

const ROOT = new URL('../../../', import.meta.url).pathname;
const work = await mkdtemp(join(tmpdir(), 'eval-search-'));

async function siteDir(): Promise<string> {
  if (args.dist) return args.dist;
  if (args.synthetic) {
    const dir = join(work, 'dist');
    await writeFixtureSite(dir, await fixtureSet(Number(args.synthetic), Number(args.seed)));
    return dir;
  }
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  return join(ROOT, 'dist');
}

// ---- index both ways ----------------------------------------------------------------
const dist = await siteDir();
const records: ArticleRecord[] = [];
for await (const r of articlePages(dist)) records.push(r);
console.log(`${records.length} article pages in ${dist}`);

const memory = () => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB rss`;
let t0 = Date.now();
const ours = args['keep-index']
  ? { files: 0, bytes: 0 }
  : await buildSearchIndex({
      distDir: dist,
      log: console.log,
      ...(args['shard-size'] ? { shardSize: Number(args['shard-size']) } : {}),
    });
const oursIndexMs = Date.now() - t0;
const stockDir = join(work, 'stock', 'pagefind');
t0 = Date.now();
if (!args['skip-stock']) {
  await withPagefind({}, async (indexer) => {
    await indexer.addDirectory(dist, 'articles/**/*.html');
    await indexer.write(stockDir);
  });
}
const stockIndexMs = Date.now() - t0;
console.log(`indexed: ours ${oursIndexMs} ms, stock ${stockIndexMs} ms (${memory()})`);

// ---- client bundle and server ---------------------------------------------------------
const evalDir = join(work, 'eval');
await build({
  entryPoints: [join(ROOT, 'scripts/tools/eval/searchEvalClient.ts')],
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  outdir: evalDir,
  external: ['/pagefind/*', '/__stock/*'],
  logLevel: 'warning',
});
// No favicon request: the server would answer it with the site's 404 page, counted as the first query's bytes.
await writeFile(
  join(evalDir, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="/__eval/searchEvalClient.js"></script></head><body></body></html>',
);
await writeFile(join(evalDir, 't2s.json'), await readFile(join(ROOT, 'data/search-t2s.json')));

// The site with the evaluation's page beside it, as a static host serves them (gzip, byte ranges).
const server = await startStaticServer(dist, { mounts: { '/__eval/': evalDir, '/__stock/': join(work, 'stock') } });
const origin = server.origin;

// ---- samples and ground truth ---------------------------------------------------------
const random = prng(Number(args.seed));
const HAN_RUN = /\p{Script=Han}{2,}/gu;
const samples: { query: string; source: string }[] = [];
while (samples.length < Number(args.samples)) {
  const r = records[Math.floor(random() * records.length)];
  const text = random() < 0.2 ? r.title : r.body;
  const runs = [...text.matchAll(HAN_RUN)].map((m) => [...m[0]]);
  if (!runs.length) continue;
  const run = runs[Math.floor(random() * runs.length)];
  const length = 2 + Math.floor(random() * (Math.min(8, run.length) - 1));
  const start = Math.floor(random() * (run.length - length + 1));
  samples.push({ query: run.slice(start, start + length).join(''), source: r.url });
}
const holders = (q: string) =>
  new Set(records.filter((r) => r.title.includes(q) || r.body.includes(q)).map((r) => r.url));

// ---- run --------------------------------------------------------------------------------
const browser = await launchChromium(process.env.CHROMIUM);
const run = (page: Page, which: 'ours' | 'stock', query: string, collect = true) =>
  page.evaluate<EvalRun, readonly [typeof which, string, boolean]>(
    ([w, q, c]) => window.evalSearch(w, q, c),
    [which, query, collect],
  );

interface Tally {
  found: number;
  holderRecall: number;
  rPrecision: number;
  ms: number[];
  firstBytes: number[];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const engines = args['skip-stock'] ? (['ours'] as const) : (['ours', 'stock'] as const);
const tally = Object.fromEntries(
  engines.map((e): [string, Tally] => [e, { found: 0, holderRecall: 0, rPrecision: 0, ms: [], firstBytes: [] }]),
);
const misses: Record<string, string[]> = { ours: [], stock: [] };
try {
  for (const which of engines) {
    // Cold first queries: a fresh context (empty cache) each time.
    for (const sample of samples.slice(0, 5)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      server.reset();
      await page.goto(`${origin}/__eval/`);
      await page.waitForFunction(() => typeof window.evalSearch === 'function');
      await run(page, which, sample.query, false);
      tally[which].firstBytes.push(server.bytes());
      if (process.env.EVAL_TRACE) for (const r of server.requests()) console.log(`  ${r.bytes}\t${r.path}`);
      await context.close();
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${origin}/__eval/`);
    await page.waitForFunction(() => typeof window.evalSearch === 'function');
    for (const [i, sample] of samples.entries()) {
      const result = await run(page, which, sample.query);
      const t = tally[which];
      if (i >= 3) t.ms.push(result.ms);
      const truth = holders(sample.query);
      if (result.urls.includes(sample.source)) t.found++;
      else misses[which].push(sample.query);
      t.holderRecall += result.urls.filter((u) => truth.has(u)).length / truth.size;
      t.rPrecision += result.urls.slice(0, truth.size).filter((u) => truth.has(u)).length / truth.size;
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- report -----------------------------------------------------------------------------
const n = samples.length;
const pct = (x: number) => `${((100 * x) / n).toFixed(2)}%`;
const report = Object.fromEntries(
  engines.map((e) => {
    const t = tally[e];
    return [
      e,
      {
        recall: t.found / n,
        holderRecall: t.holderRecall / n,
        rPrecision: t.rPrecision / n,
        medianMs: median(t.ms),
        firstQueryBytes: median(t.firstBytes),
        maxFirstQueryBytes: Math.max(...t.firstBytes),
        misses: misses[e].slice(0, 10),
      },
    ];
  }),
);
console.log(`\n${n} samples of 2–8 hanzi, ${records.length} articles (seed ${args.seed})`);
console.log('engine  recall   holders  R-prec   median ms  first-query bytes (median/max)');
for (const e of engines) {
  const t = tally[e];
  console.log(
    `${e.padEnd(7)} ${pct(t.found).padStart(7)}  ${pct(t.holderRecall).padStart(7)}  ${pct(t.rPrecision).padStart(7)}  ${median(t.ms).toFixed(1).padStart(8)}   ${median(t.firstBytes)} / ${Math.max(...t.firstBytes)}`,
  );
}
console.log(`index: ours ${ours.files} files ${(ours.bytes / 1e6).toFixed(2)} MB on disk`);
if (args.json) await writeFile(args.json, JSON.stringify({ articles: records.length, samples: n, ...report }, null, 2));
await rm(work, { recursive: true, force: true });

const mine = report.ours;
if (args.check) {
  const checks = [
    { name: 'recall ≥ 99.5%', ok: mine.recall >= 0.995, value: mine.recall },
    { name: 'R-precision ≥ 98%', ok: mine.rPrecision >= 0.98, value: mine.rPrecision },
  ];
  for (const c of checks) console.log(`${c.ok ? 'ok' : 'FAILED'}: ${c.name} (${(c.value * 100).toFixed(2)}%)`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`search: ${checks.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exit(1);
}
