/**
 * Runs the benchmark: generate a synthetic archive, build it stage by stage
 * in child processes (measured by scripts/tools/bench/procTree.ts), weigh pages,
 * time search in headless Chromium, and check incremental ingest.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, posix, resolve, sep } from 'node:path';
import {
  STAGES,
  defaultCommands,
  expandCommand,
  formatMs,
  type BenchResult,
  type IncrementalSummary,
  type PageWeightSummary,
  type SearchSummary,
  type StageCommand,
  type StageName,
  type StageResult,
} from './benchHarness.ts';
import { measureQueries } from '../browser/browserMeasure.ts';
import { CHROMIUM_PATH } from '../browser/chromium.ts';
import { startStaticServer } from '../server/staticServer.ts';
import { dirStats, listFiles, median, pageWeight, percentile, spreadSample } from './dirStats.ts';
import { searchPageRunner, searchPageSettled } from './search/searchPageQuery.ts';
import { runMeasured } from './procTree.ts';
import { measureSearchCost, type HostCost } from './search/searchCost.ts';
import {
  addDays,
  buildCorpus,
  generateArchive,
  generateIssue,
  issuePlan,
  nextIssue,
  sampleQueries,
  type Corpus,
  type SyntheticOptions,
  type SyntheticPage,
} from './synthetic.ts';
import { loadGazetteer } from '../../../src/schemas/gazetteer.ts';

/** CPU the rest of the machine used during a run, as a share of all cores. */
function othersBusy(othersCpuMs: number, wallMs: number): string {
  return `${Math.round((100 * othersCpuMs) / (wallMs * cpus().length))}%`;
}

/** Days added one after another for the incremental check (see there). */
const INCREMENTAL_DAYS = 3;

export interface BenchOptions {
  root: string;
  seed: string;
  pages: number;
  /** Work folder; default bench-out/<pages>p. */
  out?: string;
  /** Seeds whose sentences make the bodies (default <root>/seeds). */
  seedsDir?: string;
  /** Build with a bench-only copy of the site that adds an article page route (the site has none yet). */
  probe: boolean;
  /** Write Markdown straight from the generator instead of running the ingest (stage labelled stub). */
  direct: boolean;
  commands: Partial<Record<StageName, string>>;
  skip: Set<'ingest' | 'astro' | 'index' | 'search' | 'cost' | 'weight' | 'incremental'>;
  /** Regex over dist-relative paths of the pages to weigh. */
  articlePattern?: string;
  queries: number;
  /** A stage whose process tree passes this RSS is killed (default 16 GB). */
  maxRssBytes?: number;
  /** The page the search runs on, and the Pagefind bundle it imports (site-absolute paths). */
  searchPage: string;
  /** The file whose presence in the build means there is a search index to measure. */
  searchIndex: string;
  log: (line: string) => void;
  echo: boolean;
}

const PROBE_ROUTE = `---
// Bench-only article page (scripts/tools/bench/benchRun.ts): stands in for the site's article route.
import { getCollection, render } from 'astro:content';
import BaseLayout from '../../layouts/BaseLayout.astro';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
const d = entry.data;
---

<BaseLayout title={d.title}>
  <article>
    {d.kicker && <p>{d.kicker}</p>}
    <h1>{d.title}</h1>
    {d.subtitle && <p>{d.subtitle}</p>}
    <p>{d.date} · {d.regions.join('、')} · {d.byline}</p>
    <Content />
  </article>
</BaseLayout>
`;

/** A copy of the site with the probe route, below the project root so that its packages resolve. */
export function prepareProbeSite(root: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of ['src', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    if (existsSync(join(root, name))) cpSync(join(root, name), join(dir, name), { recursive: true });
  }
  rmSync(join(dir, 'src/content/articles'), { recursive: true, force: true });
  // No node_modules link: a symlinked node_modules made Vite's build ten times slower.
  // Packages resolve by walking up from the copy, so it must sit below the project root.
  if (!resolve(dir).startsWith(resolve(root) + sep)) throw new Error(`the probe site ${dir} must be inside ${root}`);
  mkdirSync(join(dir, 'src/pages/bench-probe'), { recursive: true });
  writeFileSync(join(dir, 'src/pages/bench-probe/[id].astro'), PROBE_ROUTE);
}

