/**
 * docs/benchmarks.md and docs/benchmarks.svg from benchmark result files
 * (npm run bench -- --json FILE). Pure: figures in, text out. Only measured
 * figures are written; a stage that was a stand-in is marked as such.
 */
import { formatBytes, formatMs, type BenchResult, type StageName } from './benchHarness.ts';
import { lineChart, type Series } from './svgChart.ts';
import { costChecks, searchCostSection } from './search/costDocs.ts';

export const TARGETS = {
  at10k: { articles: 10_000, endToEndMs: 60_000, peakRssBytes: 3e9 },
  at100k: { articles: 100_000, endToEndMs: 15 * 60_000, peakRssBytes: 12e9 },
  pageGzipBytes: 30_000,
  incrementalPercent: 5,
  search: { coldBytes: 150_000, warmMedianMs: 30 },
} as const;

const STAGE_COLORS: Record<StageName, string> = { ingest: '#2b7bb9', astro: '#c0392b', index: '#27ae60' };

function stageCell(r: BenchResult, name: StageName, what: 'time' | 'rss'): string {
  const s = r.stages.find((x) => x.name === name);
  if (!s) return 'not run';
  if (s.exitCode !== 0) return `failed (${s.exitCode})`;
  const value = what === 'time' ? formatMs(s.wallMs) : formatBytes(s.peakRssBytes);
  return s.stub ? `${value} (stub)` : value;
}

/** Ratio of time per article between the largest and smallest run: ≤ 1 means no worse than linear. */
export function scalingRatio(results: readonly BenchResult[], time: (r: BenchResult) => number): number | undefined {
  const sorted = [...results].sort((a, b) => a.archive.articles - b.archive.articles);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last || first === last) return undefined;
  return time(last) / last.archive.articles / (time(first) / first.archive.articles);
}

export interface TargetCheck {
  target: string;
  measured: string;
  verdict: 'met' | 'missed' | 'not measurable yet';
}

/** The run closest to `articles` within ±20%, if any. */
function near(results: readonly BenchResult[], articles: number): BenchResult | undefined {
  return results
    .filter((r) => Math.abs(r.archive.articles - articles) <= articles * 0.2)
    .sort((a, b) => Math.abs(a.archive.articles - articles) - Math.abs(b.archive.articles - articles))
    .sort((a, b) => Number(b.stages.length) - Number(a.stages.length))[0];
}

const complete = (r: BenchResult) => r.stages.length === 3 && r.stages.every((s) => s.exitCode === 0);
const real = (r: BenchResult) => complete(r) && r.stages.every((s) => !s.stub) && !r.options.probe;
const verdict = (ok: boolean): TargetCheck['verdict'] => (ok ? 'met' : 'missed');

