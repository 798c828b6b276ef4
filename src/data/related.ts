/** What related-article scoring needs to know about an article. */
export interface Relatable {
  slug: string;
  data: { keywords: readonly string[]; regions: readonly string[] };
}

/**
 * Posting lists of ranks (positions in the archive's newest-first order), so
 * scoring works on small integers: no per-comparison Map lookups.
 */
export interface RelatedIndex<T extends Relatable> {
  /** Every article in the archive's newest-first order; an article's rank is its position here. */
  all: readonly T[];
  rank: ReadonlyMap<string, number>;
  /** Ascending ranks of the articles using each keyword, keyed the way `keyOf` keys a keyword. */
  byKeyword: ReadonlyMap<string, Int32Array>;
  byRegion: ReadonlyMap<string, Int32Array>;
  keyOf: (keyword: string) => string;
  /** Scratch space for one scoring pass, indexed by rank: cleared after every call. */
  scores: Float64Array;
  seen: Uint8Array;
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

/**
 * Indexes articles given in newest-first order. Posting lists come out in rank
 * order because the articles are walked in rank order.
 */
export function buildRelatedIndex<T extends Relatable>(
  all: readonly T[],
  keyOf: (keyword: string) => string,
): RelatedIndex<T> {
  const rank = new Map<string, number>();
  const keywords = new Map<string, number[]>();
  const regions = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, r: number) => {
    const list = map.get(key);
    if (list) list.push(r);
    else map.set(key, [r]);
  };
  all.forEach((article, r) => {
    rank.set(article.slug, r);
    for (const key of new Set(article.data.keywords.map(keyOf))) add(keywords, key, r);
    for (const region of new Set(article.data.regions)) add(regions, region, r);
  });
  const packed = (map: Map<string, number[]>) => new Map([...map].map(([key, list]) => [key, Int32Array.from(list)]));
  return {
    all,
    rank,
    byKeyword: packed(keywords),
    byRegion: packed(regions),
    keyOf,
    scores: new Float64Array(all.length),
    seen: new Uint8Array(all.length),
  };
}

/** Index of the first element ≥ `value` in an ascending list. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Articles sharing keywords and regions with `target`, best first. The score
 * is the sum of the IDF weights of the shared terms; ties go to the article
 * nearest in time, then to the smaller slug. Each posting list contributes only
 * a window of neighbours around the target, so the cost per article is bounded
 * by (terms × window) however large the archive or common a term is, and only
 * the best `limit` candidates are kept (no sort of every candidate).
 */
export function relatedArticles<T extends Relatable>(
  target: T,
  index: RelatedIndex<T>,
  { limit = 5, window = 50, regionWeight = 0.5 }: RelatedOptions = {},
): T[] {
  if (limit < 1) return [];
  const targetRank = index.rank.get(target.slug) ?? 0;
  const { scores, seen, all } = index;
  const total = all.length;
  const touched: number[] = [];
  const consider = (posting: Int32Array | undefined, weight: number) => {
    if (!posting || posting.length < 2) return;
    const pos = lowerBound(posting, targetRank);
    const w = weight * termWeight(posting.length, total);
    const end = Math.min(posting.length, pos + window + 1);
    for (let i = Math.max(0, pos - window); i < end; i++) {
      const r = posting[i];
      if (r === targetRank) continue;
      if (seen[r] === 0) {
        seen[r] = 1;
        touched.push(r);
      }
      scores[r] += w;
    }
  };
  for (const keyword of new Set(target.data.keywords.map(index.keyOf))) consider(index.byKeyword.get(keyword), 1);
  for (const region of new Set(target.data.regions)) consider(index.byRegion.get(region), regionWeight);

  // Better-first order: higher score, then nearer in time, then smaller slug.
  const before = (a: number, b: number) => {
    if (scores[a] !== scores[b]) return scores[a] > scores[b];
    const da = Math.abs(a - targetRank);
    const db = Math.abs(b - targetRank);
    if (da !== db) return da < db;
    return all[a].slug.localeCompare(all[b].slug) < 0;
  };
  const best: number[] = [];
  for (const r of touched) {
    if (best.length === limit && !before(r, best[best.length - 1])) continue;
    let i = best.length < limit ? best.length : limit - 1;
    while (i > 0 && before(r, best[i - 1])) {
      best[i] = best[i - 1]!;
      i--;
    }
    best[i] = r;
  }
  for (const r of touched) {
    scores[r] = 0;
    seen[r] = 0;
  }
  return best.map((r) => all[r]);
}
