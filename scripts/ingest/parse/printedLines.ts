/**
 * A page's printed lines, grouped into blocks (lines printed with no blank line between them), with the wraps
 * inside a block joined back. Narrow columns are OCR'd in two ways: every printed line between blank lines (the
 * reflow's narrow pass rejoins those), or the lines of a paragraph run together and blank lines part paragraphs.
 * Lines are read with their printed forms (lineForms.ts), interleaved columns sorted (interleave.ts), and the wraps
 * inside each block joined (blockWraps.ts).
 */
import { joinWraps } from './blockWraps.ts';
import { isBylineLine } from './classify.ts';
import { findInterleave, MIN_CONFIDENCE, type CutWords, type WordSpans } from './interleave.ts';
import { isStanza, lineForm, tableRows, type LineForm } from './labels/lineForms.ts';
import { displayWidth } from './text.ts';

export interface PrintedLine {
  /** 1-based numbers of the source lines, more than one when wraps were joined. */
  nos: number[];
  text: string;
  /** The printed line began or ended with a space: a word break, where names in a byline part. */
  spacedEdge: { start: boolean; end: boolean };
  gapBefore: number;
  gapAfter: number;
  blockSize: number;
  form?: LineForm;
  /** Width of the white space the line was printed after: a paragraph indent counts toward a full line. */
  indent: number;
  /** Wraps inside a block were joined into this line: it is a whole paragraph, not a column line. */
  joined: boolean;
}

/** Blank lines that part layout regions (a photo, a new region): text is never joined across them. */
export const LAYOUT_BREAK = 3;
export interface ReadOptions {
  /** Lines that are not the stories' text (furniture, noise): read as if they were not printed. */
  skip?: ReadonlySet<number>;
  /** Lines that start a new item (an editor's split) or, if skipped, end one (a rule): nothing is joined across. */
  breaks?: ReadonlySet<number>;
  /** The dictionary, to sort two columns OCR'd line by line alternately (interleave.ts). */
  words?: { spans: WordSpans; cut: CutWords };
  /** What an editor says lines are (seeds/corrections.yaml), over what their form says. */
  labels?: ReadonlyMap<number, LineForm>;
  /** Told of each interleaved stretch: the line numbers, and whether they were sorted or only flagged. */
  onInterleave?: (lines: number[], sorted: boolean, confidence: number) => void;
}

/** Reads the lines of `text` into blocks, sorts interleaved columns and joins the wraps inside each block. */
export function readPrintedLines(text: string, options: ReadOptions = {}): PrintedLine[] {
  const { skip = new Set<number>(), breaks = new Set<number>() } = options;
  const raw = text.split('\n');
  const lines: PrintedLine[] = [];
  let blanks = 0;
  let skipped = false;
  /** The widest blank run on either side of the skipped lines since the last printed one. */
  let skippedGap = 0;
  raw.forEach((value, index) => {
    if (skip.has(index + 1)) {
      skipped = true;
      // A skipped line that is a break (a rule between stories) parts what is above it from what is below.
      skippedGap = Math.max(skippedGap, blanks, breaks.has(index + 1) ? LAYOUT_BREAK : 0);
      blanks = 0;
      return;
    }
    const trimmed = value.trim();
    if (trimmed === '') {
      blanks += 1;
      return;
    }
    const previous = lines.at(-1);
    // A skipped line between two blank runs leaves one gap, not their sum; a skipped line alone leaves one blank.
    // An editor's split (seeds/corrections.yaml) is a layout break: nothing is joined across it.
    const gap = breaks.has(index + 1)
      ? Math.max(blanks, skippedGap, LAYOUT_BREAK)
      : skipped
        ? Math.max(blanks, skippedGap, 1)
        : blanks;
    if (previous) previous.gapAfter = gap;
    lines.push({
      nos: [index + 1],
      text: trimmed,
      spacedEdge: { start: /^[ \u3000]/u.test(value), end: /[ \u3000]$/u.test(value) },
      gapBefore: gap,
      gapAfter: 0,
      blockSize: 1,
      joined: false,
      indent: displayWidth(/^[\s\u3000]*/u.exec(value)?.[0] ?? ''),
      ...formOf(value, options.labels?.get(index + 1)),
    });
    blanks = 0;
    skipped = false;
    skippedGap = 0;
  });
  const last = lines.at(-1);
  if (last) last.gapAfter = blanks;
  const blocks = blocksOf(lines);
  markBlockForms(blocks, raw);
  const sorted = options.words ? blocks.flatMap((b) => sortInterleaved(b, options)) : blocks;
  return setBlockSizes(sorted.flatMap(joinWraps));
}

function formOf(raw: string, label: LineForm | undefined): { form?: LineForm } {
  const form = label ?? lineForm(raw);
  return form ? { form } : {};
}

/** Blocks shorter than this are never taken for two interleaved columns. */
const INTERLEAVE_MIN_LINES = 6;

/** A block of two columns read alternately, as its two stories one after the other (or as printed, if unsure). */
function sortInterleaved(block: PrintedLine[], options: ReadOptions): PrintedLine[][] {
  if (block.length < INTERLEAVE_MIN_LINES || block.some((l) => l.form && l.form !== 'indented')) return [block];
  const { spans, cut } = options.words!;
  const found = findInterleave(
    block.map((l) => l.text),
    spans,
    cut,
  );
  if (!found) return [block];
  const sure = found.confidence >= MIN_CONFIDENCE;
  options.onInterleave?.(
    block.slice(found.at).flatMap((l) => l.nos),
    sure,
    found.confidence,
  );
  if (!sure) return [block];
  const first = found.first.map((i) => block[i]);
  const second = found.second.map((i, k) => ({ ...block[i], gapBefore: k === 0 ? 2 : 0 }));
  first.at(-1)!.gapAfter = 2;
  return [first, second];
}

function blocksOf(lines: PrintedLine[]): PrintedLine[][] {
  const blocks: PrintedLine[][] = [];
  for (const line of lines) {
    if (line.gapBefore > 0 || blocks.length === 0) blocks.push([line]);
    else blocks.at(-1)!.push(line);
  }
  return blocks;
}

/** Verse and table rows are judged by their block; a spaced line without a spaced neighbour is no table row. */
function markBlockForms(blocks: PrintedLine[][], raw: string[]): void {
  for (const block of blocks) {
    const texts = block.map((l) => raw[l.nos[0] - 1]);
    const rows = tableRows(texts);
    block.forEach((line, i) => {
      if (rows.has(i)) line.form = 'table';
      else if (line.form === 'table') delete line.form;
    });
  }
  // A stanza stands among stanzas or under a byline; a lone block of short bare lines is a headline block.
  blocks.forEach((block, i) => {
    if (!isStanza(block.map((l) => raw[l.nos[0] - 1]))) return;
    const neighbours = [blocks[i - 1], blocks[i + 1]].filter((b) => b !== undefined);
    const amongStanzas = neighbours.some((b) => isStanza(b.map((l) => raw[l.nos[0] - 1])));
    const underByline = blocks[i - 1]?.length === 1 && isBylineLine(blocks[i - 1][0].text);
    if (amongStanzas || underByline) for (const line of block) line.form = 'verse';
  });
}

function setBlockSizes(lines: PrintedLine[]): PrintedLine[] {
  let start = 0;
  for (let i = 1; i <= lines.length; i += 1) {
    if (i === lines.length || lines[i].gapBefore > 0) {
      for (let j = start; j < i; j += 1) lines[j].blockSize = i - start;
      start = i;
    }
  }
  return lines;
}
