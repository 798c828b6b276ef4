/**
 * Writes an article as Markdown with YAML front matter. The body goes through
 * remark's serializer, which escapes anything in the page text that Markdown
 * would otherwise read as markup (`<script>`, `[text](url)`, `# `, `1. `…).
 */
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify } from 'yaml';
import type { ArticleFrontMatter } from '../../src/lib/articleContract.ts';
import type { BodyBlock } from './split.ts';

const FIELD_ORDER: (keyof ArticleFrontMatter)[] = [
  'title',
  'kicker',
  'subtitle',
  'column',
  'kind',
  'byline',
  'authors',
  'date',
  'dateInferred',
  'edition',
  'page',
  'regions',
  'keywords',
  'source',
  'continued',
];

const serializer = unified().use(remarkStringify, { bullet: '-', emphasis: '_', fences: true });

export function bodyToMarkdown(blocks: BodyBlock[]): string {
  const children: RootContent[] = blocks.map((block): RootContent => {
    const text = { type: 'text' as const, value: block.text };
    switch (block.type) {
      case 'subhead':
        return { type: 'heading', depth: 2, children: [text] } satisfies Heading;
      case 'caption':
        // Captions are set apart as emphasis: the site styles a lone <em> paragraph as a caption.
        return { type: 'paragraph', children: [{ type: 'emphasis', children: [text] }] } satisfies Paragraph;
      default:
        return { type: 'paragraph', children: [text] } satisfies Paragraph;
    }
  });
  const root: Root = { type: 'root', children };
  return serializer.stringify(root);
}

export function toMarkdownFile(frontMatter: ArticleFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = frontMatter[key];
    if (value !== undefined) ordered[key] = value;
  }
  // Quoted strings keep YAML 1.1 readers from turning `2020-03-09` into a Date or `是` into anything else.
  const yaml = stringify(ordered, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return `---\n${yaml}---\n\n${body}`;
}
