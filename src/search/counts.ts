/**
 * Counts of a query's results (total, per facet value, per month) without
 * reading every shard: exact for the shards searched, estimated for the rest
 * from the token directory's bound and each shard's articles by month
 * (docs/search.md, "Counts"). Pure functions; the engine gathers the inputs.
 */

export interface Tally {
  total: number;
  /** Facet → value → results (region, kind). */
  facets: Record<string, Record<string, number>>;
  /** `YYYY-MM` (or 不详) → results. */
  months: Record<string, number>;
}

export interface Counts extends Tally {
  /** Whether any figure includes an estimate (shown as 约 N). */
  estimated: boolean;
}

export const emptyTally = (): Tally => ({ total: 0, facets: {}, months: {} });

export function addTally(into: Tally, from: Tally): void {
  into.total += from.total;
  for (const [facet, values] of Object.entries(from.facets)) {
    const target = (into.facets[facet] ??= {});
    for (const [value, n] of Object.entries(values)) target[value] = (target[value] ?? 0) + n;
  }
  for (const [month, n] of Object.entries(from.months)) into.months[month] = (into.months[month] ?? 0) + n;
}

/**
 * Share of the directory's bound that searched shards actually matched: a
 * phrase's rarest bigram overstates how many articles hold the phrase, and a
 * filter or date range leaves out some, by a factor that is about the same in
 * every shard. 1 before any shard is searched.
 */
export function matchRatio(searched: readonly { hits: number; bound: number }[]): number {
  const bound = searched.reduce((sum, s) => sum + s.bound, 0);
  const hits = searched.reduce((sum, s) => sum + s.hits, 0);
  return bound > 0 ? Math.min(1, hits / bound) : 1;
}

/** Inclusive `YYYY-MM` bounds, from a chosen year or a date range. */
export interface MonthRange {
  fromMonth?: string;
  toMonth?: string;
}

/**
 * An unsearched shard's expected results spread over its months (`YYYY-MM`, ''
 * when undated → 不详) in proportion to its articles, only over the months in
 * range when any of the shard's are.
 */
export function estimateMonths(months: Readonly<Record<string, number>>, expected: number, r: MonthRange): Tally {
  if (expected <= 0) return emptyTally();
  const all = Object.entries(months);
  const inRange = all.filter(([m]) => m && (!r.fromMonth || m >= r.fromMonth) && (!r.toMonth || m <= r.toMonth));
  const spread = inRange.length ? inRange : all;
  const articles = spread.reduce((sum, [, n]) => sum + n, 0);
  return {
    total: expected,
    facets: {},
    months: Object.fromEntries(spread.map(([m, n]) => [m || '不详', (n * expected) / Math.max(1, articles)])),
  };
}

/**
 * Facet counts for `extra` more results than `exact` holds, spread like the
 * exact ones: the query's own mix of regions and kinds (a district's name in the
 * query skews it) says more than the shards' mix of all articles.
 */
export function scaleFacets(exact: Tally, extra: number): Record<string, Record<string, number>> {
  const factor = exact.total > 0 ? 1 + extra / exact.total : 1;
  return Object.fromEntries(
    Object.entries(exact.facets).map(([facet, values]) => [
      facet,
      Object.fromEntries(Object.entries(values).map(([v, n]) => [v, n * factor])),
    ]),
  );
}

/** Estimates rounded for display; an estimated value that rounds to 0 stays 1, so it is still listed. */
export function rounded(tally: Tally, estimated: boolean): Counts {
  const round = (n: number) => (n > 0 && n < 1 ? 1 : Math.round(n));
  const map = (values: Record<string, number>) =>
    Object.fromEntries(Object.entries(values).map(([k, n]) => [k, round(n)]));
  return {
    total: round(tally.total),
    facets: Object.fromEntries(Object.entries(tally.facets).map(([f, v]) => [f, map(v)])),
    months: map(tally.months),
    estimated,
  };
}
