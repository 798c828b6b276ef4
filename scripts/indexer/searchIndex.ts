/**
 * Builds the site's search index: dist/articles/<slug>/index.html → dist/pagefind/.
 *
 * Pagefind sees not the pages but a pre-tokenised copy of each (src/search/text/tokens.ts):
 * hanzi as overlapping bigrams under the unsegmented language `zxx`, so any phrase
 * is findable and verbatim matches show up as consecutive positions. Design and
 * measurements: docs/search.md.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { foldText, parseT2s, type T2s } from '../../src/search/text/fold.ts';
import { indexTokens, SECTION_MARK } from '../../src/search/text/tokens.ts';
import { EXTRA_WEIGHT, INDEX_LANGUAGE, UNKNOWN_DATE_SORT, UNKNOWN_YEAR } from '../../src/search/schema.ts';
import { loadGazetteer } from '../../src/schemas/gazetteer.ts';
import { articlePageDate, parseArticlePage, type ArticleRecord } from './searchPages.ts';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { withPagefindService, type PagefindService } from './searchPagefind.ts';
import { writeShardPack } from './searchPack.ts';
import { checkPagefindVersion, pinnedPagefindVersion } from './pagefindVersion.ts';
import { fallbackKeywords } from './fallbackKeywords.ts';
import { shardKeys, writeDirectory, type ShardKeys } from './searchDirectory.ts';
import { shardStats, writeStats } from './searchStats.ts';
import { nameByContent } from './searchNames.ts';
import {
  planShards,
  SHARD_MANIFEST,
  type ShardInfo,
  type ShardManifest,
  type ShardStats,
} from '../../src/search/shards.ts';

export interface BuildSearchIndexOptions {
  distDir: string;
  log?: (line: string) => void;
  /** Most articles in one shard (a day is never split). */
  shardSize?: number;
  /** Pagefind's index chunk size, in word locations. */
  chunkSize?: number;
  /** Shards built at once, each in its own worker and Pagefind service (default: one per core). */
  workers?: number;
}

export interface BuildSearchIndexResult {
  pages: number;
  shards: number;
  files: number;
  bytes: number;
}

/** Files handed to Pagefind before waiting for one to finish. */
const MAX_IN_FLIGHT = 64;

/**
 * Articles per shard: a first query loads one shard's page list (≈ 11 bytes an
 * article) and its chunks, so smaller is cheaper, but a phrase with few matches
 * may need several shards before a page of results is certain. Measured in
 * docs/search.md, "Shards".
 */
export const SHARD_SIZE = 1000;

/**
 * Word locations per index chunk. A query fetches a whole chunk per token, so small chunks carry few unrelated
 * words; but each chunk adds its first and last word to the page list every query loads. Measured at 100,000
 * articles (docs/search.md, "Scale"): 2,000 cost a rare two-term query 38 kB a shard searched, 4,000 cost 45 kB.
 */
export const CHUNK_SIZE = 2000;

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

let aliasesByRegion: Map<string, string[]> | undefined;

/** Region names plus their gazetteer aliases: 衡南 finds articles filed under 衡南县 even if the text says 衡南县 only. */
function regionTerms(regions: readonly string[]): string[] {
  aliasesByRegion ??= new Map(loadGazetteer().regions.map((r) => [r.name, r.aliases]));
  const byName = aliasesByRegion;
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
    // Month and day, for the histogram and date ranges (docs/search.md, "Counts").
    filter('month', record.date.slice(0, 7) || UNKNOWN_YEAR),
    filter('date', record.date || UNKNOWN_YEAR),
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
    const record = readArticle(distDir, slug);
    if (record) yield record;
  }
}

/**
 * An article page's HTML, or undefined when the folder has no page. Read synchronously: pages are read one
 * after another (in a worker thread while indexing), and a thread-pool round trip per file cost more than
 * the reading itself.
 */
function readArticleHtml(distDir: string, slug: string): string | undefined {
  try {
    return readFileSync(join(distDir, 'articles', slug, 'index.html'), 'utf8');
  } catch {
    return undefined;
  }
}

/** Bytes of a page read for its date first: its article tag comes after the head and the site header. */
const DATE_PROBE_BYTES = 16 * 1024;

/**
 * An article page's date (articlePageDate), from the start of the file when it holds the article tag, else
 * from the whole file; undefined when there is no article page. Read synchronously: one page after another,
 * a thread-pool round trip per call cost more than the reading (1.7 s for 10,000 pages, now 0.2 s).
 */
function articleDate(distDir: string, slug: string): string | undefined {
  const path = join(distDir, 'articles', slug, 'index.html');
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(DATE_PROBE_BYTES);
    const length = readSync(fd, head, 0, head.length, 0);
    const date = articlePageDate(head.toString('utf8', 0, length));
    if (date !== undefined || length < head.length) return date;
  } finally {
    closeSync(fd);
  }
  const html = readArticleHtml(distDir, slug);
  return html === undefined ? undefined : articlePageDate(html);
}

