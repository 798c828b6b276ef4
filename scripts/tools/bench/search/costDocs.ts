/**
 * The search-cost part of docs/benchmarks.md (scripts/tools/bench/search/searchCost.ts
 * measures it): per run and host, what a query no article holds, a first page,
 * everything until idle, and a repeat cost, against issue 14's targets. Pure.
 */
import { formatBytes, formatMs, type BenchResult } from '../benchHarness.ts';
import { NO_RESULT_QUERY, type HostCost, type QueryCost } from './searchCost.ts';

export const COST_TARGETS = {
  noResultMs: 300,
  noResultBytes: 60_000,
  firstBytes: 150_000,
  idleBytes: 300_000,
  repeatBytes: 5_000,
} as const;

export interface CostSummary {
  noResult?: QueryCost;
  /** The bench's queries (the no-result one left out). */
  queries: QueryCost[];
  firstMax: number;
  firstMedian: number;
  idleMax: number;
  idleMedian: number;
  repeatMax: number;
}

const median = (values: readonly number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2 : Number.NaN;
};

export function summarize(host: HostCost): CostSummary {
  const queries = host.queries.filter((q) => q.query !== NO_RESULT_QUERY);
  const all = host.queries;
  return {
    noResult: host.queries.find((q) => q.query === NO_RESULT_QUERY),
    queries,
    firstMax: Math.max(...queries.map((q) => q.firstBytes)),
    firstMedian: median(queries.map((q) => q.firstBytes)),
    idleMax: Math.max(...queries.map((q) => q.idleBytes)),
    idleMedian: median(queries.map((q) => q.idleBytes)),
    repeatMax: Math.max(...all.map((q) => q.repeatBytes)),
  };
}

const hostLabel = (host: HostCost['host']) => (host === 'ranges' ? 'nginx, byte ranges' : 'nginx, no byte ranges');

/** One verdict per run and host: every figure within its target. */
export function costChecks(results: readonly BenchResult[]): { target: string; measured: string; met: boolean }[] {
  return results.flatMap((r) =>
    (r.searchCost ?? []).map((host) => {
      const s = summarize(host);
      const t = COST_TARGETS;
      const none = s.noResult;
      const met =
        none !== undefined &&
        none.firstMs <= t.noResultMs &&
        none.idleBytes <= t.noResultBytes &&
        s.firstMax <= t.firstBytes &&
        s.idleMax <= t.idleBytes &&
        s.repeatMax <= t.repeatBytes;
      return {
        target:
          `${r.archive.articles.toLocaleString('en')} articles, ${hostLabel(host.host)}: no result in ≤ ${formatMs(t.noResultMs)} and ≤ ${formatBytes(t.noResultBytes)}; ` +
          `first results ≤ ${formatBytes(t.firstBytes)}, idle ≤ ${formatBytes(t.idleBytes)}, repeat ≤ ${formatBytes(t.repeatBytes)}`,
        measured:
          `no result ${none ? `${formatMs(none.firstMs)}, ${formatBytes(none.idleBytes)}` : 'not measured'}; ` +
          `first ≤ ${formatBytes(s.firstMax)}, idle ≤ ${formatBytes(s.idleMax)}, repeat ≤ ${formatBytes(s.repeatMax)}`,
        met,
      };
    }),
  );
}

export function searchCostSection(results: readonly BenchResult[]): string[] {
  const rows = results.flatMap((r) =>
    (r.searchCost ?? []).map((host) => {
      const s = summarize(host);
      const none = s.noResult;
      return (
        `| ${r.archive.articles.toLocaleString('en')} | ${hostLabel(host.host)} | ` +
        `${none ? `${formatMs(none.firstMs)}, ${formatBytes(none.idleBytes)}` : '–'} | ` +
        `${formatBytes(s.firstMedian)} / ${formatBytes(s.firstMax)} | ${formatBytes(s.idleMedian)} / ${formatBytes(s.idleMax)} | ` +
        `${formatBytes(s.repeatMax)} | ${s.queries.length} |`
      );
    }),
  );
  if (!rows.length) return [];
  return [
    '## Search cost through nginx',
    '',
    'Measured by `npm run bench` (scripts/tools/bench/search/searchCost.ts): the built site served by nginx with the',
    "project's own rules as written (deploy/nginx-site.conf), once as is and once with `max_ranges 0` (a host without",
    'byte ranges); headless Chromium, each query on a fresh browser (empty caches), bytes as nginx logged them',
    '(headers included), counted from loading /search/ (its HTML, CSS and script included). “No result” is',
    `${NO_RESULT_QUERY}, which no article holds: time from submit to “没有找到”, bytes until idle. “First results”: until the`,
    'first results are on screen; “until idle”: until the count, filters and histogram are shown; “repeat”: the same',
    'query on a new page of the same browser afterwards. Median / largest over the bench’s queries.',
    '',
    '| articles | host | no result | first results | until idle | repeat (largest) | queries |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
    '',
  ];
}