export function loadCorpus(seedsDir: string): Corpus {
  const texts = existsSync(seedsDir)
    ? readdirSync(seedsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(join(seedsDir, f), 'utf8'))
    : [];
  return buildCorpus(texts, loadGazetteer());
}

interface Written {
  pages: SyntheticPage[];
  articles: number;
  rawBytes: number;
}

/** Writes the pages (and truth.jsonl for the stub ingest); keeps only what the queries need in memory. */
function writeArchive(pages: Iterable<SyntheticPage>, seedsOut: string, truthFile: string, append: boolean): Written {
  mkdirSync(seedsOut, { recursive: true });
  const kept: SyntheticPage[] = [];
  let articles = 0;
  let rawBytes = 0;
  const truth: string[] = [];
  for (const page of pages) {
    writeFileSync(join(seedsOut, page.file), page.text);
    truth.push(JSON.stringify(page));
    articles += page.articles.length;
    rawBytes += Buffer.byteLength(page.text);
    if (kept.length < 2000) kept.push(page);
  }
  writeFileSync(truthFile, truth.join('\n') + '\n', { flag: append ? 'a' : 'w' });
  return { pages: kept, articles, rawBytes };
}

/** Content hashes of the Markdown files (an ingest's own cache files are not content). */
function fingerprint(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const path of listFiles(dir).filter((p) => p.endsWith('.md'))) {
    out.set(
      path,
      createHash('sha1')
        .update(readFileSync(join(dir, path)))
        .digest('hex'),
    );
  }
  return out;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { root, log } = options;
  const out = resolve(options.out ?? join(root, 'bench-out', `${options.pages}p`));
  const seeds = join(out, 'seeds');
  const content = join(out, 'content');
  const dist = join(out, 'dist');
  const truth = join(out, 'truth.jsonl');
  const probeDir = join(out, 'probe-site');
  const notes: string[] = [];
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const synOptions: SyntheticOptions = { seed: options.seed, pages: options.pages };
  const corpus = loadCorpus(options.seedsDir ?? join(root, 'seeds'));
  log(`generating ${options.pages} pages (${corpus.sentences.length} corpus sentences) into ${seeds}`);
  const written = writeArchive(generateArchive(corpus, synOptions), seeds, truth, false);
  const plan = issuePlan(synOptions);
  log(`  ${written.articles} articles, ${(written.rawBytes / 1e6).toFixed(1)} MB`);

  const commands = defaultCommands({
    hasIngest: existsSync(join(root, 'scripts/ingest/ingest.ts')),
    hasSearchIndex: existsSync(join(root, 'scripts/indexer/searchIndex.ts')),
    direct: options.direct,
  }).map((c): StageCommand => {
    const custom = options.commands[c.name];
    return custom ? { ...c, command: custom, stub: false, label: `custom: ${custom}` } : c;
  });
  // The ingest's page cache lives with the run: a full ingest starts from nothing, the incremental one reuses it.
  const cache = join(out, 'ingest-cache');
  const vars = { node: process.execPath, root, seeds, content, dist, truth, cache };
  const env = {
    ...process.env,
    PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    ARCHIVE_CONTENT_DIR: content,
    ARCHIVE_OUT_DIR: dist,
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (options.probe) {
    prepareProbeSite(root, probeDir);
    notes.push(
      'astro built a bench-only copy of the site with an added article route (src/pages/bench-probe/[id].astro)',
    );
  }

  const stages: StageResult[] = [];
  const outputs: Record<StageName, string> = { ingest: content, astro: dist, index: join(dist, 'pagefind') };
  for (const stage of commands) {
    if (options.skip.has(stage.name)) continue;
    if (stage.name === 'astro') {
      // A full build: no content-layer cache from an earlier run, a single build's or a part's (partPaths in
      // scripts/build/astroParts.ts). A part that found a 100k run's cache loaded it first: 5 GB at 10k, measured.
      for (const base of [root, probeDir]) rmSync(join(base, 'node_modules/.astro'), { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    }
    if (stage.name === 'ingest') {
      rmSync(content, { recursive: true, force: true });
      rmSync(cache, { recursive: true, force: true });
    }
    const command = expandCommand(stage.command, vars);
    log(`${stage.name}${stage.stub ? ' (STUB)' : ''}: ${command}`);
    const cwd = stage.name === 'astro' && options.probe ? probeDir : root;
    const maxRssBytes = options.maxRssBytes ?? 16e9;
    const run = await runMeasured(command, { cwd, env, echo: options.echo, maxRssBytes });
    if (run.killedForRss)
      notes.push(`${stage.name} was killed when its RSS passed ${(maxRssBytes / 1e9).toFixed(1)} GB`);
    const exclude = stage.name === 'astro' ? (p: string) => p.startsWith('pagefind/') : undefined;
    const result: StageResult = {
      name: stage.name,
      label: stage.label,
      command,
      stub: stage.stub,
      exitCode: run.exitCode,
      wallMs: run.wallMs,
      peakRssBytes: run.peakRssBytes,
      ...(run.cpuMs === undefined ? {} : { cpuMs: run.cpuMs }),
      ...(run.othersCpuMs === undefined ? {} : { othersCpuMs: run.othersCpuMs }),
      output: { dir: outputs[stage.name], ...dirStats(outputs[stage.name], exclude) },
    };
    stages.push(result);
    log(
      `  ${(run.wallMs / 1000).toFixed(1)} s, peak RSS ${(run.peakRssBytes / 1e6).toFixed(0)} MB, exit ${run.exitCode}`,
    );
    if (run.exitCode !== 0) {
      log(run.tail);
      notes.push(`${stage.name} failed with exit code ${run.exitCode}; later stages skipped`);
      break;
    }
  }
  const ok = (name: StageName) => stages.some((s) => s.name === name && s.exitCode === 0);

  let pageWeightSummary: PageWeightSummary | undefined;
  if (!options.skip.has('weight') && ok('astro')) {
    const pattern =
      options.articlePattern ?? (options.probe ? '^bench-probe/[^/]+/index\\.html$' : '^articles?/[^/]+/index\\.html$');
    const re = new RegExp(pattern);
    const candidates = listFiles(dist).filter((p) => re.test(p));
    if (candidates.length === 0) notes.push(`no built page matches ${pattern}: page weight not measured`);
    else {
      const weights = spreadSample(candidates, 50).map((p) => pageWeight(dist, p));
      const largest = weights.reduce((a, b) => (b.totalGzip > a.totalGzip ? b : a));
      pageWeightSummary = {
        pattern,
        sampled: weights.length,
        medianGzip: median(weights.map((w) => w.totalGzip)),
        maxGzip: largest.totalGzip,
        cssGzip: largest.cssGzip,
        largest: largest.path,
      };
    }
  }

  let search: SearchSummary | undefined;
  // Several first queries, each on a fresh page: the budget holds for the worst of them.
  const COLD_RUNS = 5;
  const bundleFile = join(dist, options.searchIndex);
  if (!options.skip.has('search') && ok('index') && !existsSync(bundleFile)) {
    notes.push(`no ${options.searchIndex} in the build: search not measured`);
  } else if (!options.skip.has('search') && ok('index')) {
    if (!existsSync(CHROMIUM_PATH)) notes.push(`no ${CHROMIUM_PATH}: search not measured`);
    else {
      const queries = sampleQueries(written.pages, options.queries, options.seed);
      const server = await startStaticServer(dist);
      try {
        const m = await measureQueries({
          url: server.origin + options.searchPage,
          queries,
          runQuery: searchPageRunner(),
          server,
          coldRuns: COLD_RUNS,
          beforeQuery: searchPageSettled,
          // The index's own folder (shard list, page lists, chunks, fragments): prefetched on focus.
          isSearchData: (path) => path.startsWith(`${posix.dirname(options.searchIndex)}/`),
        });
        const coldBytes = m.colds.map((t) => t.bytes);
        const warm = m.warm.map((t) => t.ms);
        search = {
          url: options.searchPage,
          queries,
          pageLoadBytes: m.pageLoadBytes,
          coldQuery: m.cold.query,
          coldMs: m.cold.ms,
          coldBytes: Math.max(...coldBytes),
          coldBytesMedian: median(coldBytes),
          coldRuns: coldBytes.length,
          warmMedianMs: median(warm),
          warmP95Ms: percentile(warm, 0.95),
          stubIndex: stages.find((s) => s.name === 'index')?.stub ?? true,
        };
        const hits = m.warm.flatMap((t) => (t.hits === undefined ? [] : [t.hits]));
        if (hits.length > 0) {
          search.medianHits = median(hits);
          search.zeroHitQueries = hits.filter((h) => h === 0).length;
        }
      } finally {
        await server.close();
      }
    }
  }

  let searchCost: HostCost[] | undefined;
  if (!options.skip.has('cost') && ok('index') && existsSync(bundleFile) && existsSync(CHROMIUM_PATH)) {
    log('search cost through nginx (deploy/nginx-site.conf), with and without byte ranges:');
    const queries = sampleQueries(written.pages, options.queries, options.seed);
    searchCost = await measureSearchCost(dist, join(out, 'cost'), queries, log);
  }

  let incremental: IncrementalSummary | undefined;
  const ingest = stages.find((s) => s.name === 'ingest');
  if (!options.skip.has('incremental') && ingest && ingest.exitCode === 0) {
    // One day's pages at a time, on INCREMENTAL_DAYS days in a row: a single run of ~0.1 s is at the mercy of
    // whatever else the machine does in that moment, so the median of the days is what is compared.
    const first = nextIssue(synOptions);
    const runsMs: number[] = [];
    let newFiles = 0;
    let changedFiles = 0;
    for (let day = 0; day < INCREMENTAL_DAYS; day++) {
      const issue = { ...first, date: addDays(first.date, day) };
      const before = fingerprint(content);
      log(`incremental: adding the ${issue.date} issue (${issue.pages} pages) and ingesting again`);
      writeArchive(generateIssue(corpus, options.seed, issue), seeds, truth, true);
      const run = await runMeasured(ingest.command, {
        cwd: root,
        env,
        echo: options.echo,
        maxRssBytes: options.maxRssBytes ?? 16e9,
      });
      if (run.exitCode !== 0) notes.push(`incremental ingest of ${issue.date} failed with exit code ${run.exitCode}`);
      runsMs.push(run.wallMs);
      const busy = run.othersCpuMs === undefined ? '' : `, others busy ${othersBusy(run.othersCpuMs, run.wallMs)}`;
      log(`  ${formatMs(run.wallMs)}${busy}`);
      for (const [path, hash] of fingerprint(content)) {
        if (!before.has(path)) newFiles++;
        else if (before.get(path) !== hash) changedFiles++;
      }
    }
    const incrementalMs = median(runsMs);
    incremental = {
      baseArticles: written.articles,
      addedPages: first.pages,
      fullMs: ingest.wallMs,
      incrementalMs,
      runsMs,
      percent: (100 * incrementalMs) / ingest.wallMs,
      newFiles,
      changedFiles,
      stub: ingest.stub,
    };
  }

  if (options.direct) notes.push('ingest stage replaced by a stub that writes the generator’s Markdown (direct mode)');
  const measured = stages.filter((s) => s.exitCode === 0);
  const result: BenchResult = {
    version: 1,
    finished: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryBytes: totalmem(), node: process.version, platform: process.platform },
    options: { seed: options.seed, pages: options.pages, probe: options.probe, direct: options.direct },
    archive: {
      pages: options.pages,
      articles: written.articles,
      rawBytes: written.rawBytes,
      firstDate: plan[0]?.date ?? '',
      lastDate: plan.at(-1)?.date ?? '',
    },
    stages,
    endToEndMs: measured.reduce((sum, s) => sum + s.wallMs, 0),
    peakRssBytes: Math.max(0, ...measured.map((s) => s.peakRssBytes)),
    notes,
  };
  if (pageWeightSummary) result.pageWeight = pageWeightSummary;
  if (search) result.search = search;
  if (incremental) result.incremental = incremental;
  if (searchCost) result.searchCost = searchCost;
  for (const name of STAGES) if (!stages.some((s) => s.name === name)) notes.push(`${name} stage not run`);
  return result;
}
