/**
 * Builds the site's search index: dist/articles/<slug>/index.html → dist/pagefind/.
 *
 * Pagefind sees not the pages but a pre-tokenised copy of each (src/lib/search/tokens.ts):
 * hanzi as overlapping bigrams under the unsegmented language `zxx`, so any phrase
 * is findable and verbatim matches show up as consecutive positions. Design and
 * measurements: docs/search.md.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { foldText, parseT2s, type T2s } from '../../src/lib/search/fold.ts';
import { indexTokens, SECTION_MARK } from '../../src/lib/search/tokens.ts';
import { EXTRA_WEIGHT, INDEX_LANGUAGE, UNKNOWN_DATE_SORT, UNKNOWN_YEAR } from '../../src/lib/search/schema.ts';
import { loadGazetteer } from '../../src/lib/gazetteer.ts';
import { parseArticlePage, type ArticleRecord } from './searchPages.ts';
import { withPagefindService } from './searchPagefind.ts';
import { planShards, SHARD_MANIFEST, type ShardInfo, type ShardManifest } from '../../src/lib/search/shards.ts';

export interface BuildSearchIndexOptions {
  distDir: string;
  log?: (line: string) => void;
  /** Most articles in one shard (a day is never split). */
  shardSize?: number;
  /** Pagefind's index chunk size, in word locations. */
  chunkSize?: number;
}

export interface BuildSearchIndexResult {
  pages: number;
  shards: number;
  files: number;
  bytes: number;
}

/** Files handed to Pagefind before waiting for one to finish. */
const MAX_IN_FLIGHT = 16;

/**
 * Articles per shard: a first query loads one shard's page list (≈ 11 bytes an
 * article) and its chunks, so smaller is cheaper, but a phrase with few matches
 * may need several shards before a page of results is certain. Measured in
 * docs/search.md, "Shards".
 */
export const SHARD_SIZE = 1000;

/** Word locations per index chunk (Pagefind's default is 20,000, ≈ 45 kB a chunk at 10,000 articles). */
export const CHUNK_SIZE = 4000;

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

/** The built article pages under distDir/articles/ (directory names, sorted). */
async function articleSlugs(distDir: string): Promise<string[]> {
  const root = join(distDir, 'articles');
  return (await readdir(root, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Every built article page, in a stable order. */
export async function* articlePages(distDir: string): AsyncGenerator<ArticleRecord> {
  for (const slug of await articleSlugs(distDir)) {
    const record = await readArticle(distDir, slug);
    if (record) yield record;
  }
}

async function readArticle(distDir: string, slug: string): Promise<ArticleRecord | undefined> {
  let html: string;
  try {
    html = await readFile(join(distDir, 'articles', slug, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
  return parseArticlePage(html, `/articles/${slug}/`);
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

/** Files Pagefind writes that the site's own search does not load (its runtime and UIs). */
const UNUSED_BUNDLE_FILE = /^(pagefind.*\.(js|css)|wasm\..*\.pagefind)$/u;

async function pruneBundle(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (UNUSED_BUNDLE_FILE.test(name)) await rm(join(dir, name));
}

async function metaName(dir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const index = entry.languages[INDEX_LANGUAGE] ?? fail(`${dir}: no ${INDEX_LANGUAGE} index in pagefind-entry.json`);
  return `pagefind.${index.hash}`;
}

function fail(message: string): never {
  throw new Error(message);
}

export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const log = options.log ?? (() => {});
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const t2s = await loadT2sTable();
  const outputPath = join(options.distDir, 'pagefind');
  await rm(outputPath, { recursive: true, force: true });

  // Pass 1: dates only, to cut the archive into date-range shards (bodies are read again per shard).
  const dated: { slug: string; date: string }[] = [];
  for (const slug of await articleSlugs(options.distDir)) {
    const record = await readArticle(options.distDir, slug);
    if (record) dated.push({ slug, date: record.date });
  }
  if (!dated.length) throw new Error(`no article pages under ${join(options.distDir, 'articles')}`);
  const plan = planShards(dated, shardSize);

  const shards: ShardInfo[] = [];
  await withPagefindService({ chunkSize: options.chunkSize ?? CHUNK_SIZE }, async (service) => {
    for (const [n, members] of plan.entries()) {
      const indexer = await service.createIndex({});
      // Pagefind runs in its own process: keeping a few files in flight lets it index one while we read the next.
      const inFlight = new Set<Promise<void>>();
      for (const { slug } of members) {
        const record = await readArticle(options.distDir, slug);
        if (!record) continue;
        if (!record.keywords.length) record.keywords = await fallbackKeywords(record);
        const added = indexer.addHTML({ url: record.url, content: indexDocument(record, t2s) }).finally(() => {
          inFlight.delete(added);
        });
        inFlight.add(added);
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      const path = `${n}/`;
      const dir = join(outputPath, path);
      await indexer.write(dir);
      await indexer.release();
      await pruneBundle(dir);
      const dates = members.map((m) => m.date).filter(Boolean);
      shards.push({
        path,
        meta: await metaName(dir),
        newest: dates[0] ?? '',
        oldest: dates[dates.length - 1] ?? '',
        articles: members.length,
      });
    }
  });
  const manifest: ShardManifest = { version: 1, shards };
  await writeFile(join(outputPath, SHARD_MANIFEST), JSON.stringify(manifest));
  const { files, bytes } = await treeSize(outputPath);
  log(
    `search: indexed ${dated.length} articles in ${shards.length} shards → ${relative(process.cwd(), outputPath) || outputPath} (${files} files, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
  return { pages: dated.length, shards: shards.length, files, bytes };
}
