/**
 * What a search returns and how its hits are described: the engine
 * (src/search/engine.ts) fills it in as it searches shards, the page reads it.
 */
import type { QueryTerm } from '../text/query.ts';
import type { Segment } from '../text/excerpt.ts';
import type { Facet } from '../schema.ts';
import type { RankedHit } from '../rank.ts';
import type { ShardReader } from '../shard.ts';
import type { Counts } from '../counts.ts';
import type { DateRange } from '../dateRange.ts';

export type SortMode = 'relevance' | 'date';
export type Filters = Partial<Record<Facet, string>>;

export interface Hit extends RankedHit {
  id: string;
  page: number;
  reader: ShardReader;
  detail?: Detail;
  /** Its text lacks a term that must be verbatim, or holds an excluded one: dropped once verified. */
  rejected?: boolean;
}

export interface Detail {
  url: string;
  title: string;
  titleSegments: Segment[];
  excerpt: Segment[];
  date: string;
  regions: string[];
  kind: string;
}

export interface SearchResponse {
  terms: QueryTerm[];
  /** Folded terms that must occur verbatim (`"…"`). */
  exact: Set<string>;
  /** Terms that must not occur verbatim (`-词`). */
  excluded: QueryTerm[];
  filters: Filters;
  range: DateRange;
  sort: SortMode;
  /** Ranked hits from the shards searched so far (reordered in place as `details` verifies them). */
  hits: Hit[];
  /** Shards (of those that can hold results under the filters) searched so far. */
  searched: number;
  /** Shards that can hold results under the filters. */
  readers: ShardReader[];
  complete: boolean;
  /**
   * Shards this query may search before it shows what it has (its budget; see COUNTED_SHARDS):
   * `moreShards` raises it. Infinity without a directory, or when asked to be exhaustive.
   */
  budget: number;
  /** Leading hits already handed out (shown): later hits never move above them. */
  pinned: number;
  /** Per shard, at most how many of its articles hold every token (from the directory); absent without one. */
  bounds?: Map<ShardReader, number>;
  /** Total, months, and per facet counts with the other facets' filters applied; set once counted. */
  counts?: Counts;
  facets?: Record<Facet, Record<string, number>>;
}

export interface SearchOptions {
  filters?: Filters;
  sort?: SortMode;
  range?: DateRange;
  /** Search every shard that can match, for exact counts and a full ranking (the quality evaluation). */
  exhaustive?: boolean;
}

/** Hits holding every term verbatim (estimated until verified). */
export function exactCount(response: SearchResponse): number {
  return response.hits.filter((h) => h.verbatim === response.terms.length).length;
}

/** The article link carries the folded terms, so the article page can mark them without the t2s table. */
export function highlightUrl(url: string, terms: readonly QueryTerm[]): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('hl', terms.map((t) => t.folded).join(' '));
  return `${u.pathname}${u.search}`;
}