/** Each target against the runs: met or missed only where every stage was real and the site was built as is. */
export function targetChecks(results: readonly BenchResult[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of [TARGETS.at10k, TARGETS.at100k]) {
    const r = near(results, size.articles);
    const label = `${size.articles.toLocaleString('en')} articles`;
    const target = `${label}: end to end ≤ ${formatMs(size.endToEndMs)}, peak RSS ≤ ${formatBytes(size.peakRssBytes)}`;
    if (!r) checks.push({ target, measured: 'no run', verdict: 'not measurable yet' });
    else if (real(r)) {
      checks.push({
        target,
        measured: `${formatMs(r.endToEndMs)}, ${formatBytes(r.peakRssBytes)}`,
        verdict: verdict(r.endToEndMs <= size.endToEndMs && r.peakRssBytes <= size.peakRssBytes),
      });
    } else {
      const parts = r.stages.map(
        (s) => `${s.name}${s.stub ? ' (stub)' : ''} ${formatMs(s.wallMs)} / ${formatBytes(s.peakRssBytes)}`,
      );
      const missing = [
        ...r.stages.filter((s) => s.stub).map((s) => `${s.name} is a stub`),
        ...(['ingest', 'astro', 'index'] as const)
          .filter((n) => !r.stages.some((s) => s.name === n))
          .map((n) => `${n} not run`),
        ...(r.options.probe ? ['site built with the probe route'] : []),
      ];
      checks.push({ target, measured: `${parts.join('; ')} (${missing.join(', ')})`, verdict: 'not measurable yet' });
    }
  }
  const realRuns = results.filter(real);
  const linear = scalingRatio(realRuns, (r) => r.endToEndMs);
  checks.push({
    target: 'build time grows no faster than linearly',
    measured:
      linear === undefined
        ? 'needs two complete runs with real stages (astro alone: see the CPU-per-article ratios above)'
        : `end-to-end time per article, largest run over smallest: ${linear.toFixed(2)}`,
    verdict: linear === undefined ? 'not measurable yet' : verdict(linear <= 1.1),
  });
  const weighed = results.filter((r) => r.pageWeight);
  const heaviest = weighed.reduce<BenchResult | undefined>(
    (a, b) => (a && (a.pageWeight?.maxGzip ?? 0) >= (b.pageWeight?.maxGzip ?? 0) ? a : b),
    undefined,
  );
  const pageTarget = `an article page ≤ ${formatBytes(TARGETS.pageGzipBytes)} of HTML and CSS, gzipped`;
  if (!heaviest?.pageWeight)
    checks.push({ target: pageTarget, measured: 'no page weighed', verdict: 'not measurable yet' });
  else {
    const w = heaviest.pageWeight;
    checks.push({
      target: pageTarget,
      measured: `largest ${formatBytes(w.maxGzip)} (${w.pattern})${heaviest.options.probe ? ', probe route, not the site’s page' : ''}`,
      verdict: heaviest.options.probe
        ? 'not measurable yet'
        : verdict(weighed.every((r) => (r.pageWeight?.maxGzip ?? 0) <= TARGETS.pageGzipBytes)),
    });
  }
  const inc = near(
    results.filter((r) => r.incremental),
    TARGETS.at10k.articles,
  )?.incremental;
  const incTarget = `one more day’s pages re-ingest only those pages, in ≤ ${TARGETS.incrementalPercent}% of the full ingest`;
  if (!inc)
    checks.push({
      target: incTarget,
      measured: 'no incremental run near 10,000 articles',
      verdict: 'not measurable yet',
    });
  else {
    checks.push({
      target: incTarget,
      measured: `${inc.percent.toFixed(1)}%, ${inc.newFiles} new and ${inc.changedFiles} changed files${inc.stub ? ' (stub ingest)' : ''}`,
      verdict: inc.stub
        ? 'not measurable yet'
        : verdict(inc.percent <= TARGETS.incrementalPercent && inc.changedFiles === 0),
    });
  }
  for (const size of [TARGETS.at10k, TARGETS.at100k]) {
    const r = near(
      results.filter((x) => x.search && !x.search.stubIndex),
      size.articles,
    );
    const target =
      `${size.articles.toLocaleString('en')} articles: every cold first query ≤ ${formatBytes(TARGETS.search.coldBytes)}, ` +
      `warm query median ≤ ${formatMs(TARGETS.search.warmMedianMs)}`;
    if (!r?.search) checks.push({ target, measured: 'no search measured', verdict: 'not measurable yet' });
    else {
      const s = r.search;
      checks.push({
        target,
        measured:
          `largest of ${s.coldRuns ?? 1} cold first queries ${formatBytes(s.coldBytes)}` +
          `${s.coldBytesMedian === undefined ? '' : ` (median ${formatBytes(s.coldBytesMedian)})`}, warm median ${formatMs(s.warmMedianMs)}`,
        verdict: verdict(s.coldBytes <= TARGETS.search.coldBytes && s.warmMedianMs <= TARGETS.search.warmMedianMs),
      });
    }
  }
  return checks;
}

