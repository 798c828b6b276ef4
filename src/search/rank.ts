/**
 * Ordering results: every result that holds all terms verbatim comes before any
 * that holds fewer, whatever the bigram score says. Within a tier, newer shards
 * come first (shards are date ranges, newest first), then the BM25 score, or the
 * date when sorting by date. Because the shard comes before the score, a query
 * can stop at the first shards once the shown results all hold every term.
 */
export interface RankedHit {
  /** Terms held verbatim: estimated from positions, or exact once verified. */
  verbatim: number;
  verified: boolean;
  /** The shard's place in the newest-first list. */
  shard: number;
  score: number;
  /** Place in the shard's date order, newest 0. */
  recency: number;
}

export function compareHits(a: RankedHit, b: RankedHit, sort: 'relevance' | 'date'): number {
  const tier = b.verbatim - a.verbatim || a.shard - b.shard;
  if (tier) return tier;
  return sort === 'date' ? a.recency - b.recency || b.score - a.score : b.score - a.score || a.recency - b.recency;
}
