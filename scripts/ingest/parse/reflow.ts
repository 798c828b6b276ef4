/**
 * Rebuilds paragraphs from a page's printed lines.
 *
 * OCR output comes in two shapes. In narrow-column pages every printed line
 * (about 13–18 characters) stands alone between blank lines, and words are
 * split across lines; in wide pages each paragraph is one line, but a
 * paragraph that crossed a column or page break is cut in two. Both are
 * joined here; paragraph breaks, headline blocks and page furniture are kept.
 */
import {
  headingOf,
  isBriefItem,
  isBylineLine,
  isContinuationLine,
  isHeadlineLike,
  isLead,
  isStructural,
  isSubtitleForm,
} from './classify.ts';
import { STANDING_FORMS, type LineForm } from './labels/lineForms.ts';
import { LAYOUT_BREAK, readPrintedLines, type PrintedLine, type ReadOptions } from './printedLines.ts';
import { displayWidth, endsClosed, endsSentence, joinWrapped } from './text.ts';

export interface Unit {
  /** The reflowed text of one paragraph or one printed line. */
  text: string;
  /** 1-based numbers of the source lines it was built from. */
  lines: number[];
  /** Blank lines printed before it; three or more mark a layout break (a photo, a new region). */
  gapBefore: number;
  gapAfter: number;
  /** How many lines its block had: lines printed together with no blank between them. */
  blockSize: number;
  /** In a narrow-column page: wider than a column, so a caption or headline spanning columns. */
  wide: boolean;
  /** Set when the printed form fixes what the unit is: a table, a stanza, a signature, a contact line, a clause. */
  form?: LineForm;
}

export interface Reflowed {
  units: Unit[];
  narrow: boolean;
  /** Median width of a column line on a narrow page, 0 on a wide one. */
  columnWidth: number;
}

type Line = PrintedLine;

/** Wide-page lines at least this wide are prose, so a missing final stop means the paragraph was cut. */
const MIN_CUT_PARAGRAPH_WIDTH = 24;
/** The rest of a word split at a break: one or two characters, then a clause ends. */
const SPLIT_WORD_TAIL = /^[^，。、；：！？“”\s]{1,2}[，。、；：]/u;
export { LAYOUT_BREAK };

/** See ReadOptions: lines set apart, an editor's breaks, the dictionary for interleaved columns. */
export function reflow(text: string, options: ReadOptions = {}): Reflowed {
  const lines = readPrintedLines(text, options);
  const singles = lines
    .filter((l) => l.blockSize === 1 && !l.joined && !l.form && !isStructural(l.text))
    .map((l) => displayWidth(l.text));
  const median = percentile(singles, 0.5);
  const narrow = singles.length >= 12 && median <= 20 && singles.filter((w) => w <= 22).length >= singles.length * 0.7;
  // Column lines vary by a few cells (half-width digits, squeezed quotes); captions and headlines run wider.
  const widest = Math.max(median * 1.35, percentile(singles, 0.9) + 1);
  const units = mergeFixedForms(narrow ? reflowNarrow(lines, median, widest) : reflowWide(lines));
  return { units, narrow, columnWidth: narrow ? median : 0 };
}

function unitOf(line: Line, wide = false): Unit {
  return {
    text: line.text,
    lines: [...line.nos],
    gapBefore: line.gapBefore,
    gapAfter: line.gapAfter,
    blockSize: line.blockSize,
    wide,
    ...(line.form ? { form: line.form } : {}),
  };
}

function append(unit: Unit, line: Line): void {
  unit.text = joinWrapped(unit.text, line.text);
  unit.lines.push(...line.nos);
  unit.gapAfter = line.gapAfter;
}

/** The rows of one table and the lines of one stanza become one unit each, a line per printed line. */
function mergeFixedForms(units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const previous = out.at(-1);
    const grouped = unit.form === 'table' || unit.form === 'verse';
    if (previous && grouped && previous.form === unit.form && unit.gapBefore === 0) {
      previous.text = `${previous.text}\n${unit.text}`;
      previous.lines.push(...unit.lines);
      previous.gapAfter = unit.gapAfter;
    } else {
      out.push(unit);
    }
  }
  return out;
}

const PUNCTUATION = /[，。、；：？！“”‘’《》（）…—]/u;