export function benchmarksMarkdown(results: readonly BenchResult[]): string {
  const sorted = [...results].sort((a, b) => a.archive.articles - b.archive.articles);
  const anyStub = sorted.some((r) => r.stages.some((s) => s.stub));
  const lines: string[] = [
    '# Benchmarks',
    '',
    'Figures measured by `npm run bench` (scripts/tools/bench/bench.ts) on synthetic archives generated from the seeds’ sentences',
    '(scripts/tools/bench/synthetic.ts), then written here by `node scripts/tools/bench/bench-docs.ts`. Each stage runs as its own child',
    'process; peak RSS is the largest sum of resident memory over the stage’s whole process tree, sampled every 100 ms',
    'from /proc. Nothing here is estimated: a figure that was not measured is not in the table.',
    '',
    'Search is measured through the site’s own search page in headless Chromium, served from 127.0.0.1 (text gzip’d',
    'and byte ranges served as nginx does). A cold first query, on a fresh page, is charged for all the search data',
    'fetched from the page’s start (what it prefetches when the search box gets focus included) until its first',
    'results are on screen: the whole first page for a common phrase, the newest matches for a rare one',
    '(docs/search.md, “Stopping early”); requests after that (older shards, counts) are the page’s background work.',
    'A warm query is each of 20 queries on the same page, once the previous one has finished, timed in the page from',
    'submit to results shown.',
    '',
    'The incremental check adds the next day’s pages (8) to the archive and ingests again, three days one after',
    'another, each reusing the ingest cache the runs before it left; their median is compared with the full ingest.',
    '',
  ];
  if (anyStub) {
    lines.push(
      '**Stand-ins:** a figure marked “(stub)” comes from a stand-in stage, not the real one: the ingest stub writes the',
      'generator’s own Markdown without parsing a page, and the index stub runs the plain Pagefind CLI without jieba',
      'segmentation. Those figures only show the harness works; they say nothing about the real stage.',
      '',
    );
  }
  const machine = sorted[0]?.machine;
  if (machine) {
    lines.push(
      `Machine: ${machine.cpus} cores, ${formatBytes(machine.memoryBytes)} memory, Node ${machine.node} on ${machine.platform}.`,
      '',
    );
  }
  lines.push(
    '| articles | pages | site | raw text | ingest | astro | index | end to end | peak RSS | astro peak RSS | astro CPU per article | dist files | article page (gzip, HTML + CSS) | first query transfer | warm query (median) | incremental ingest |',
    '| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of sorted) {
    const astro = r.stages.find((s) => s.name === 'astro');
    const allRan = r.stages.length === 3 && r.stages.every((s) => s.exitCode === 0);
    const e2e = allRan ? formatMs(r.endToEndMs) + (r.stages.some((s) => s.stub) ? ' (stubs)' : '') : 'not all stages';
    const peakStage = r.stages.reduce((a, b) => (b.peakRssBytes > a.peakRssBytes ? b : a), r.stages[0] ?? astro);
    const rss =
      allRan && peakStage ? `${formatBytes(r.peakRssBytes)} (${peakStage.name}${peakStage.stub ? ', stub' : ''})` : '–';
    const cpuPerArticle =
      astro?.cpuMs !== undefined && astro.exitCode === 0 ? `${(astro.cpuMs / r.archive.articles).toFixed(1)} ms` : '–';
    const site = r.options.probe ? 'probe route' : 'as is';
    lines.push(
      `| ${r.archive.articles.toLocaleString('en')} | ${r.archive.pages.toLocaleString('en')} | ${site} | ${formatBytes(r.archive.rawBytes)} | ` +
        `${stageCell(r, 'ingest', 'time')} | ${stageCell(r, 'astro', 'time')} | ${stageCell(r, 'index', 'time')} | ${e2e} | ${rss} | ` +
        `${stageCell(r, 'astro', 'rss')} | ${cpuPerArticle} | ${astro && astro.exitCode === 0 ? astro.output.files.toLocaleString('en') : '–'} | ` +
        `${r.pageWeight ? `${formatBytes(r.pageWeight.medianGzip)} median, ${formatBytes(r.pageWeight.maxGzip)} max` : '–'} | ` +
        `${r.search ? (r.search.coldBytesMedian === undefined ? '' : `${formatBytes(r.search.coldBytesMedian)} median, `) + `${formatBytes(r.search.coldBytes)} max` + (r.search.stubIndex ? ' (stub index)' : '') : '–'} | ` +
        `${r.search ? formatMs(r.search.warmMedianMs) : '–'} | ` +
        `${r.incremental ? `${r.incremental.percent.toFixed(1)}%${r.incremental.stub ? ' (stub)' : ''}` : '–'} |`,
    );
  }
  lines.push('');
  const notes = sorted.flatMap((r) => r.notes.map((n) => `${r.archive.articles.toLocaleString('en')} articles: ${n}`));
  if (sorted.some((r) => r.options.probe)) {
    lines.push(
      'Runs with the “probe route” built a bench-only copy of the site that adds one article page per article',
      '(`src/pages/bench-probe/[id].astro`, BaseLayout and the rendered Markdown), because the site has no article route yet.',
      '',
    );
  }
  // CPU time, not wall time: on a shared machine wall time also measures the neighbours.
  const astroCpu = (r: BenchResult) => r.stages.find((s) => s.name === 'astro' && s.exitCode === 0)?.cpuMs;
  const withCpu = comparable(sorted).filter((r) => astroCpu(r) !== undefined);
  const steps = withCpu.slice(1).map((r, i) => {
    const ratio = scalingRatio([withCpu[i], r], (x) => astroCpu(x) ?? Number.NaN) ?? Number.NaN;
    const k = (x: BenchResult) => `${Math.round(x.archive.articles / 1000)}k`;
    return `${k(withCpu[i])} → ${k(r)}: ${ratio.toFixed(2)}`;
  });
  if (steps.length > 0) {
    lines.push(
      `Astro CPU time per article, each run over the next smaller one: ${steps.join('; ')} ` +
        '(1 is linear growth, below 1 is better; a fixed start-up cost weighs on small runs).',
      '',
    );
  }
  const contended = sorted.flatMap((r) =>
    r.stages
      .filter((st) => st.othersCpuMs !== undefined && st.cpuMs !== undefined)
      .map(
        (st) =>
          `${r.archive.articles.toLocaleString('en')} articles, ${st.name}: CPU time ${formatMs(st.cpuMs ?? 0)} in ` +
          `${formatMs(st.wallMs)} wall; other processes kept ${((100 * (st.othersCpuMs ?? 0)) / (st.wallMs * r.machine.cpus)).toFixed(0)}% of the cores busy`,
      ),
  );
  if (contended.length > 0) {
    lines.push(
      '## Contention',
      '',
      'The machine is shared: when other processes are busy, wall times are longer than on an idle machine. Per stage:',
      '',
      ...contended.map((c) => `- ${c}`),
      '',
    );
  }
  lines.push(...searchCostSection(sorted));
  lines.push(
    '## Reproduce',
    '',
    '```sh',
    'npm run bench -- --articles 1000 --json docs/benchmark-results/a1k.json',
    'npm run bench -- --articles 10000 --json docs/benchmark-results/a10k.json   # also the incremental check',
    'npm run bench -- --articles 100000 --json docs/benchmark-results/a100k.json',
    'npm run bench:docs                                                         # rewrites this page and the chart',
    '```',
    '',
    'Where the search budgets go, and which queries miss them: docs/search.md, “Scale: where the budgets stand”.',
    '',
  );
  lines.push(
    '## Targets',
    '',
    'A target is “met” or “missed” only on runs whose stages were all real; otherwise the table says what is missing.',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
    ...targetChecks(sorted).map((t) => `| ${t.target} | ${t.measured} | ${t.verdict} |`),
    ...costChecks(sorted).map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'met' : 'missed'} |`),
    '',
    '![Build time against article count](benchmarks.svg)',
    '',
  );
  if (notes.length > 0) lines.push('## Notes from the runs', '', ...notes.map((n) => `- ${n}`), '');
  return lines.join('\n');
}

/** Runs built the same way as the largest one (probe route or not), so that a line compares like with like. */
function comparable(results: readonly BenchResult[]): BenchResult[] {
  const sorted = [...results].sort((a, b) => a.archive.articles - b.archive.articles);
  const probe = sorted.at(-1)?.options.probe;
  return sorted.filter((r) => r.options.probe === probe);
}

export function benchmarksChart(results: readonly BenchResult[]): string {
  const sorted = comparable(results);
  const series: Series[] = [];
  for (const name of ['ingest', 'astro', 'index'] as const) {
    const points = sorted.flatMap((r) => {
      const s = r.stages.find((x) => x.name === name && x.exitCode === 0);
      return s ? [{ x: r.archive.articles, y: s.wallMs / 1000 }] : [];
    });
    const stub = sorted.some((r) => r.stages.some((x) => x.name === name && x.stub));
    if (points.length > 0)
      series.push({ name: `${name}${stub ? ' (stub)' : ''}`, points, color: STAGE_COLORS[name], dashed: stub });
  }
  const full = sorted.filter((r) => r.stages.length === 3 && r.stages.every((s) => s.exitCode === 0));
  if (full.length > 0) {
    series.push({
      name: 'end to end',
      points: full.map((r) => ({ x: r.archive.articles, y: r.endToEndMs / 1000 })),
      color: '#333',
    });
  }
  const cpu = sorted.flatMap((r) => {
    const s = r.stages.find((x) => x.name === 'astro' && x.exitCode === 0 && x.cpuMs !== undefined);
    return s ? [{ x: r.archive.articles, y: (s.cpuMs ?? 0) / 1000 }] : [];
  });
  if (cpu.length > 0) series.push({ name: 'astro CPU time', points: cpu, color: '#e67e22' });
  if (series.length === 0) throw new Error('no measured stage to chart');
  // On log-log axes linear growth is a line of slope 1: draw one through the smallest astro run.
  const astroPoints = series.find((s) => s.name === 'astro')?.points ?? [];
  const base = astroPoints.reduce<{ x: number; y: number } | undefined>((a, b) => (a && a.x <= b.x ? a : b), undefined);
  const maxX = Math.max(...series.flatMap((s) => s.points.map((p) => p.x)));
  if (base && maxX > base.x) {
    series.push({
      name: 'linear growth',
      points: [base, { x: maxX, y: (base.y * maxX) / base.x }],
      color: '#999',
      dashed: true,
    });
  }
  return lineChart(series, {
    title: 'Build time against article count (log–log)',
    xLabel: 'articles',
    yLabel: 'time (s)',
    logX: true,
    logY: true,
    formatX: (x) => (x >= 1000 ? `${x / 1000}k` : String(x)),
    formatY: (y) => String(y),
  });
}

/** Sections written by hand at the end of docs/benchmarks.md start at this marker: bench:docs keeps them. */
export const KEPT_SECTIONS_MARKER = '<!-- bench:docs keeps everything below this line -->';

/** The generated page with the previous page's hand-written sections (from the marker on) appended. */
export function withKeptSections(generated: string, previous: string | undefined): string {
  const at = previous?.indexOf(KEPT_SECTIONS_MARKER) ?? -1;
  return at < 0 ? generated : `${generated.trimEnd()}\n\n${previous!.slice(at)}`;
}
