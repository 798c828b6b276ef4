/** Character-level helpers shared by the parsing steps. */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

export function isCjk(char: string): boolean {
  return CJK.test(char);
}

/**
 * Width of a line as typeset: CJK characters and full-width punctuation take
 * one em, ASCII half of one. Column widths are measured in these units.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    // A character beyond the BMP is two units: its second half adds nothing. (Iterating by character allocates a
    // string for each, which a run parsing a few pages, still in the interpreter, pays for on every line.)
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    width += unit < 0x2000 ? 0.5 : 1;
  }
  return width;
}

/** Punctuation that closes a sentence; a line ending in one of these may end a paragraph. */
const SENTENCE_END = /[。！？!?…；;]$|[。！？!?…][”’」』）)]$/u;
/** Closing brackets and quotes also stop a join: the text after them is rarely a split word. */
const CLOSING = /[”’」』）)】]$/u;

export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trimEnd());
}

export function endsClosed(line: string): boolean {
  return endsSentence(line) || CLOSING.test(line.trimEnd());
}

/**
 * Joins two pieces of a hard-wrapped line. Chinese needs no space; a space is
 * kept only between two Latin words, where the wrap replaced one.
 */
export function joinWrapped(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (/[A-Za-z]$/.test(a) && /^[A-Za-z]/.test(b)) return `${a} ${b}`;
  return a + b;
}

/** Removes all white space: used to compare texts that were reflowed differently. */
export function squash(text: string): string {
  return text.replace(/[\s\u3000]+/gu, '');
}

/** Splits text into sentences, keeping each sentence's closing punctuation and quote. */
export function sentences(text: string): string[] {
  return (
    text
      .match(/[^。！？!?]+(?:[。！？!?]+[”’」』]?|$)/gu)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? []
  );
}
