/**
 * Turns what a reader typed into search terms.
 *
 * Space-separated terms are ANDed. Each term is folded like the indexed text
 * and cut into the same tokens, minus the lone last character of a hanzi run
 * (a bigram already covers it; a one-character term stays a single character,
 * which Pagefind's prefix matching extends to every bigram starting with it).
 */
import { foldText, type T2s } from './fold.ts';
import { indexTokens, SECTION_MARK } from './tokens.ts';

export interface QueryTerm {
  /** As typed (for display). */
  raw: string;
  /** Folded; what verbatim matching compares against folded text. Spaces inside a term are dropped. */
  folded: string;
  /**
   * Tokens sent to Pagefind, in order: a cover of the term, not every bigram.
   * Bigrams at even offsets plus the last one still pin every character, and
   * each token costs an index chunk download (~25 kB), so 8 hanzi cost 4, not 7.
   */
  tokens: string[];
  /** Every token of the term (all bigrams), for highlighting a partial match piece by piece. */
  pieces: string[];
  /**
   * Position of each token relative to the first in the indexed token stream:
   * a verbatim occurrence at position p has token i at p + offsets[i].
   */
  offsets: number[];
}

/** Pagefind drops these from queries; a token made only of them can never match. */
const ONLY_PUNCTUATION = /^[\p{P}\p{S}]+$/u;

export function parseQuery(query: string, t2s?: T2s): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  for (const raw of query.split(/[\s\u3000]+/u)) {
    if (!raw) continue;
    const folded = foldText(raw, t2s).replaceAll(SECTION_MARK, '');
    if (!folded || seen.has(folded)) continue;
    const stream = indexTokens(folded);
    const tokens: string[] = [];
    const offsets: number[] = [];
    stream.forEach((token, position) => {
      const isRunEnd =
        [...token].length === 1 &&
        position > 0 &&
        [...stream[position - 1]].length === 2 &&
        stream[position - 1].endsWith(token);
      if (isRunEnd || ONLY_PUNCTUATION.test(token)) return;
      tokens.push(token);
      offsets.push(position);
    });
    if (!tokens.length) continue;
    const cover = coverIndexes(tokens, offsets);
    const base = offsets[cover[0]];
    seen.add(folded);
    terms.push({
      raw,
      folded,
      tokens: cover.map((i) => tokens[i]),
      pieces: tokens,
      offsets: cover.map((i) => offsets[i] - base),
    });
  }
  return terms;
}

const isBigram = (token: string) => [...token].length === 2;

/**
 * Which tokens to query: all non-bigram tokens; of a chain of overlapping bigrams
 * (consecutive offsets), every other one and always the last, so that together
 * they still cover every character of the chain.
 */
export function coverIndexes(tokens: readonly string[], offsets: readonly number[]): number[] {
  const keep: number[] = [];
  tokens.forEach((token, i) => {
    if (!isBigram(token)) return keep.push(i);
    const chainedBefore = i > 0 && isBigram(tokens[i - 1]) && offsets[i - 1] === offsets[i] - 1;
    const chainedAfter = i + 1 < tokens.length && isBigram(tokens[i + 1]) && offsets[i + 1] === offsets[i] + 1;
    const previousKept = keep.length > 0 && keep[keep.length - 1] === i - 1;
    if (!chainedBefore || !chainedAfter || !previousKept) keep.push(i);
  });
  return keep;
}

/** The string handed to Pagefind: every distinct token once (Pagefind ANDs them). */
export function pagefindQuery(terms: readonly QueryTerm[]): string {
  return [...new Set(terms.flatMap((t) => t.tokens))].join(' ');
}
