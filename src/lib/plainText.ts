import type { Nodes } from 'mdast';
import { markdownToMdast } from 'satteri';
import { UNTRUSTED_FEATURES } from './satteriPlainText.ts';

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'code', 'table', 'tableRow']);

function collect(node: Nodes, out: string[]): void {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html': // shown as text on the page too (src/lib/untrustedMarkdown.ts)
      out.push(node.value);
      return;
    case 'break':
      out.push('\n');
      return;
    case 'image':
    case 'imageReference':
      out.push(node.alt ?? '');
      return;
    case 'definition':
      return;
  }
  if ('children' in node) {
    for (const child of node.children) {
      collect(child, out);
      if (BLOCKS.has(child.type)) out.push('\n\n');
    }
  }
}

/**
 * The visible text of a Markdown body, one blank line between blocks: what a
 * reader sees, for JSON-LD `articleBody`, feeds, descriptions and the data dump.
 */
export function markdownToPlainText(markdown: string): string {
  const out: string[] = [];
  // Parsed the way the page is rendered (src/lib/satteriPlainText.ts).
  collect(markdownToMdast(markdown, { features: UNTRUSTED_FEATURES, position: false }), out);
  return out
    .join('')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

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
