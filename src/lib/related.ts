/** What related-article scoring needs to know about an article. */
export interface Relatable {
  slug: string;
  data: { keywords: readonly string[]; regions: readonly string[] };
}

export interface RelatedIndex<T extends Relatable> {
  /** Each article's position in the archive's newest-first order. */
  rank: ReadonlyMap<string, number>;
  /** Posting lists in rank order, keyed the way `keyOf` keys a keyword. */
  byKeyword: ReadonlyMap<string, readonly T[]>;
  byRegion: ReadonlyMap<string, readonly T[]>;
  total: number;
  keyOf: (keyword: string) => string;
}

export interface RelatedOptions {
  limit?: number;
  /** How many neighbours on each side of the article to take from one posting list. */
  window?: number;
  /** Regions are broad (half the archive is 衡阳市), so they count for less than a keyword. */
  regionWeight?: number;
}

/** Rarer terms say more about a story: an inverse-document-frequency weight. */
export function termWeight(documentFrequency: number, total: number): number {
  return Math.log(1 + total / Math.max(1, documentFrequency));
}

/** Index of the first element whose rank is ≥ `rank`, in a list sorted by rank. */
function lowerBound<T extends Relatable>(
  list: readonly T[],
  rank: number,
  rankOf: ReadonlyMap<string, number>,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rankOf.get(list[mid].slug) ?? Infinity) < rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Articles sharing keywords and regions with `target`, best first. The score
 * is the sum of the IDF weights of the shared terms; ties go to the article
 * nearest in time. Each posting list contributes only a window of neighbours
 * around the target, so the cost per article stays bounded however common a
 * term is (no O(n²) over the archive).
 */
export function relatedArticles<T extends Relatable>(
  target: T,
  index: RelatedIndex<T>,
  { limit = 5, window = 50, regionWeight = 0.5 }: RelatedOptions = {},
): T[] {
  const targetRank = index.rank.get(target.slug) ?? 0;
  const scores = new Map<string, { item: T; score: number }>();
  const consider = (posting: readonly T[] | undefined, weight: number) => {
    if (!posting || posting.length < 2) return;
    const pos = lowerBound(posting, targetRank, index.rank);
    const w = weight * termWeight(posting.length, index.total);
    for (const item of posting.slice(Math.max(0, pos - window), pos + window + 1)) {
      if (item.slug === target.slug) continue;
      const entry = scores.get(item.slug);
      if (entry) entry.score += w;
      else scores.set(item.slug, { item, score: w });
    }
  };
  for (const keyword of new Set(target.data.keywords.map(index.keyOf))) consider(index.byKeyword.get(keyword), 1);
  for (const region of new Set(target.data.regions)) consider(index.byRegion.get(region), regionWeight);

  const distance = (slug: string) => Math.abs((index.rank.get(slug) ?? 0) - targetRank);
  return [...scores.values()]
    .sort(
      (a, b) =>
        b.score - a.score || distance(a.item.slug) - distance(b.item.slug) || a.item.slug.localeCompare(b.item.slug),
    )
    .slice(0, limit)
    .map((s) => s.item);
}
