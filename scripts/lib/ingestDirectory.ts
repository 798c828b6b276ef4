/**
 * Ingests a folder of page files into a folder of Markdown articles.
 *
 * One bad page never stops the others: it is reported with its file name and
 * the reason, and the run fails at the end. Pages already ingested with the
 * same bytes, manifest entry, rules and dictionaries come from the cache
 * (see ingestCache.ts), so adding a day's pages parses only those pages; the
 * parser itself is loaded only when some page has to be parsed, and many
 * pages are parsed on worker threads.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from './decode.ts';
import {
  emptyIndex,
  pageKey,
  readIndex,
  readPageEntry,
  sha256,
  writeIndex,
  writePageEntry,
  type CacheIndex,
  type FileStamp,
  sameStamp,
  type IndexedPage,
  type OutputRecord,
} from './ingestCache.ts';
import { parseManifest, type Manifest, type PageFacts } from './manifest.ts';
import type { RenderedPage } from './pageParser.ts';
import { defaultWorkerCount, parsePages, type ParseRequest } from './parsePool.ts';
import { rulesFingerprint } from './rulesFingerprint.ts';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  /** Where parsed pages are cached by content hash; none when undefined. */
  cacheDir?: string;
  /** Worker threads for parsing; by default two or more when many pages miss the cache, else none. */
  workers?: number;
  /**
   * Also check each output file's size and mtime against the index, so one edited by hand is written
   * again. Without it, outputs the index records are trusted as written, and only missing ones restored.
   */
  verifyOutputs?: boolean;
}

export interface IngestSummary {
  pagesRead: number;
  pagesParsed: number;
  pagesFromCache: number;
  articlesWritten: number;
  filesChanged: number;
  filesRemoved: number;
  warnings: string[];
  /** Pages that could not be read: the command fails when there are any. */
  errors: string[];
}

const MANIFEST = 'manifest.yaml';

/** What the first pass learned about one page file, in file order. */
interface Slot {
  file: string;
  path: string;
  /** Messages for this page, in the order they are reported. */
  warnings: string[];
  error?: string;
  entry?: IndexedPage;
  /** The rendered page, once known (from the cache entry or the parser). */
  page?: RenderedPage;
  /** True when the index knows this page's bytes. */
  indexed: boolean;
  /** True when, besides, its outputs are on disk as last written. */
  intact?: boolean;
}

