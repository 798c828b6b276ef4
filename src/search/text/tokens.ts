/**
 * The indexed form of Chinese text.
 *
 * Pagefind only knows words. Chinese has no spaces, and the ICU segmentation
 * Pagefind applies to `lang="zh"` pages misses phrases that cut across its word
 * boundaries. So the index is built from pre-tokenised text under a language
 * code Pagefind does not segment (`zxx`):
 *
 *   - a run of hanzi c0 c1 … cn becomes the overlapping bigrams c0c1 c1c2 …
 *     followed by the lone last character cn, so token i starts at character i;
 *   - every other run of non-space characters (numbers, Latin words, punctuation)
 *     is one token, kept as-is.
 *
 * Any 2+ character phrase is then the AND of its bigrams, and a verbatim
 * occurrence is those bigrams at consecutive positions. The token stream is
 * also reversible (decodeTokens), which is how the browser gets the article
 * text back for excerpts without shipping it twice.
 */
import { isHan } from './fold.ts';

/** Ends a section (title, body, extra) inside the indexed content; Pagefind strips it from the index. */
export const SECTION_MARK = '¶';

const HORIZONTAL_SPACE = /^[ \t\u00a0\u3000]$/u;
const SPACE = /^\s$/u;

/** Splits folded text into index tokens (see module comment). Hanzi runs continue across spaces, not line breaks. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  let run: string[] = [];
  let word = '';
  const flushRun = () => {
    for (let i = 0; i < run.length; i++) tokens.push(i + 1 < run.length ? run[i] + run[i + 1] : run[i]);
    run = [];
  };
  const flushWord = () => {
    if (word) tokens.push(word);
    word = '';
  };
  for (const ch of text) {
    if (isHan(ch)) {
      flushWord();
      run.push(ch);
    } else if (SPACE.test(ch)) {
      flushWord();
      // OCR text breaks lines and spaces out characters mid-phrase; a space between two hanzi is not a boundary.
      if (!HORIZONTAL_SPACE.test(ch)) flushRun();
    } else {
      flushRun();
      word += ch;
    }
  }
  flushRun();
  flushWord();
  return tokens;
}

function isHanToken(token: string): boolean {
  const first = [...token][0];
  return first !== undefined && isHan(first);
}

/**
 * Rebuilds text from index tokens: the first character of each hanzi token, other
 * tokens whole, a space only between two non-hanzi tokens (whitespace next to
 * hanzi carries no meaning in Chinese and is not kept).
 */
export function decodeTokens(tokens: readonly string[]): string {
  let out = '';
  let previousWasWord = false;
  for (const token of tokens) {
    if (!token) continue;
    if (isHanToken(token)) {
      out += [...token][0];
      previousWasWord = false;
    } else {
      if (previousWasWord) out += ' ';
      out += token;
      previousWasWord = true;
    }
  }
  return out;
}

/**
 * Splits a Pagefind fragment's content back into its sections. Pagefind joins
 * block elements with ". ", so a section ends with the mark, maybe followed by a dot.
 */
export function decodeSections(content: string): string[] {
  return content
    .split(new RegExp(`\\s*${SECTION_MARK}\\.?\\s*`, 'u'))
    .map((section) => decodeTokens(section.split(/\s+/u)));
}
