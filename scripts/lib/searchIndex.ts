/**
 * Builds the site's search index: dist/articles/<slug>/index.html → dist/pagefind/.
 *
 * Pagefind sees not the pages but a pre-tokenised copy of each (src/lib/search/tokens.ts):
 * hanzi as overlapping bigrams under the unsegmented language `zxx`, so any phrase
 * is findable and verbatim matches show up as consecutive positions. Design and
 * measurements: docs/search.md.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { foldText, parseT2s, type T2s } from '../../src/lib/search/fold.ts';
import { indexTokens, SECTION_MARK } from '../../src/lib/search/tokens.ts';
import { EXTRA_WEIGHT, INDEX_LANGUAGE, UNKNOWN_DATE_SORT, UNKNOWN_YEAR } from '../../src/lib/search/schema.ts';
import { loadGazetteer } from '../../src/lib/gazetteer.ts';
import { parseArticlePage, type ArticleRecord } from './searchPages.ts';
import { withPagefind } from './searchPagefind.ts';

export interface BuildSearchIndexOptions {
  distDir: string;
  log?: (line: string) => void;
}

export interface BuildSearchIndexResult {
  pages: number;
  files: number;
  bytes: number;
}

/** Files handed to Pagefind before waiting for one to finish. */
const MAX_IN_FLIGHT = 16;

const T2S_PATH = new URL('../../data/search-t2s.json', import.meta.url);

export async function loadT2sTable(): Promise<T2s> {
  const { pairs } = JSON.parse(await readFile(T2S_PATH, 'utf8')) as { pairs: string };
  return parseT2s(pairs);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c]};`);
}

/** Folded, tokenised text of one section, closed by the section mark. */
function section(text: string, t2s: T2s): string {
  return escapeHtml([...indexTokens(foldText(text.replaceAll(SECTION_MARK, ' '), t2s)), SECTION_MARK].join(' '));
}

/** Region names plus their gazetteer aliases: 衡南 finds articles filed under 衡南县 even if the text says 衡南县 only. */
function regionTerms(regions: readonly string[]): string[] {
  const byName = new Map(loadGazetteer().regions.map((r) => [r.name, r.aliases]));
  return regions.flatMap((name) => [name, ...(byName.get(name) ?? [])]);
}

/** The HTML Pagefind indexes for one article (never served). */
export function indexDocument(record: ArticleRecord, t2s: T2s): string {
  const meta = (key: string, value: string) =>
    `<span data-pagefind-meta="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`;
  const filter = (key: string, value: string) =>
    `<span data-pagefind-filter="${key}[data-v]" data-v="${escapeHtml(value)}"></span>`;
  const extra = [...regionTerms(record.regions), ...record.keywords].join('\n');
  return [
    `<!doctype html><html lang="${INDEX_LANGUAGE}"><head><meta charset="utf-8"></head><body>`,
    meta('title', record.title),
    meta('date', record.date),
    meta('regions', record.regions.join(',')),
    meta('kind', record.kind),
    ...record.regions.map((r) => filter('region', r)),
    filter('year', record.year || UNKNOWN_YEAR),
    filter('kind', record.kind),
    `<span data-pagefind-sort="date[data-v]" data-v="${record.date || UNKNOWN_DATE_SORT}"></span>`,
    `<h1>${section(record.title, t2s)}</h1>`,
    `<p>${section(record.body, t2s)}</p>`,
    `<p data-pagefind-weight="${EXTRA_WEIGHT}">${section(extra, t2s)}</p>`,
    '</body></html>',
  ].join('');
}

/** Built article pages under distDir/articles/, in a stable order. */
export async function* articlePages(distDir: string): AsyncGenerator<ArticleRecord> {
  const root = join(distDir, 'articles');
  const slugs = (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const slug of slugs) {
    const file = join(root, slug, 'index.html');
    let html: string;
    try {
      html = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    const record = parseArticlePage(html, `/articles/${slug}/`);
    if (record) yield record;
  }
}

async function treeSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** Keywords for an article whose page lists none: nodejieba's TF-IDF top terms (loaded only if needed). */
async function fallbackKeywords(record: ArticleRecord): Promise<string[]> {
  const jieba = (await import('nodejieba')).default;
  return jieba.extract(`${record.title}\n${record.body}`, 5).map((k) => k.word);
}

export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const log = options.log ?? (() => {});
  const t2s = await loadT2sTable();
  const outputPath = join(options.distDir, 'pagefind');
  let pages = 0;
  await withPagefind({}, async (indexer) => {
    // Pagefind runs in its own process: keeping a few files in flight lets it index one while we read the next.
    const inFlight = new Set<Promise<void>>();
    for await (const record of articlePages(options.distDir)) {
      if (!record.keywords.length) record.keywords = await fallbackKeywords(record);
      const added = indexer.addHTML({ url: record.url, content: indexDocument(record, t2s) }).finally(() => {
        inFlight.delete(added);
      });
      inFlight.add(added);
      if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      pages++;
    }
    await Promise.all(inFlight);
    if (!pages) throw new Error(`no article pages under ${join(options.distDir, 'articles')}`);
    await indexer.write(outputPath);
  });
  const { files, bytes } = await treeSize(outputPath);
  log(
    `search: indexed ${pages} articles → ${relative(process.cwd(), outputPath) || outputPath} (${files} files, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
  return { pages, files, bytes };
}
