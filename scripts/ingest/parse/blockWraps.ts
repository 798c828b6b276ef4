/**
 * Joins the wraps inside a block of lines printed together: a line runs on into the next when it fills the block's
 * width (an indent counts) and does not close a sentence, unless the next line opens something of its own (an
 * indent, a clause, a contact line, a ▲ item, a dateline, a note in brackets).
 */
import { LEAD, isStructural } from './classify.ts';
import { STANDING_FORMS } from './labels/lineForms.ts';
import type { PrintedLine } from './printedLines.ts';
import { displayWidth, endsClosed, endsSentence, joinWrapped } from './text.ts';

/** A line joined short of the block's width by more than this share is a paragraph's last line, a label, a head. */
const FULL_SHARE = 0.8;
const PROSE_MARKS = /[，。、；：！？,;]/u;
const ENDS_WITH_JUMP = /[（(](?:下转|转下|转第)[^（）()]{0,14}[）)]$/u;
const OPEN_BRACKET = /[（(][^）)]*$/u;
const ROLE_START = /^(?:全媒体记者|见习记者|特约记者|记者|通讯员|实习生|摄影)/u;
const ROLE_PREFIX_END = /(?:全媒体|见习|特约|首席|本报)$/u;
/** Role words that end a wrapped byline before the names: the names follow after a space. */
const ROLE_END = /(?:记者|通讯员|实习生|摄影|作者)$/u;

export function joinWraps(block: PrintedLine[]): PrintedLine[] {
  if (block.length < 2) return block;
  // The column's width comes from its running text: a long contact line or a table row would inflate it.
  const running = block.filter((l) => !STANDING_FORMS.includes(l.form));
  const width = Math.max(...(running.length > 0 ? running : block).map(printedWidth));
  const indents = block.some((l) => l.form === 'indented' || l.form === 'clause');
  const bare = block.every((l) => !PROSE_MARKS.test(l.text));
  const out: PrintedLine[] = [];
  let open: PrintedLine | undefined;
  let openWidth = 0;
  for (const line of block) {
    if (open && runsOn(open, openWidth, line, { width, indents, bare })) {
      // Names part at a space: before the names of a role that ends the line, or before a role that opens the next.
      const spaced =
        OPEN_BRACKET.test(open.text) &&
        (ROLE_END.test(open.text) || ROLE_START.test(line.text)) &&
        // A role itself wrapped (`全媒体` | `记者 何 雨`) is one word again.
        !ROLE_PREFIX_END.test(open.text);
      open.text = spaced ? `${open.text} ${line.text}` : joinWrapped(open.text, line.text);
      open.nos.push(...line.nos);
      open.gapAfter = line.gapAfter;
      open.spacedEdge.end = line.spacedEdge.end;
      open.joined = true;
    } else {
      open = { ...line, nos: [...line.nos], spacedEdge: { ...line.spacedEdge } };
      out.push(open);
    }
    openWidth = printedWidth(line);
  }
  return out;
}

function printedWidth(line: PrintedLine): number {
  return displayWidth(line.text) + (line.form === 'signature' ? 0 : line.indent);
}

interface BlockShape {
  /** The width of the block's running text. */
  width: number;
  /** Paragraphs in the block are marked by an indent. */
  indents: boolean;
  /** No line of the block has punctuation: a headline block or a slogan. */
  bare: boolean;
}

function runsOn(
  open: PrintedLine,
  lastWidth: number,
  next: PrintedLine,
  { width, indents, bare }: BlockShape,
): boolean {
  if (STANDING_FORMS.includes(open.form) || STANDING_FORMS.includes(next.form)) return false;
  // Inside an open bracket (a byline wrapped among its names) the line runs on to the bracket's close.
  if (OPEN_BRACKET.test(open.text) && /^[^（(]*[）)]/u.test(next.text)) return true;
  if (next.form === 'clause' || next.form === 'indented' || isStructural(next.text)) return false;
  // A story that goes on elsewhere (`…（下转第2版）`) ends here: what follows is the next story.
  if (ENDS_WITH_JUMP.test(open.text)) return false;
  // A line wholly in brackets is a note of its own: `（资料图片）`, `（通讯员 X）`.
  if (/^[（(][^（）()]*[）)]$/u.test(next.text)) return false;
  if (OPEN_BRACKET.test(open.text)) return true;
  if (lastWidth < width * FULL_SHARE) return false;
  // Two stacked lines without punctuation (a slogan, a two-line head) wrap only if the first is the wider.
  if (bare && displayWidth(next.text) > lastWidth) return false;
  // In a headline block a closing quote ends a phrase, not a sentence; in prose a full line that ends on a closing
  // quote runs on to who said it (`…鼓起来。”` | `彭卫东说。`).
  if (!endsClosed(open.text) || (bare && !endsSentence(open.text)) || /[”’」』]$/u.test(open.text)) return true;
  // A dateline alone (`衡阳日报讯（全媒体记者 X）`) opens the paragraph that follows it.
  if (LEAD.exec(open.text)?.[0].length === open.text.length) return true;
  // A full line that closes a sentence ends its paragraph, unless paragraphs here are marked by an indent.
  return indents;
}
