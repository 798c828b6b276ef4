/**
 * Which of a shard's pages a query may return, before any text is read: the
 * chosen filters and date range (each shard's Pagefind filters), and the query
 * syntax (`"…"` must be verbatim, `-词` must not be), judged from token positions.
 */
import { FACETS, type Facet } from './schema.ts';
import { dateRangeHolds, type DateRange } from './dateRange.ts';
import type { QueryTerm } from './text/query.ts';
import type { ShardReader } from './shard.ts';
import type { Filters, SearchResponse } from './fetch/response.ts';

/** Pages passing the filters other than `except`, and the date range; undefined when nothing filters. */
export async function allowedPages(
  reader: ShardReader,
  filters: Filters,
  except?: Facet,
  range: DateRange = {},
): Promise<Set<number> | undefined> {
  let allowed: Set<number> | undefined;
  const keep = (pages: Set<number>) => (allowed = allowed ? new Set([...allowed].filter((p) => pages.has(p))) : pages);
  for (const facet of FACETS) {
    const value = filters[facet];
    if (!value || facet === except) continue;
    keep(new Set((await reader.filter(facet)).get(value) ?? []));
  }
  // A shard wholly inside the range needs no look at its articles' dates.
  const { newest, oldest } = reader.info;
  if ((range.from || range.to) && !(newest && dateRangeHolds(range, oldest) && dateRangeHolds(range, newest))) {
    const byDate = await reader.filter('date');
    keep(new Set([...byDate].flatMap(([date, pages]) => (dateRangeHolds(range, date) ? pages : []))));
  }
  return allowed;
}

/** Whether a page can hold the `"…"` terms verbatim and none of the `-词` ones, by their tokens' positions. */
export async function syntaxPages(
  reader: ShardReader,
  response: Pick<SearchResponse, 'terms' | 'exact' | 'excluded'>,
): Promise<(page: number) => boolean> {
  const aligned = async (term: QueryTerm) =>
    new Set((await reader.find([term])).filter((h) => h.aligned === 1).map((h) => h.page));
  const exact = await Promise.all(response.terms.filter((t) => response.exact.has(t.folded)).map(aligned));
  const excluded = await Promise.all(response.excluded.map(aligned));
  return (page) => exact.every((s) => s.has(page)) && !excluded.some((s) => s.has(page));
}
