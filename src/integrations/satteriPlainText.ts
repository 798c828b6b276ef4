import type { Root } from 'mdast';
import type { MdastPluginDefinition, MdastPluginEntry } from 'satteri';
import { hasUnsafeNodes, neutralise } from './untrustedMarkdown.ts';

const neutraliser: MdastPluginDefinition = {
  name: 'untrusted-plain-text',
  before(root, ctx) {
    const tree = root as Root;
    if (hasUnsafeNodes(tree)) ctx.replaceNode(root, { type: 'root', children: neutralise(tree.children) });
  },
};

/**
 * Whether a body could hold raw HTML, an autolink, a link, an image or a link
 * definition: each needs a `<` or a `[`. Escaped ones count too, to keep the
 * test obviously sound; the ingest escapes both, so real bodies rarely have them.
 */
export function mayHoldMarkup(source: string): boolean {
  return source.includes('<') || source.includes('[');
}

/**
 * The Sätteri (Astro's Markdown processor) plugin that shows untrusted body
 * text as text: see src/integrations/untrustedMarkdown.ts. It runs only on bodies that
 * may hold markup (reading a whole tree into JavaScript costs more than
 * rendering it), and replaces such a body's tree by its neutralised copy.
 */
export const satteriPlainText: MdastPluginEntry = (ctx) => (mayHoldMarkup(ctx.source) ? neutraliser : null);

/**
 * Sätteri features for untrusted text: CommonMark only (no GFM autolinks or
 * tables), no smart punctuation, and no front matter (the body has none; a
 * leading `---` is a thematic break).
 */
export const UNTRUSTED_FEATURES = { gfm: false, smartPunctuation: false, frontmatter: false } as const;
