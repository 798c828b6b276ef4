import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse } from 'yaml';
import type { ArticleFrontMatter } from '../../../src/schemas/articleContract.ts';
import { ingestDirectory, type IngestSummary } from '../../../scripts/ingest/ingestDirectory.ts';
import { tempDir } from '../../support/tempDir.ts';

export { tempDir };

export const SEEDS_DIR = new URL('../../../seeds/', import.meta.url).pathname;

export interface WrittenArticle {
  slug: string;
  raw: string;
  frontMatter: ArticleFrontMatter;
  /** The body as a reader sees it: Markdown parsed back to plain text. */
  bodyText: string;
}

export async function ingestTo(
  seedsDir: string,
  outDir = tempDir('out'),
  cacheDir?: string,
): Promise<{ summary: IngestSummary; articles: WrittenArticle[] }> {
  const summary = await ingestDirectory({ seedsDir, outDir, ...(cacheDir ? { cacheDir } : {}) });
  return { summary, articles: readArticles(outDir) };
}

export function readArticles(outDir: string): WrittenArticle[] {
  return readdirSync(outDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(outDir, name), 'utf8');
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)---\n([\s\S]*)$/u.exec(raw) ?? [];
      return { slug: name.slice(0, -3), raw, frontMatter: parse(yaml) as ArticleFrontMatter, bodyText: plainText(body) };
    })
    .sort((a, b) => a.frontMatter.source.file.localeCompare(b.frontMatter.source.file) || a.frontMatter.source.index - b.frontMatter.source.index);
}

function plainText(markdown: string): string {
  const tree = unified().use(remarkParse).parse(markdown);
  const out: string[] = [];
  const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
    if (typeof node.value === 'string') out.push(node.value);
    for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    if (node.type === 'paragraph' || node.type === 'heading') out.push('\n');
  };
  walk(tree);
  return out.join('');
}

export function onPage(articles: WrittenArticle[], prefix: string): WrittenArticle[] {
  return articles.filter((a) => a.frontMatter.source.file.startsWith(prefix));
}
