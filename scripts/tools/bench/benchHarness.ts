/**
 * The benchmark's vocabulary: stage commands, result records and the printed
 * table. Pure; scripts/tools/bench/bench.ts does the running.
 */
import type { HostCost } from './search/searchCost.ts';

export type StageName = 'ingest' | 'astro' | 'index';
export const STAGES: readonly StageName[] = ['ingest', 'astro', 'index'];

export interface StageCommand {
  name: StageName;
  /** A shell command; {node} {root} {seeds} {content} {dist} {truth} are filled in. */
  command: string;
  /** True when this is a stand-in for a stage that is not written yet: its figures are not the real stage's. */
  stub: boolean;
  /** What the stage is, in a few words, for the report. */
  label: string;
}

export interface CommandContext {
  /** Which real pieces exist in the project. */
  hasIngest: boolean;
  hasSearchIndex: boolean;
  /** Write Markdown straight from the generator instead of ingesting the pages. */
  direct: boolean;
}

/** The default command of each stage: the real one when it exists, else a labelled stand-in. */
export function defaultCommands(ctx: CommandContext): StageCommand[] {
  const ingest: StageCommand =
    ctx.hasIngest && !ctx.direct
      ? {
          name: 'ingest',
          // As `npm run ingest` starts it: with Node's compile cache beside the page cache (see scripts/ingest/ingest.ts).
          command:
            'NODE_COMPILE_CACHE={cache}/compile {node} {root}/scripts/ingest/ingest.ts --seeds {seeds} --out {content} --cache {cache}',
          stub: false,
          label: 'scripts/ingest/ingest.ts',
        }
      : {
          name: 'ingest',
          command: '{node} {root}/scripts/tools/bench/stub-ingest.ts --seeds {seeds} --out {content} --truth {truth}',
          stub: true,
          label: 'STUB: generator truth written as Markdown, no parsing',
        };
  const astro: StageCommand = {
    name: 'astro',
    // The parallel build (one `astro build` per core, merged); its RSS is summed over the process tree.
    command: '{node} {root}/scripts/build/build-site.ts',
    stub: false,
    label: 'scripts/build/build-site.ts (parallel astro build)',
  };
  const index: StageCommand = ctx.hasSearchIndex
    ? {
        name: 'index',
        command: '{node} {root}/scripts/tools/bench/run-index.ts --dist {dist}',
        stub: false,
        label: 'buildSearchIndex (scripts/indexer/searchIndex.ts)',
      }
    : {
        name: 'index',
        command: '{node} {root}/node_modules/pagefind/lib/runner/bin.cjs --site {dist}',
        stub: true,
        label: 'STUB: plain Pagefind CLI, no jieba segmentation',
      };
  return [ingest, astro, index];
}

/** Fills `{name}` slots; an unknown slot is an error, not a silent empty string. */
export function expandCommand(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`unknown {${name}} in command: ${template}`);
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
  });
}

export interface StageResult {
  name: StageName;
  label: string;
  command: string;
  stub: boolean;
  exitCode: number;
  wallMs: number;
  peakRssBytes: number;
  /** User + system CPU time of the stage's processes. */
  cpuMs?: number;
  /** CPU time other processes on the machine used during the stage: contention that inflates wall time. */
  othersCpuMs?: number;
  output: { dir: string; bytes: number; files: number };
}

export interface PageWeightSummary {
  pattern: string;
  sampled: number;
  medianGzip: number;
  maxGzip: number;
  cssGzip: number;
  largest: string;
}

export interface SearchSummary {
  url: string;
  queries: string[];
  pageLoadBytes: number;
  coldQuery: string;
  coldMs: number;
  /** The most any of the cold first queries transferred. */
  coldBytes: number;
  /** Median over the cold first queries, and how many there were. */
  coldBytesMedian?: number;
  coldRuns?: number;
  warmMedianMs: number;
  warmP95Ms: number;
  /** Median result count over the warm queries, and how many found nothing. */
  medianHits?: number;
  zeroHitQueries?: number;
  /** True when the index was built by a stand-in stage. */
  stubIndex: boolean;
}

export interface IncrementalSummary {
  baseArticles: number;
  /** Pages of each day added. */
  addedPages: number;
  fullMs: number;
  /** The median of runsMs. */
  incrementalMs: number;
  /** Each day's run, in order: a day's pages added to the archive as the previous runs left it. */
  runsMs?: number[];
  percent: number;
  /** Content files that appeared or changed in those runs, all days together. */
  newFiles: number;
  changedFiles: number;
  stub: boolean;
}