function reflowNarrow(lines: Line[], columnWidth: number, widest: number): Unit[] {
  // A dateline or a ▲ item opens a paragraph that wraps like any other.
  const opensParagraph = (l: Line) =>
    isLead(l.text) || isBriefItem(l.text) || l.form === 'indented' || l.form === 'clause';
  const isColumnLine = (l: Line) =>
    l.blockSize === 1 &&
    !l.joined &&
    !STANDING_FORMS.includes(l.form) &&
    (!isStructural(l.text) || opensParagraph(l)) &&
    displayWidth(l.text) <= widest;
  const full = columnWidth * 0.75;
  const units: Unit[] = [];
  let open: Unit | undefined;
  let openWidth = 0;
  let openLast = '';
  let openLine: Line | undefined;
  for (const [index, line] of lines.entries()) {
    // Inside a dateline's bracket (`衡阳日报讯（全媒体记者 X 通讯员 Y）`) every line runs on, whatever it looks like.
    if (open && openLine && line.gapBefore < LAYOUT_BREAK && isLead(open.text) && /[（(][^（）()]*$/u.test(open.text)) {
      const spaced = openLine.spacedEdge.end || line.spacedEdge.start;
      open.text = `${open.text.trimEnd()}${spaced ? ' ' : ''}${line.text}`;
      open.lines.push(...line.nos);
      open.gapAfter = line.gapAfter;
      openWidth = displayWidth(line.text);
      openLast = line.text;
      openLine = line;
      continue;
    }
    openLine = line;
    if (!isColumnLine(line)) {
      open = undefined;
      // A paragraph joined from its block's wraps is prose, however wide; only a single printed line spans columns.
      units.push(unitOf(line, !line.joined && !line.form && displayWidth(line.text) > widest));
      continue;
    }
    // A headline and its `——` subtitle, each on a line of its own, stand apart from the column text.
    const previous = lines[index - 1]?.text ?? '';
    if (isSubtitleForm(line.text) && isHeadlineLike(previous)) {
      units.push(unitOf(line));
      open = undefined;
      continue;
    }
    // Two lines without clause punctuation stacked right over a dateline or byline are a headline's decks.
    const decks =
      open?.lines.length === 1 && !CLAUSE_MARKS.test(open.text + line.text) && isDatelineOrByline(lines[index + 1]);
    if (
      open &&
      !decks &&
      !opensParagraph(line) &&
      line.gapBefore < LAYOUT_BREAK &&
      !paragraphEndsAt(open, openWidth, full) &&
      // Two lone column lines with no punctuation between them are labels (captions), not wrapped prose, unless
      // the first fills the column: a word cut at the line's end (湖南衡峰新材 | 料有限公司).
      (open.lines.length > 1 || PUNCTUATION.test(openLast + line.text) || fillsColumn(openWidth, columnWidth))
    ) {
      append(open, line);
    } else {
      open = unitOf(line);
      units.push(open);
    }
    openWidth = displayWidth(line.text);
    openLast = line.text;
  }
  return units;
}

const CLAUSE_MARKS = /[，。、；：,;:]/u;

function isDatelineOrByline(line: Line | undefined): boolean {
  return line !== undefined && (isLead(line.text) || isBylineLine(line.text));
}

/** A line exactly as wide as the column (give or take a half-width character): wrapped, not a short label. */
function fillsColumn(width: number, columnWidth: number): boolean {
  return width >= columnWidth - 0.5 && width <= columnWidth + 1;
}

/**
 * In a narrow column a line ends its paragraph when it closes a sentence and
 * is short, or closes with a bare full stop. A full line that ends on a
 * closing quote usually runs on (`…生产了！”` followed by who said it).
 */
function paragraphEndsAt(unit: Unit, lastLineWidth: number, full: number): boolean {
  const text = unit.text;
  // A short line that closes nothing is a headline or a label, never a wrapped line of prose.
  if (!endsClosed(text)) return lastLineWidth < full && unit.lines.length === 1 && isHeadlineLike(text);
  if (lastLineWidth < full) return true;
  // A full line ending on a semicolon is mid-paragraph: semicolons part clauses, not paragraphs.
  return /[。！？!?…]$/u.test(text);
}

function reflowWide(lines: Line[]): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    const previous = units.at(-1);
    if (previous && continuesAcrossBreak(previous, line)) append(previous, line);
    else units.push(unitOf(line));
  }
  return units;
}

/** A long paragraph cut at a column or page break resumes on the next printed line. */
function continuesAcrossBreak(previous: Unit, line: Line): boolean {
  if (line.gapBefore >= LAYOUT_BREAK || previous.blockSize > 1 || line.blockSize > 1) return false;
  if (line.form || previous.form) return false;
  // A dateline paragraph or a ▲ item is prose and may be cut; bylines and headings never are.
  if (isStructural(line.text) || headingOf(previous.text) || isBylineLine(previous.text)) return false;
  if (isContinuationLine(previous.text)) return false;
  if (endsClosed(previous.text)) return false;
  const width = displayWidth(previous.text);
  // A shorter line is prose only if it has a clause break and the next line
  // opens with a one- or two-character fragment: a word split at the break.
  const shortCut = width >= 10 && /[，、]/u.test(previous.text) && SPLIT_WORD_TAIL.test(line.text);
  if (width < MIN_CUT_PARAGRAPH_WIDTH && !shortCut) return false;
  if (/[：:]$/u.test(previous.text)) return false;
  // The next line must read as the rest of a sentence, not as a headline or subhead.
  return !isHeadlineLike(line.text) || endsSentence(line.text);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}
