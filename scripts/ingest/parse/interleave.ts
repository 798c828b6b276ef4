/**
 * Two narrow columns OCR'd line by line alternately: a story's lines run on, then a headline of the neighbouring
 * column cuts in mid-sentence, and from there the two stories' lines alternate. This finds such a stretch in a
 * block of consecutive lines and sorts its lines back into their two stories.
 *
 * The trigger is a short headline-like line printed where a sentence is still open, whose own dateline (or
 * continuation) comes two lines down, with the first story's text between. From there each line goes to the story
 * it continues best: a word that spans the join (院 + 子里 → 院子, by the jieba dictionary), a bracket it closes, a
 * sentence left open, words the story already used; and the stories are expected to alternate. When the evidence
 * is thin the block is left as printed and only flagged for review.
 */
import { isBylineLine, isHeadlineLike, isLead } from './classify.ts';
import { displayWidth, endsClosed } from './text.ts';

/** Whether a dictionary word spans the join of two printed lines (`…院` + `子里…`). */
export type WordSpans = (left: string, right: string) => boolean;
/** The words of a line, as the dictionary cuts them. */
export type CutWords = (text: string) => string[];

export interface Deinterleaved {
  /** Indexes into the block: the first story's lines, then the second's, each in printed order. */
  first: number[];
  second: number[];
  /** How sure the sorting is: the share of lines whose story won by a clear margin. */
  confidence: number;
  /** Where the second story cut in. */
  at: number;
}

const OPENER = /^(?:据|“|‘|衡阳日报讯|本报讯|近年来|目前|此外|同时|另外)/u;
/** Below this share of clearly placed lines, the block is kept as printed and flagged. */
export const MIN_CONFIDENCE = 0.5;

export function findInterleave(texts: readonly string[], spans: WordSpans, cut: CutWords): Deinterleaved | undefined {
  const width = Math.max(...texts.map(displayWidth));
  const at = texts.findIndex((t, i) => isTrigger(texts, i, width, spans));
  if (at < 0) return undefined;
  const first = texts.slice(0, at).map((_, i) => i);
  const second = [at];
  const words = [new Set(first.flatMap((i) => cut(texts[i]))), new Set(cut(texts[at]))];
  let clear = 0;
  let lastStory = 1;
  for (let j = at + 1; j < texts.length; j += 1) {
    const scores = [first, second].map((story, s) => {
      const last = texts[story.at(-1)!];
      const shared = cut(texts[j]).filter((w) => w.length > 1 && words[s].has(w)).length;
      // Stories alternate while both are running; once one has closed a sentence the other may run alone.
      return joinScore(last, texts[j], spans) + Math.min(shared, 2) + (s !== lastStory ? 0.5 : 0);
    });
    const story = scores[1] > scores[0] ? 1 : 0;
    if (Math.abs(scores[1] - scores[0]) >= 1) clear += 1;
    (story === 0 ? first : second).push(j);
    for (const w of cut(texts[j])) words[story].add(w);
    lastStory = story;
  }
  return { first, second, confidence: clear / (texts.length - at - 1 || 1), at };
}

function isTrigger(texts: readonly string[], i: number, width: number, spans: WordSpans): boolean {
  const [before, line, after] = [texts[i - 1], texts[i], texts[i + 1]];
  if (!before || !after || i < 2) return false;
  if (!isCutInHead(line) || displayWidth(line) > width * 0.8) return false;
  // A sentence is still open above it and runs on below it…
  if (endsClosed(before) || !(spans(before, after) || !OPENER.test(after))) return false;
  // …and the cutting-in story's own dateline follows (after its other decks: a kicker, then the headline), with a
  // line of the first story between each.
  let k = i + 2;
  while (k < texts.length && isCutInHead(texts[k])) k += 2;
  const below = texts[k];
  return below !== undefined && (isLead(below) || isBylineLine(below) || spans(texts[k - 2], below));
}

/** A headline deck: a bare head, or a short kicker (`衡南县：`). */
function isCutInHead(line: string): boolean {
  return isBareHead(line) || (/[：:]$/u.test(line) && displayWidth(line) <= 12 && !/[，。；]/u.test(line));
}

/** A headline-like line with no punctuation at all: a line of prose always has some. */
function isBareHead(line: string): boolean {
  return isHeadlineLike(line) && !/[，。、；：！？,.;:]/u.test(line);
}

/** How well `next` continues `last` in one story. */
function joinScore(last: string, next: string, spans: WordSpans): number {
  // A bracket left open (a byline among its names) is closed by the line that continues it.
  if (/[（(][^）)]*$/u.test(last)) return /^[^（(]*[）)]/u.test(next) ? 2 : -1;
  if (spans(last, next)) return 2;
  // A headline is followed by its dateline, a kicker by its headline.
  if (isBareHead(last) && (isLead(next) || isBylineLine(next))) return 2;
  if (/[：:]$/u.test(last) && isCutInHead(last) && isBareHead(next)) return 2;
  if (endsClosed(last)) return 0;
  // An open sentence runs on; a dateline or a fresh opening does not continue it.
  return isLead(next) || OPENER.test(next) ? -1 : 1;
}

/** `WordSpans` from a word cutter: some word of the cut runs across the join of the two lines' ends. */
export function wordSpansOf(cut: CutWords): WordSpans {
  return (left, right) => {
    const tail = left.slice(-4);
    const head = right.slice(0, 4);
    if (!/[\u4e00-\u9fff]$/u.test(tail) || !/^[\u4e00-\u9fff]/u.test(head)) return false;
    let at = 0;
    for (const word of cut(tail + head)) {
      const end = at + word.length;
      if (at < tail.length && end > tail.length) return true;
      at = end;
    }
    return false;
  };
}