export interface BenchResult {
  version: 1;
  /** When the run finished (ISO time). */
  finished: string;
  machine: { cpus: number; memoryBytes: number; node: string; platform: string };
  options: { seed: string; pages: number; probe: boolean; direct: boolean };
  archive: { pages: number; articles: number; rawBytes: number; firstDate: string; lastDate: string };
  stages: StageResult[];
  endToEndMs: number;
  peakRssBytes: number;
  pageWeight?: PageWeightSummary;
  search?: SearchSummary;
  incremental?: IncrementalSummary;
  /** Bytes and time per query through nginx, with and without byte ranges (scripts/tools/bench/search/searchCost.ts). */
  searchCost?: HostCost[];
  notes: string[];
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '–';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A plain-text table with right-aligned columns after the first. */
export function textTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The report printed at the end of a run. */
export function formatResult(r: BenchResult): string {
  const out: string[] = [];
  out.push(
    `archive: ${r.archive.pages} pages, ${r.archive.articles} articles, ${formatBytes(r.archive.rawBytes)} raw text, ` +
      `${r.archive.firstDate} … ${r.archive.lastDate}`,
  );
  const rows = r.stages.map((s) => [
    s.name + (s.stub ? ' (stub)' : '') + (s.exitCode !== 0 ? ` FAILED ${s.exitCode}` : ''),
    formatMs(s.wallMs),
    formatBytes(s.peakRssBytes),
    s.cpuMs === undefined ? '–' : formatMs(s.cpuMs),
    s.othersCpuMs === undefined ? '–' : `${((100 * s.othersCpuMs) / (s.wallMs * r.machine.cpus)).toFixed(0)}%`,
    formatBytes(s.output.bytes),
    String(s.output.files),
  ]);
  rows.push(['end to end', formatMs(r.endToEndMs), formatBytes(r.peakRssBytes), '', '', '', '']);
  const header = ['stage', 'wall time', 'peak RSS (tree)', 'CPU time', 'others busy', 'output', 'files'];
  out.push(textTable(header, rows));
  for (const s of r.stages) out.push(`  ${s.name}: ${s.label}`);
  out.push('  others busy: CPU used by other processes on the machine during the stage, as a share of all cores');
  if (r.pageWeight) {
    const w = r.pageWeight;
    out.push(
      `article page weight (gzip, HTML + linked CSS, ${w.sampled} pages matching ${w.pattern}): ` +
        `median ${formatBytes(w.medianGzip)}, max ${formatBytes(w.maxGzip)} (CSS ${formatBytes(w.cssGzip)}; ${w.largest})`,
    );
  }
  if (r.search) {
    const s = r.search;
    out.push(
      `search${s.stubIndex ? ' (stub index)' : ''}: page load ${formatBytes(s.pageLoadBytes)}; cold first query ` +
        `"${s.coldQuery}" ${formatMs(s.coldMs)}; ${s.coldRuns ?? 1} cold first queries transferred at most ${formatBytes(s.coldBytes)}` +
        `${s.coldBytesMedian === undefined ? '' : ` (median ${formatBytes(s.coldBytesMedian)})`}; warm median ` +
        `${formatMs(s.warmMedianMs)}, p95 ${formatMs(s.warmP95Ms)} over ${s.queries.length} queries` +
        (s.medianHits === undefined
          ? ''
          : `; median ${s.medianHits} results on the first page, ${s.zeroHitQueries ?? 0} queries with none`),
    );
  }
  if (r.incremental) {
    const i = r.incremental;
    out.push(
      `incremental ingest${i.stub ? ' (stub)' : ''}: +${i.addedPages} pages on ${i.baseArticles} articles: ` +
        `${formatMs(i.incrementalMs)}${i.runsMs && i.runsMs.length > 1 ? ` (median of ${i.runsMs.map(formatMs).join(', ')}, a day each)` : ''} ` +
        `vs full ${formatMs(i.fullMs)} = ${i.percent.toFixed(1)}%; ` +
        `${i.newFiles} new and ${i.changedFiles} changed content files`,
    );
  }
  for (const note of r.notes) out.push(`note: ${note}`);
  return out.join('\n');
}
