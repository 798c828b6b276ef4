/**
 * The visible text of an article body from its rendered HTML. The content
 * collection keeps only the rendered body (not the Markdown, which would make
 * the data store every build part loads half as large again), so the text
 * comes from the HTML: block contents separated by one blank line, hard
 * breaks as newlines, images as their alt text, markup shown as text decoded
 * back to what the reader sees. Its input is the site's own renderer's
 * output, not arbitrary HTML.
 */

// Closing tags of the blocks a blank line separates (paragraph, heading, blockquote, list, item, code, table, row).
const BLOCK_END = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'table',
  'tr',
]);

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const TAG = /<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/giu;

export function htmlToPlainText(html: string): string {
  const out: string[] = [];
  let at = 0;
  for (const match of html.matchAll(TAG)) {
    out.push(decodeEntities(html.slice(at, match.index)));
    at = match.index + match[0].length;
    const [, closing, rawName, attributes] = match;
    const name = rawName.toLowerCase();
    if (closing) {
      if (BLOCK_END.has(name)) out.push('\n\n');
    } else if (name === 'br') {
      out.push('\n');
      if (html[at] === '\n') at += 1; // The renderer's own line end after <br />, not text.
    } else if (name === 'img') {
      const alt = /\balt="([^"]*)"/u.exec(attributes);
      if (alt) out.push(decodeEntities(alt[1]));
    }
  }
  out.push(decodeEntities(html.slice(at)));
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
