/**
 * What a search is, as the URL and the form hold it:
 * `/search/?q=…&region=…&year=…&kind=…&from=YYYY-MM-DD&to=YYYY-MM-DD&sort=date`.
 * Everything is in the URL, so a search can be shared and Back restores it.
 */
import { FACETS } from '../schema.ts';
import type { Filters, SortMode } from '../engine.ts';
import { parseIsoDate, type DateRange } from '../dateRange.ts';

export interface State {
  q: string;
  filters: Filters;
  range: DateRange;
  sort: SortMode;
}

export function readState(url: URL): State {
  const filters: Filters = {};
  for (const f of FACETS) {
    const v = url.searchParams.get(f);
    if (v) filters[f] = v;
  }
  const from = parseIsoDate(url.searchParams.get('from'));
  const to = parseIsoDate(url.searchParams.get('to'));
  return {
    q: url.searchParams.get('q') ?? '',
    filters,
    range: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
    sort: url.searchParams.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** The state's path and query string below `pathname`. */
export function stateUrl(pathname: string, state: State): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FACETS) if (state.filters[f]) params.set(f, state.filters[f]);
  if (state.range.from) params.set('from', state.range.from);
  if (state.range.to) params.set('to', state.range.to);
  if (state.sort === 'date') params.set('sort', 'date');
  const query = params.toString();
  return `${pathname}${query ? `?${query}` : ''}`;
}
