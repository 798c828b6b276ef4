/**
 * Combining Pagefind postings in the browser: tokens are ANDed, positions tell
 * whether a term's tokens sit where the term would put them (a likely verbatim
 * match), and a BM25 score orders pages within a tier.
 */
import type { Posting } from './format.ts';
import type { QueryTerm } from '../text/query.ts';

/** One page's occurrences of one token. */
export interface TokenOnPage {
  /** In the title and body: where a term can be verbatim. */
  positions: number[];
  /** Occurrences in the regions-and-keywords list. */
  listed: number;
  weighted: number;
}

/** Postings of every word matching a token (a prefix may match several), merged per page. */
export function unionPostings(lists: readonly (readonly Posting[])[]): Map<number, TokenOnPage> {
  const pages = new Map<number, TokenOnPage>();
  for (const list of lists) {
    for (const posting of list) {
      const seen = pages.get(posting.page);
      if (!seen)
        pages.set(posting.page, {
          positions: [...posting.positions],
          listed: posting.listed,
          weighted: posting.weighted,
        });
      else {
        seen.positions.push(...posting.positions);
        seen.listed += posting.listed;
        seen.weighted += posting.weighted;
      }
    }
  }
  for (const entry of pages.values()) entry.positions.sort((a, b) => a - b);
  return pages;
}

/** Pages holding every token, smallest posting list first. */
export function intersectPages(byToken: ReadonlyMap<string, ReadonlyMap<number, TokenOnPage>>): number[] {
  const lists = [...byToken.values()].sort((a, b) => a.size - b.size);
  if (!lists.length) return [];
  const [first, ...rest] = lists;
  return [...first.keys()].filter((page) => rest.every((l) => l.has(page))).sort((a, b) => a - b);
}

/** How many terms have their tokens at the term's own offsets somewhere on the page. */
export function alignedTerms(onPage: ReadonlyMap<string, TokenOnPage>, terms: readonly QueryTerm[]): number {
  let count = 0;
  for (const term of terms) {
    const sets = term.tokens.map((t) => new Set(onPage.get(t)?.positions ?? []));
    const starts = onPage.get(term.tokens[0])?.positions ?? [];
    if (starts.some((p) => term.offsets.every((o, i) => sets[i].has(p + o)))) count++;
  }
  return count;
}

export interface Bm25Input {
  /** Per token: occurrences on the page and how many pages of the shard hold it. */
  tokens: { occurrences: TokenOnPage; pagesWithToken: number }[];
  pageLength: number;
  averageLength: number;
  pageCount: number;
}

/** Occurrences in the title, regions and keywords count this many times over. */
const WEIGHTED_BOOST = 3;

export function bm25({ tokens, pageLength, averageLength, pageCount }: Bm25Input, k1 = 1.2, b = 0.75): number {
  let score = 0;
  for (const { occurrences, pagesWithToken } of tokens) {
    const tf = occurrences.positions.length + occurrences.listed + (WEIGHTED_BOOST - 1) * occurrences.weighted;
    const idf = Math.log(1 + (pageCount - pagesWithToken + 0.5) / (pagesWithToken + 0.5));
    score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * pageLength) / Math.max(1, averageLength)));
  }
  return score;
}
