/**
 * Writes an article as Markdown with YAML front matter. The body goes through
 * remark's serializer (mdast-util-to-markdown, called as remark-stringify
 * calls it), which escapes anything in the page text that Markdown would
 * otherwise read as markup (`<script>`, `[text](url)`, `# `, `1. `…), unless
 * it holds nothing to escape (plainBodyMarkdown).
 */
import { createRequire } from 'node:module';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import type * as MdastToMarkdown from 'mdast-util-to-markdown';
import type * as Yaml from 'yaml';
import type { ArticleFrontMatter } from '../../src/schemas/articleContract.ts';
import type { BodyBlock } from './parse/split.ts';

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
  'places',
  'keywords',
  'source',
  'continued',
];

const SERIALIZER: MdastToMarkdown.Options = { bullet: '-', emphasis: '_', fences: true };

// The serializers are loaded the first time a page needs them (see plainBodyMarkdown and frontMatterYaml): loading
// either costs more than parsing a page, and a run that parses a day's pages may need neither.
const require = createRequire(import.meta.url);
let mdast: typeof MdastToMarkdown | undefined;
let yaml: typeof Yaml | undefined;

export function bodyToMarkdown(blocks: BodyBlock[]): string {
  const plain = plainBodyMarkdown(blocks);
  if (plain !== undefined) return plain;
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
  mdast ??= require('mdast-util-to-markdown') as typeof MdastToMarkdown;
  return mdast.toMarkdown(root, SERIALIZER);
}

/**
 * Text that holds none of the characters remark's serializer escapes in a
 * paragraph or a heading (its `unsafe` patterns): no `*`, `_`, `` ` ``, `[`,
 * `]`, `<`, `#`, `\`, control characters or white space at either end, and
 * no `+`, `-`, `=`, `>`, `~`, `1.` or `1)` where a line starts.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be excluded
const PLAIN = /^(?![+\-=>~]|\d+[.)])(?!\s)[^\x00-\x1f\x7f#*<[\\\]_`]+(?<!\s)$/u;

/**
 * The body written directly, byte for byte as remark's serializer writes it
 * with the options above, when every block is a paragraph or a subhead of
 * PLAIN text, or a caption of it: then the only escape is `&` before a letter, which would start
 * a character reference (`R&D` → `R\&D`). Undefined for anything else (text
 * that needs escaping), which goes through remark. It is many
 * times faster, and a run that parses a day's pages is spared loading remark.
 */
export function plainBodyMarkdown(blocks: BodyBlock[]): string | undefined {
  const out: string[] = [];
  for (const { type, text } of blocks) {
    if (!PLAIN.test(text)) return undefined;
    const escaped = text.replace(/&(?=[A-Za-z])/gu, '\\&');
    // A caption is a paragraph of emphasis (see bodyToMarkdown): its `_` stand at the line's ends, where they open and close.
    out.push(type === 'subhead' ? `## ${escaped}` : type === 'caption' ? `_${escaped}_` : escaped);
  }
  return out.length === 0 ? '' : `${out.join('\n\n')}\n`;
}

export function toMarkdownFile(frontMatter: ArticleFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) {
    const value = frontMatter[key];
    if (value !== undefined) ordered[key] = value;
  }
  // Quoted strings keep YAML 1.1 readers from turning `2020-03-09` into a Date or `是` into anything else.
  const text =
    frontMatterYaml(ordered) ??
    (yaml ??= require('yaml') as typeof Yaml).stringify(ordered, {
      defaultStringType: 'QUOTE_DOUBLE',
      defaultKeyType: 'PLAIN',
      lineWidth: 0,
    });
  return `---\n${text}---\n\n${body}`;
}

/** Text the `yaml` package writes between double quotes unchanged: no quote, backslash, control or odd space. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be excluded
const VERBATIM = /^[^"\\\x00-\x1f\x7f-\x9f\u00a0\u2028\u2029\ufeff\ud800-\udfff]*$/u;

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return VERBATIM.test(value) ? `"${value}"` : undefined;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Front matter written directly, byte for byte as `yaml`'s stringify writes
 * it with the options above, for the shapes articles have: scalars, lists of
 * scalars or of flat maps, and flat maps. Undefined for anything else (a
 * string that needs escaping, say), which then goes through `yaml`. It is
 * several times faster, and front matter is written for every article.
 */
export function frontMatterYaml(fields: Record<string, unknown>): string | undefined {
  let out = '';
  const key = (name: string) => (/^[A-Za-z][A-Za-z0-9]*$/u.test(name) ? name : undefined);
  for (const [name, value] of Object.entries(fields)) {
    if (key(name) === undefined) return undefined;
    const plain = scalar(value);
    if (plain !== undefined) {
      out += `${name}: ${plain}\n`;
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        out += `${name}: []\n`;
        continue;
      }
      out += `${name}:\n`;
      for (const item of value) {
        const itemScalar = scalar(item);
        if (itemScalar !== undefined) {
          out += `  - ${itemScalar}\n`;
          continue;
        }
        if (!isRecord(item)) return undefined;
        const entries = Object.entries(item);
        if (entries.length === 0) return undefined;
        let lead = '  - ';
        for (const [k, v] of entries) {
          const text = scalar(v);
          if (key(k) === undefined || text === undefined) return undefined;
          out += `${lead}${k}: ${text}\n`;
          lead = '    ';
        }
      }
    } else if (isRecord(value)) {
      const entries = Object.entries(value);
      if (entries.length === 0) return undefined;
      out += `${name}:\n`;
      for (const [k, v] of entries) {
        const text = scalar(v);
        if (key(k) === undefined || text === undefined) return undefined;
        out += `  ${k}: ${text}\n`;
      }
    } else {
      return undefined;
    }
  }
  return out;
}
