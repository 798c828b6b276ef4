/**
 * Gathers a query's counts (src/search/counts.ts): exact from the hits of the
 * shards searched, each shard's filters telling a hit's region, kind and month;
 * estimated for the shards the directory says can match but were not searched.
 */
import {
  addTally,
  emptyTally,
  estimateMonths,
  matchRatio,
  rounded,
  scaleFacets,
  type Counts,
  type MonthRange,
  type Tally,
} from './counts.ts';
import { monthBounds, type DateRange } from './dateRange.ts';
import { UNKNOWN_YEAR } from './schema.ts';
import type { ShardReader } from './shard.ts';
import type { ShardStats } from './shards.ts';

export interface CountInput {
  hits: readonly { reader: ShardReader; page: number }[];
  searched: readonly ShardReader[];
  unsearched: readonly ShardReader[];
  bounds?: ReadonlyMap<ShardReader, number>;
  /** Every shard's stats by its place in the full list (empty when nothing is estimated). */
  stats: readonly ShardStats[];
  shardIndex: ReadonlyMap<ShardReader, number>;
  filters: Record<string, string | undefined>;
  range: DateRange;
}

/** Facets counted from each shard's filter files (year comes from the months). */
const COUNTED = ['region', 'kind'] as const;

async function exactTally(reader: ShardReader, pages: Set<number>): Promise<Tally> {
  const tally = emptyTally();
  tally.total = pages.size;
  const count = async (name: string, into: Record<string, number>) => {
    for (const [value, on] of await reader.filter(name)) {
      const n = on.filter((p) => pages.has(p)).length;
      if (n) into[value] = n;
    }
  };
  for (const facet of COUNTED) await count(facet, (tally.facets[facet] = {}));
  await count('month', tally.months);
  return tally;
}

/** The months a chosen year and the date range leave. */
function monthLimits(filters: CountInput['filters'], range: DateRange): MonthRange {
  const year = filters.year && filters.year !== UNKNOWN_YEAR ? filters.year : undefined;
  const bounds = monthBounds(range);
  const fromMonth = [bounds.fromMonth, year && `${year}-01`].filter(Boolean).sort().at(-1);
  const toMonth = [bounds.toMonth, year && `${year}-12`].filter(Boolean).sort()[0];
  return { ...(fromMonth ? { fromMonth } : {}), ...(toMonth ? { toMonth } : {}) };
}

/** The shards not searched: what the searched ones matched of their bound, applied to each one's bound. */
function estimateRest(
  input: CountInput,
  bounds: ReadonlyMap<ShardReader, number>,
  pagesOf: Map<ShardReader, Set<number>>,
): Tally {
  const ratio = matchRatio(input.searched.map((r) => ({ hits: pagesOf.get(r)?.size ?? 0, bound: bounds.get(r) ?? 0 })));
  const limits = monthLimits(input.filters, input.range);
  const rest = emptyTally();
  for (const reader of input.unsearched) {
    const months = input.stats[input.shardIndex.get(reader) ?? -1]?.months ?? {};
    addTally(rest, estimateMonths(months, ratio * (bounds.get(reader) ?? 0), limits));
  }
  return rest;
}

export async function countResults(input: CountInput): Promise<Counts> {
  const pagesOf = new Map<ShardReader, Set<number>>(input.searched.map((r) => [r, new Set()]));
  for (const hit of input.hits) pagesOf.get(hit.reader)?.add(hit.page);
  const tally = emptyTally();
  for (const [reader, pages] of pagesOf) if (pages.size) addTally(tally, await exactTally(reader, pages));
  const estimated = Boolean(input.bounds) && input.unsearched.length > 0;
  if (estimated && input.bounds) {
    const rest = estimateRest(input, input.bounds, pagesOf);
    tally.facets = scaleFacets(tally, rest.total);
    addTally(tally, rest);
  }
  const years: Record<string, number> = {};
  for (const [month, n] of Object.entries(tally.months)) {
    const year = /^\d{4}/u.test(month) ? month.slice(0, 4) : UNKNOWN_YEAR;
    years[year] = (years[year] ?? 0) + n;
  }
  tally.facets.year = years;
  return rounded(tally, estimated);
}
