/**
 * What one printed line is by its form alone, before any line is joined to another: a table row, a right-aligned
 * signature, a contact line, a letter's salutation, the start of a numbered clause, a paragraph indent, a line of verse. The reflow keeps
 * each table row, signature, contact line and verse line whole and on its own, and starts a paragraph at every
 * clause and indent.
 */

export type LineForm =
  | 'table'
  | 'signature'
  | 'contact'
  | 'clause'
  | 'indented'
  | 'verse'
  | 'salutation'
  // Set only by an editor's correction: the line is body text, or a photo's caption.
  | 'body'
  | 'caption';

/** Forms that stand as printed, never joined to a neighbour. */
export const STANDING_FORMS: readonly (LineForm | undefined)[] = [
  'table',
  'signature',
  'verse',
  'contact',
  'salutation',
];

/** Columns set apart by runs of two or more spaces (or a tab), at least twice on the line. */
const TABLE_GAPS = /\S(?: {2,}|\t+)\S.*\S(?: {2,}|\t+)\S/u;
/** Right-aligned lines (an issuer, a date under a notice) start with four or more ems of space. */
const SIGNATURE_INDENT = /^(?:[\u3000]{3,}|[\u3000 ]{6,})\S/u;
/** A paragraph indent: one or two ems, or two to four spaces. */
const INDENT = /^(?:\u3000{1,2}| {2,4})(?=\S)/u;
const CONTACT =
  /^(?:联系人|联系方式|[\u4e00-\u9fff]{0,6}(?:电话|热线|地址|邮箱)|手机|传真|邮编|网址|E-?mail)\s*[：:]/iu;
/** 一、 （一） 1. ① 一是: the openings of numbered clauses and points. */
const CLAUSE =
  /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]是)/u;
/** How a letter or a reply opens: `编辑同志：`, `王建国读者：`. */
const SALUTATION = /^[\u4e00-\u9fff·]{0,8}(?:同志|读者|先生|女士|朋友|网友|市民)(?:们)?[：:]$/u;
const PUNCTUATION = /[，。、；：！？,.;:!?]/u;

export function isClauseStart(text: string): boolean {
  return CLAUSE.test(text.trim());
}

/** The form of a single line, judged by itself; verse needs its stanza and is decided by `verseLines`. */
export function lineForm(raw: string): LineForm | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (SIGNATURE_INDENT.test(raw) && text.length <= 30) return 'signature';
  if (TABLE_GAPS.test(text)) return 'table';
  if (CONTACT.test(text)) return 'contact';
  if (SALUTATION.test(text)) return 'salutation';
  if (CLAUSE.test(text)) return 'clause';
  if (INDENT.test(raw)) return 'indented';
  return undefined;
}

/**
 * Stanzas: blocks of three or more short lines printed together, nearly all without any punctuation. Prose wrapped
 * in a narrow column carries commas on most lines; a headline block is one or two lines.
 */
export function isStanza(block: readonly string[]): boolean {
  if (block.length < 3) return false;
  const texts = block.map((l) => l.trim());
  if (texts.some((t) => t.length > 20 || /^[▲◆■□●#]/u.test(t))) return false;
  const bare = texts.filter((t) => !PUNCTUATION.test(t)).length;
  return bare >= Math.ceil(texts.length * 0.75);
}

/** Rows of a table need a neighbour that is a row too: one spaced line is a running head or a slip. */
export function tableRows(lines: readonly string[]): Set<number> {
  const spaced = lines.map((line) => lineForm(line) === 'table');
  // A cell's second line (a header's `（年.月）`) stands alone, set far in, between two rows.
  const cell = lines.map(
    (line, i) => !spaced[i] && CELL_LINE.test(line) && spaced[i - 1] === true && spaced[i + 1] === true,
  );
  const rows = new Set<number>();
  lines.forEach((_, i) => {
    if (cell[i] || (spaced[i] && (spaced[i - 1] === true || spaced[i + 1] === true || cell[i - 1] || cell[i + 1]))) {
      rows.add(i);
    }
  });
  return rows;
}

/** A line of a table cell set apart on a line of its own: far in, short. */
const CELL_LINE = /^[ \t\u3000]{4,}\S{1,12}$/u;
