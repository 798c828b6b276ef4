/**
 * Deciding whether a result holds each term verbatim, and where.
 *
 * Two levels: `alignedTerms` (postings.ts) works on word positions before any
 * fragment is fetched (cheap, used to rank the whole result list); `findTerm`
 * works on the decoded text once a fragment is loaded (exact, used to confirm
 * the page being shown and to highlight).
 */
import type { QueryTerm } from './query.ts';

export interface Range {
  start: number;
  end: number;
}

/** Every occurrence of `needle` in `haystack` (both folded), non-overlapping, as UTF-16 ranges. */
export function findTerm(haystack: string, needle: string): Range[] {
  const ranges: Range[] = [];
  if (!needle) return ranges;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) {
    ranges.push({ start: i, end: i + needle.length });
  }
  return ranges;
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

export interface TextMatch {
  /** Terms found verbatim. */
  verbatim: number;
  /** What to highlight: verbatim occurrences, or for a term not found verbatim, the pieces (bigrams) that matched. */
  ranges: Range[];
}

/** Exact verdict on folded text; highlights only text that actually matched. */
export function matchText(folded: string, terms: readonly QueryTerm[]): TextMatch {
  let verbatim = 0;
  const ranges: Range[] = [];
  for (const term of terms) {
    const hits = findTerm(folded, term.folded);
    if (hits.length) {
      verbatim++;
      ranges.push(...hits);
    } else {
      for (const token of term.pieces) ranges.push(...findTerm(folded, token));
    }
  }
  return { verbatim, ranges: mergeRanges(ranges) };
}
