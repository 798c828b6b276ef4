/**
 * Character folding shared by the indexer, the query parser and the highlighter.
 *
 * Every function here maps text to text of the SAME UTF-16 length, one code point
 * at a time, so an offset found in folded text is an offset in the original text
 * too. That is what lets the article page mark the exact characters a query hit.
 */

/** Traditional/variant → simplified, one character each (see data/search-t2s.json). */
export type T2s = ReadonlyMap<string, string>;

export function parseT2s(pairs: string): Map<string, string> {
  const table = new Map<string, string>();
  const chars = [...pairs];
  for (let i = 0; i + 1 < chars.length; i += 2) table.set(chars[i], chars[i + 1]);
  return table;
}

const HAN = /^\p{Script=Han}$/u;

/** True for one code point of a Chinese character (CJK ideographs, all planes). */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

/**
 * Folds one code point: t2s; then, for letters and digits only, NFKC (full-width
 * Ａ１ → A1, compatibility ideographs → unified) and lower case, when
 * length-preserving. Punctuation is left as printed: excerpts are decoded from
 * folded text, and a reader should see ，not , there.
 */
export function foldChar(ch: string, t2s?: T2s): string {
  const simplified = t2s?.get(ch);
  if (simplified !== undefined) return simplified;
  if (!LETTER_OR_NUMBER.test(ch)) return ch;
  let out = ch;
  const nfkc = out.normalize('NFKC');
  if (nfkc.length === out.length) out = nfkc;
  const lower = out.toLowerCase();
  if (lower.length === out.length) out = lower;
  return out;
}

/** Folds a whole string; the result has exactly `text.length` UTF-16 units. */
export function foldText(text: string, t2s?: T2s): string {
  let out = '';
  for (const ch of text) out += foldChar(ch, t2s);
  return out;
}

/**
 * Characters of the t2s table that GB2312 also contains. Everything else the
 * table folds lies outside GB2312, which is how the browser decides, without
 * downloading the table, whether a query needs it (see needsT2s).
 * tests/search/searchText.test.ts recomputes this list from the data file.
 */
export const T2S_KEYS_IN_GB2312 = '吒後拚捱摺榘菸薹袷醣麴';

let gb2312: Set<string> | undefined;

/** The 6,763 GB2312 hanzi, decoded by the platform's own GBK decoder: zero bytes shipped. */
function gb2312Hanzi(): Set<string> {
  if (!gb2312) {
    gb2312 = new Set();
    const decoder = new TextDecoder('gb2312');
    for (let hi = 0xb0; hi <= 0xf7; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) gb2312.add(decoder.decode(new Uint8Array([hi, lo])));
    }
  }
  return gb2312;
}

/** True when folding `text` might need the t2s table: it has a hanzi outside GB2312 or one of the few inside. */
export function needsT2s(text: string): boolean {
  for (const ch of text) {
    if (isHan(ch) && (!gb2312Hanzi().has(ch) || T2S_KEYS_IN_GB2312.includes(ch))) return true;
  }
  return false;
}
