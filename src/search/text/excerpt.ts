/**
 * Excerpts as plain segments, never HTML: the caller builds DOM nodes with
 * textContent, so article text and queries can hold `<` or `&` safely.
 */
import type { Range } from './match.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Splits `text` into marked and unmarked segments; `ranges` must be merged and sorted. */
export function segments(text: string, ranges: readonly Range[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const r of ranges) {
    const start = Math.max(r.start, at);
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * A window of about `length` characters around the part of `text` with the most
 * highlighted characters (the first such window), with ellipses where cut.
 */
export function excerpt(text: string, ranges: readonly Range[], length = 90): Segment[] {
  if (text.length <= length) return segments(text, ranges);
  let bestStart = 0;
  let bestScore = -1;
  for (const r of ranges) {
    // Start a little before a match so it reads in context.
    const start = Math.max(0, Math.min(r.start - Math.floor(length / 4), text.length - length));
    let score = 0;
    for (const other of ranges)
      score += Math.max(0, Math.min(other.end, start + length) - Math.max(other.start, start));
    if (score > bestScore) {
      bestScore = score;
      bestStart = start;
    }
  }
  const end = bestStart + length;
  const inside = ranges
    .filter((r) => r.end > bestStart && r.start < end)
    .map((r) => ({ start: Math.max(r.start, bestStart) - bestStart, end: Math.min(r.end, end) - bestStart }));
  const out = segments(text.slice(bestStart, end), inside);
  if (bestStart > 0) out.unshift({ text: '…', mark: false });
  if (end < text.length) out.push({ text: '…', mark: false });
  return out;
}
