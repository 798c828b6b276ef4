/**
 * Ordering results: every result that holds all terms verbatim comes before any
 * that holds fewer, whatever Pagefind's bigram score says. Within a tier the
 * incoming order is kept: Pagefind's relevance score, or date when sorting by date.
 */
export interface Rankable {
  /** Terms held verbatim: estimated from positions, or exact once verified. */
  verbatim: number;
  /** Position in Pagefind's own order (score, or date when sorting by date). */
  order: number;
}

export function compareRanked(a: Rankable, b: Rankable): number {
  return b.verbatim - a.verbatim || a.order - b.order;
}

export function rank<T extends Rankable>(items: readonly T[]): T[] {
  return [...items].sort(compareRanked);
}
