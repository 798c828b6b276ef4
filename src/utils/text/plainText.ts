/** Excerpts of an article's visible text (from src/utils/text/htmlText.ts) for lists, feeds and descriptions. */

/** A text on one line: a paragraph break between two Chinese sentences closes up; other whitespace becomes one space. */
function flatten(text: string): string {
  return text
    .replace(/(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*\n\s*(?=\S)/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first `max` characters of a text on one line, cut at a character boundary. */
export function excerpt(text: string, max = 120): string {
  // Flattening only looks at neighbouring characters, so a head of the text
  // flattens to a head of the whole (less, at most, a trailing space). Try a
  // short head first rather than flattening a whole long article.
  const head = 2 * max + 32;
  if (text.length > head) {
    const chars = [...flatten(text.slice(0, head))];
    // One spare character: the head may end in half a surrogate pair.
    if (chars.length > max + 1) return `${chars.slice(0, max).join('').trimEnd()}…`;
  }
  const flat = flatten(text);
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max).join('').trimEnd()}…`;
}