export async function ingestDirectory(options: IngestOptions): Promise<IngestSummary> {
  const summary: IngestSummary = {
    pagesRead: 0,
    pagesParsed: 0,
    pagesFromCache: 0,
    articlesWritten: 0,
    filesChanged: 0,
    filesRemoved: 0,
    warnings: [],
    errors: [],
  };
  if (!existsSync(options.seedsDir)) throw new Error(`${options.seedsDir}: the seeds folder does not exist`);
  const outDir = resolve(options.outDir);
  const { cacheDir } = options;
  const manifest = readManifest(options.seedsDir);
  const files = readdirSync(options.seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  const rules = rulesFingerprint({
    entry: fileURLToPath(new URL('./pageParser.ts', import.meta.url)),
    dataDirs: [fileURLToPath(new URL('../../data/', import.meta.url))],
    nodeModules: fileURLToPath(new URL('../../node_modules/', import.meta.url)),
    packages: ['nodejieba'], // Its dictionary files.
  });
  const oldIndex = cacheDir ? readIndex(cacheDir, rules, outDir) : emptyIndex(rules, outDir);
  const index: CacheIndex = emptyIndex(rules, outDir);
  const seenPages = new Map<string, string>();
  // One listing of the content folder finds the outputs that were deleted and the files to remove,
  // where a stat of every output would cost time in proportion to the archive.
  const present = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  const asLastWritten = ([name, , size, mtimeMs]: OutputRecord) =>
    options.verifyOutputs ? sameStat(join(outDir, name), size, mtimeMs) : present.has(name);
  const slots: Slot[] = [];
  const requests: ParseRequest[] = [];

  // First pass, in file order: read and hash every page, find duplicates, sort hits from misses.
  for (const file of files) {
    const path = join(options.seedsDir, file);
    const slot: Slot = { file, path, warnings: [], indexed: false };
    slots.push(slot);
    summary.pagesRead += 1;
    const known = oldIndex.pages[file];
    let bytes: Buffer | undefined;
    let bytesHash: string;
    let stamp: FileStamp;
    try {
      const stat = statSync(path);
      stamp = [stat.size, stat.mtimeMs, stat.ctimeMs];
      // The recorded hash stands for bytes whose size and times are unchanged; any write changes ctime.
      if (known?.stamp && sameStamp(known.stamp, stamp)) {
        bytesHash = known.bytes;
      } else {
        bytes = readFileSync(path);
        bytesHash = sha256(bytes);
      }
    } catch (error) {
      slot.error = `${path}: unreadable: ${(error as Error).message}`;
      continue;
    }
    const facts = manifest.get(file);
    const factsJson = JSON.stringify(facts ?? {});
    let text: string | undefined;
    let entry: IndexedPage;
    if (known && known.bytes === bytesHash && known.facts === factsJson) {
      entry = { ...known, stamp };
      slot.indexed = true;
    } else {
      bytes ??= readFileSync(path);
      const decoded = decodePage(bytes);
      if (!decoded.ok) {
        slot.error = `${path}: skipped: ${decoded.reason}`;
        continue;
      }
      text = decoded.text;
      const textHash = sha256(text);
      entry = {
        bytes: bytesHash,
        stamp,
        text: textHash,
        encoding: decoded.encoding,
        facts: factsJson,
        key: pageKey(rules, file, factsJson, textHash),
        warnings: [],
        outputs: [],
      };
    }
    const original = seenPages.get(entry.text);
    if (original) {
      slot.warnings.push(`${path}: duplicate of ${original}; ingested once`);
      slot.indexed = false;
      continue;
    }
    seenPages.set(entry.text, file);
    slot.entry = entry;
    // A page whose outputs are all as last written needs nothing more; otherwise its rendered files are needed.
    if (slot.indexed && entry.outputs.every(asLastWritten)) {
      slot.intact = true;
      continue;
    }
    const cached = cacheDir ? readPageEntry(cacheDir, entry.key) : undefined;
    if (cached) {
      slot.page = cached;
      continue;
    }
    if (text === undefined) {
      const decoded = decodePage(bytes ?? readFileSync(path)); // Decoded before, when the index entry was made.
      text = decoded.ok ? decoded.text : '';
    }
    requests.push({ slot: slots.length - 1, file, text, facts });
  }

  // Outputs are written in file order as soon as each page is known, while later pages are still being parsed.
  mkdirSync(outDir, { recursive: true });
  const wanted = new Set<string>();
  let flushed = 0;
  const flush = () => {
    while (flushed < slots.length) {
      const slot = slots[flushed];
      if (slot.entry && !slot.intact && !slot.page) return; // Still being parsed.
      emit(slot);
      flushed += 1;
    }
  };
  const emit = (slot: Slot) => {
    if (slot.error) summary.errors.push(slot.error);
    summary.warnings.push(...slot.warnings);
    const entry = slot.entry;
    if (!entry) return;
    if (slot.page) entry.warnings = slot.page.warnings;
    summary.warnings.push(...entry.warnings);
    if (entry.encoding !== 'utf-8') summary.warnings.push(`${slot.path}: decoded from ${entry.encoding}`);
    entry.outputs = writeOutputs(slot, entry, outDir, summary);
    for (const [name] of entry.outputs) wanted.add(name);
    summary.articlesWritten += entry.outputs.length;
    index.pages[slot.file] = entry;
  };

  const parsed = new Set<number>();
  flush();
  const pool = {
    workers: options.workers ?? defaultWorkerCount(requests.length),
    ...(cacheDir ? { tablesPath: join(cacheDir, `keywords-${rules.slice(0, 16)}.bin`) } : {}),
  };
  await parsePages(requests, pool, (reply) => {
    const slot = slots[reply.slot];
    parsed.add(reply.slot);
    summary.pagesParsed += 1;
    if ('error' in reply) {
      slot.error = `${slot.path}: could not be parsed: ${reply.error}`;
      slot.entry = undefined;
    } else {
      slot.page = reply.page;
      if (cacheDir) writePageEntry(cacheDir, slot.entry!.key, reply.page);
    }
    flush();
  });
  flush();
  summary.pagesFromCache = slots.filter((s, i) => s.entry && !parsed.has(i)).length;

  // Files this run wrote are all wanted, so the listing made before it finds every file to remove.
  for (const name of present) {
    if (name.endsWith('.md') && !wanted.has(name)) {
      rmSync(join(outDir, name));
      summary.filesRemoved += 1;
    }
  }
  if (cacheDir) {
    writeIndex(cacheDir, index);
    if (requests.length > 0) pruneCache(cacheDir, index, rules);
  }
  return summary;
}

/**
 * Makes the page's output files hold what they should, touching only those
 * whose bytes change. A file whose hash is unchanged and whose size and mtime
 * are as last written is taken as unchanged without reading it; otherwise its
 * content is compared.
 */
function writeOutputs(slot: Slot, entry: IndexedPage, outDir: string, summary: IngestSummary): OutputRecord[] {
  if (slot.intact || !slot.page) return entry.outputs;
  return slot.page.files.map(({ name, content }): OutputRecord => {
    const path = join(outDir, name);
    const hash = sha256(content);
    const old = slot.indexed ? entry.outputs.find((o) => o[0] === name) : undefined;
    const asWritten = old !== undefined && old[1] === hash && sameStat(path, old[2], old[3]);
    if (!asWritten && (!existsSync(path) || readFileSync(path, 'utf8') !== content)) {
      writeFileSync(path, content);
      summary.filesChanged += 1;
    }
    const stat = statSync(path);
    return [name, hash, stat.size, stat.mtimeMs];
  });
}

/** Removes cache entries no page uses any more, and dictionaries compiled for other rules. */
function pruneCache(cacheDir: string, index: CacheIndex, rules: string): void {
  const keys = new Set(Object.values(index.pages).map((page) => `${page.key}.json`));
  const pages = join(cacheDir, 'pages');
  if (existsSync(pages)) for (const name of readdirSync(pages)) if (!keys.has(name)) rmSync(join(pages, name));
  const tables = `keywords-${rules.slice(0, 16)}.bin`;
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('keywords-') && name !== tables) rmSync(join(cacheDir, name), { force: true });
  }
}

function sameStat(path: string, size: number, mtimeMs: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
}

function readManifest(seedsDir: string): Manifest {
  const path = join(seedsDir, MANIFEST);
  return existsSync(path) ? parseManifest(readFileSync(path, 'utf8'), path) : new Map<string, PageFacts>();
}