function readArticle(distDir: string, slug: string): ArticleRecord | undefined {
  const html = readArticleHtml(distDir, slug);
  return html === undefined ? undefined : parseArticlePage(html, `/articles/${slug}/`);
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

/** Files Pagefind writes that the site's own search does not load (its runtime and UIs). */
const UNUSED_BUNDLE_FILE = /^(pagefind.*\.(js|css)|wasm\..*\.pagefind)$/u;

async function pruneBundle(dir: string): Promise<void> {
  for (const name of await readdir(dir)) if (UNUSED_BUNDLE_FILE.test(name)) await rm(join(dir, name));
}

async function metaName(dir: string): Promise<string> {
  const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as {
    version?: unknown;
    languages: Record<string, { hash: string }>;
  };
  checkPagefindVersion(entry.version, pinnedPagefindVersion(), join(dir, 'pagefind-entry.json'));
  const index = entry.languages[INDEX_LANGUAGE] ?? fail(`${dir}: no ${INDEX_LANGUAGE} index in pagefind-entry.json`);
  return `pagefind.${index.hash}`;
}

function fail(message: string): never {
  throw new Error(message);
}

export interface ShardJob {
  /** The shard's place in the newest-first list; also its directory name. */
  n: number;
  slugs: string[];
  dates: string[];
}

export interface ShardContext {
  distDir: string;
  outputPath: string;
  chunkSize: number;
}

/** A built shard: its manifest entry, its directory keys and its facet counts. */
export interface BuiltShard {
  info: ShardInfo;
  keys: ShardKeys;
  stats: ShardStats;
}

/** Builds one shard with a Pagefind index of its own and returns its manifest entry. */
export async function buildShard(
  service: PagefindService,
  job: ShardJob,
  context: ShardContext,
  t2s: T2s,
): Promise<BuiltShard> {
  const indexer = await service.createIndex({});
  // Pagefind runs in its own process: keeping a few files in flight lets it index one while we read the next.
  const inFlight = new Set<Promise<void>>();
  for (const slug of job.slugs) {
    const record = readArticle(context.distDir, slug);
    if (!record) continue;
    if (!record.keywords.length) record.keywords = fallbackKeywords(record);
    const added = indexer.addHTML({ url: record.url, content: indexDocument(record, t2s) }).finally(() => {
      inFlight.delete(added);
    });
    inFlight.add(added);
    if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const dir = join(context.outputPath, String(job.n));
  await indexer.write(dir);
  await indexer.release();
  await pruneBundle(dir);
  const meta = await metaName(dir);
  const keys = shardKeys(await writeShardPack(dir, meta));
  const stats = shardStats(job.dates);
  const path = nameByContent(context.outputPath, job.n);
  const dates = job.dates.filter(Boolean);
  const info = {
    path,
    newest: dates[0] ?? '',
    oldest: dates[dates.length - 1] ?? '',
    articles: job.slugs.length,
  };
  return { info, keys, stats };
}

/** Builds shards one after another in one Pagefind service (what each worker runs). */
export async function buildShards(jobs: readonly ShardJob[], context: ShardContext): Promise<BuiltShard[]> {
  const t2s = await loadT2sTable();
  return withPagefindService({ chunkSize: context.chunkSize }, async (service) => {
    const built: BuiltShard[] = [];
    for (const job of jobs) built.push(await buildShard(service, job, context, t2s));
    return built;
  });
}

function inWorker(jobs: ShardJob[], context: ShardContext): Promise<BuiltShard[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./searchIndexWorker.ts', import.meta.url), { workerData: { jobs, context } });
    let result: BuiltShard[] | undefined;
    worker.once('message', (built: BuiltShard[]) => (result = built));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`search index worker exited with code ${code}`)),
    );
  });
}

export async function buildSearchIndex(options: BuildSearchIndexOptions): Promise<BuildSearchIndexResult> {
  const log = options.log ?? (() => {});
  const shardSize = options.shardSize ?? SHARD_SIZE;
  const outputPath = join(options.distDir, 'pagefind');
  const context: ShardContext = { distDir: options.distDir, outputPath, chunkSize: options.chunkSize ?? CHUNK_SIZE };
  await rm(outputPath, { recursive: true, force: true });

  // Pass 1: dates only, to cut the archive into date-range shards (each shard's pages are read again).
  const dated: { slug: string; date: string }[] = [];
  for (const slug of await articleSlugs(options.distDir)) {
    const date = articleDate(options.distDir, slug);
    if (date !== undefined) dated.push({ slug, date });
  }
  if (!dated.length) throw new Error(`no article pages under ${join(options.distDir, 'articles')}`);
  const jobs = planShards(dated, shardSize).map((members, n): ShardJob => ({
    n,
    slugs: members.map((m) => m.slug),
    dates: members.map((m) => m.date),
  }));

  // Shards are independent: one Pagefind service per worker, the shards dealt out in turn.
  const workers = Math.max(1, Math.min(options.workers ?? availableParallelism(), jobs.length));
  const dealt = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w));
  const built =
    workers === 1 ? [await buildShards(jobs, context)] : await Promise.all(dealt.map((j) => inWorker(j, context)));
  const all = built.flat().sort((a, b) => Number.parseInt(a.info.path, 10) - Number.parseInt(b.info.path, 10));
  const shards = all.map((b) => b.info);

  const manifest: ShardManifest = {
    version: 1,
    shards,
    directory: writeDirectory(
      outputPath,
      all.map((b) => b.keys),
    ),
    stats: writeStats(
      outputPath,
      all.map((b) => b.stats),
    ),
  };
  await writeFile(join(outputPath, SHARD_MANIFEST), JSON.stringify(manifest));
  const { files, bytes } = await treeSize(outputPath);
  log(
    `search: indexed ${dated.length} articles in ${shards.length} shards (${workers} worker${workers > 1 ? 's' : ''}) → ${relative(process.cwd(), outputPath) || outputPath} (${files} files, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
  return { pages: dated.length, shards: shards.length, files, bytes };
}
