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
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from './parse/decode.ts';
import {
  changedOrGone,
  emptyIndex,
  folderStamp,
  formatIndexLine,
  indexedPage,
  outputCount,
  outputNames,
  pageKey,
  pageKeys,
  parseIndexLine,
  readIndex,
  readPageEntry,
  sameStamp,
  sha256,
  unchangedLine,
  unclaimedOutputs,
  writeIndex,
  writePageEntry,
  type FileStamp,
  type IndexedPage,
  type IndexRecord,
  type OutputRecord,
  type UnchangedPage,
} from './runner/ingestCache.ts';
import type { Manifest, PageFacts } from './manifest.ts';
import { ERROR_MARK } from './errorMark.ts';
import { PAGE_RECORD_SUFFIX } from './pageRecordName.ts';
import type { RenderedPage } from './pageParser.ts';
import { defaultWorkerCount, parsePages, type ParseRequest } from './runner/parsePool.ts';
import { rulesFingerprint } from './runner/rulesFingerprint.ts';

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
  /** Pages that could not be read, lines lost, fixes that no longer match: the command fails when there are any. */
  errors: string[];
  /** Every page ingested, in file order. */
  pages: string[];
  /** The page record (JSON) of each page rendered in this run, from a parse or the cache; the others are as before. */
  records: Map<string, string>;
}

const MANIFEST = 'manifest.yaml';
const CORRECTIONS = 'corrections.yaml';

/** What the first pass learned about one page file, in file order. */
interface Slot {
  file: string;
  path: string;
  /** Messages for this page, in the order they are reported. */
  warnings: string[];
  error?: string;
  /** A page left as the index records it: its line is written back as read. */
  alone?: UnchangedPage;
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
    pages: [],
    records: new Map(),
  };
  if (!existsSync(options.seedsDir)) throw new Error(`${options.seedsDir}: the seeds folder does not exist`);
  const outDir = resolve(options.outDir);
  const { cacheDir } = options;
  // The pages are listed on the thread pool while this thread hashes the rules and reads the index.
  const pageListing = listFolder(options.seedsDir);
  const rules = rulesFingerprint(
    {
      entry: fileURLToPath(new URL('./pageParser.ts', import.meta.url)),
      dataDirs: [fileURLToPath(new URL('../../data/', import.meta.url))],
      nodeModules: fileURLToPath(new URL('../../node_modules/', import.meta.url)),
      packages: ['nodejieba'], // Its dictionary files.
    },
    cacheDir ? join(cacheDir, 'rules.txt') : undefined,
  );
  const oldIndex = cacheDir ? readIndex(cacheDir, rules, outDir) : emptyIndex(rules, outDir);
  const folder = statSync(outDir, { throwIfNoEntry: false });
  // A content folder whose stamp is as the last run left it holds the outputs the index records and nothing
  // else, so it is not listed (adding, removing or renaming a file there changes the stamp). Otherwise one
  // listing finds the outputs that were deleted and the files to remove, where a stat of every output would
  // cost time in proportion to the archive.
  const asLeft = !options.verifyOutputs && folder !== undefined && oldIndex.folder === folderStamp(folder);
  const present = new Set(asLeft ? [] : await listFolder(outDir));
  const files = (await pageListing).filter((name) => name.endsWith('.txt')).sort();
  const manifest = await readPageFacts(options.seedsDir, new Set(files), summary.errors);
  const seenPages = new Map<string, string>();
  const isPresent = (name: string) => asLeft || present.has(name);
  const asLastWritten = ([name, , size, mtimeMs]: OutputRecord) =>
    options.verifyOutputs ? sameStat(join(outDir, name), size, mtimeMs) : isPresent(name);
  const slots: Slot[] = [];
  const requests: ParseRequest[] = [];

  // join() of every page's path costs a small run more than stat-ing them; a file name adds no `..` or `/` to fold.
  const seedsPrefix = join(options.seedsDir, '_').slice(0, -1);
  const noFacts = JSON.stringify({});

  // First pass, in file order: read and hash every page, find duplicates, sort hits from misses.
  for (const file of files) {
    const path = seedsPrefix + file;
    const slot: Slot = { file, path, warnings: [], indexed: false };
    slots.push(slot);
    summary.pagesRead += 1;
    const facts = manifest.get(file);
    const factsJson = facts ? JSON.stringify(facts) : noFacts;
    const line = oldIndex.pages.get(file);
    let bytes: Buffer | undefined;
    let bytesHash: string;
    let stamp: FileStamp;
    let record: IndexRecord | undefined;
    try {
      const stat = statSync(path);
      stamp = [stat.size, stat.mtimeMs, stat.ctimeMs];
      // Left alone, a page costs no more than this: the common case, on every run, for every page.
      const alone = line && !options.verifyOutputs ? unchangedLine(line, stamp, factsJson) : undefined;
      if (alone && (asLeft || outputNames(alone.names).every(isPresent)) && !seenPages.has(alone.text)) {
        seenPages.set(alone.text, file);
        slot.alone = alone;
        slot.indexed = true;
        slot.intact = true;
        continue;
      }
      record = line ? parseIndexLine(line) : undefined;
      // The recorded hash stands for bytes whose size and times are unchanged; any write changes ctime.
      if (record && sameStamp(record.stamp, stamp)) {
        bytesHash = record.bytes;
      } else {
        bytes = readFileSync(path);
        bytesHash = sha256(bytes);
      }
    } catch (error) {
      slot.error = `${path}: unreadable: ${(error as Error).message}`;
      continue;
    }
    let text: string | undefined;
    let entry: IndexedPage | undefined;
    const known = record && record.bytes === bytesHash && record.facts === factsJson ? record : undefined;
    if (known) {
      slot.indexed = true;
      entry = indexedPage(known);
      if (entry) entry.stamp = stamp;
      else slot.indexed = false; // Damaged: the page is read again.
    }
    if (!entry) {
      bytes ??= readFileSync(path);
      const decoded = decodePage(bytes);
      if (!decoded.ok) {
        slot.error = `${path}: skipped: ${decoded.reason}`;
        continue;
      }
      text = decoded.text;
      const textHash = sha256(text);
      slot.indexed = false;
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
  // After the first pass, each page claims its outputs from the listing; what is left at the end is to remove.
  const unclaimed = present;
  const lines = new Map<string, string>();
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
    const { alone } = slot;
    if (alone || slot.entry) summary.pages.push(slot.file);
    const record = slot.page?.files.find((f) => f.name.endsWith(PAGE_RECORD_SUFFIX));
    if (record) summary.records.set(slot.file, record.content);
    if (alone) {
      if (alone.encoding !== 'utf-8') summary.warnings.push(`${slot.path}: decoded from ${alone.encoding}`);
      // A folder not listed has nothing to claim from (see asLeft).
      if (!asLeft) for (const name of outputNames(alone.names)) unclaimed.delete(name);
      summary.articlesWritten += articleCount(outputCount(alone.names));
      lines.set(slot.file, alone.line);
      return;
    }
    const entry = slot.entry;
    if (!entry) return;
    if (slot.page) entry.warnings = slot.page.warnings;
    for (const message of entry.warnings) {
      if (message.startsWith(ERROR_MARK)) summary.errors.push(message.slice(ERROR_MARK.length));
      else summary.warnings.push(message);
    }
    if (entry.encoding !== 'utf-8') summary.warnings.push(`${slot.path}: decoded from ${entry.encoding}`);
    entry.outputs = writeOutputs(slot, entry, outDir, summary);
    for (const [name] of entry.outputs) unclaimed.delete(name);
    summary.articlesWritten += articleCount(entry.outputs.length);
    lines.set(slot.file, formatIndexLine(slot.file, entry));
  };

  const parsed = new Set<number>();
  flush();
  const pool = {
    workers: options.workers ?? defaultWorkerCount(requests.length),
    ...(cacheDir ? { dataPath: join(cacheDir, parserDataFile(rules)) } : {}),
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
  summary.pagesFromCache = slots.filter((s, i) => (s.alone || s.entry) && !parsed.has(i)).length;
  // When every page the index knew was left alone, none of its outputs or cache entries went out of use.
  const allLeftAlone = slots.filter((s) => s.alone).length === oldIndex.pages.size;

  // Files this run wrote were all claimed, so the listing made before it finds every file to remove. A folder
  // not listed holds nothing but the outputs the index recorded: those no page claims now are removed.
  const toRemove = asLeft ? (allLeftAlone ? [] : unclaimedOutputs(oldIndex, lines)) : unclaimed;
  for (const name of toRemove) {
    if (name.endsWith('.md') || name.endsWith(PAGE_RECORD_SUFFIX)) {
      rmSync(join(outDir, name));
      summary.filesRemoved += 1;
    }
  }
  if (cacheDir) {
    const stamp = statSync(outDir, { throwIfNoEntry: false });
    writeIndex(cacheDir, oldIndex, lines, stamp ? folderStamp(stamp) : '');
    // Entries go out of use when a page changes or goes, or the rules change (and the index with them).
    if (requests.length > 0 && (oldIndex.pages.size === 0 || (!allLeftAlone && changedOrGone(oldIndex, lines)))) {
      pruneCache(cacheDir, pageKeys(lines), rules);
    }
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

/** Every page writes its articles and one page record. */
function articleCount(outputs: number): number {
  return Math.max(0, outputs - 1);
}

/** The parser's compiled data (parserData.ts) for these rules: another name for other rules. */
function parserDataFile(rules: string): string {
  return `parser-${rules.slice(0, 16)}.bin`;
}

/** Removes cache entries no page uses any more, and parser data built for other rules (or by earlier versions). */
function pruneCache(cacheDir: string, keys: Set<string>, rules: string): void {
  const pages = join(cacheDir, 'pages');
  for (const name of existsSync(pages) ? readdirSync(pages) : []) {
    if (!keys.has(name.slice(0, -'.json'.length))) rmSync(join(pages, name));
  }
  const data = parserDataFile(rules);
  for (const name of readdirSync(cacheDir)) {
    if (/^(?:parser|keywords)-/u.test(name) && name !== data) rmSync(join(cacheDir, name), { force: true });
  }
}

/** The names in a folder, listed on the thread pool; none when it does not exist. */
async function listFolder(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function sameStat(path: string, size: number, mtimeMs: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
}

/** What seeds/manifest.yaml states of each page, with the editor's fixes from seeds/corrections.yaml. */
async function readPageFacts(seedsDir: string, pageFiles: ReadonlySet<string>, errors: string[]): Promise<Manifest> {
  const path = join(seedsDir, MANIFEST);
  const fixesPath = join(seedsDir, CORRECTIONS);
  const hasManifest = existsSync(path);
  if (!hasManifest && !existsSync(fixesPath)) return new Map<string, PageFacts>();
  // Loaded only for a manifest or corrections: YAML costs a small run more than reading its index.
  const { addCorrections, parseManifest } = await import('./manifest.ts');
  const manifest = hasManifest ? parseManifest(readFileSync(path, 'utf8'), path) : new Map<string, PageFacts>();
  if (!existsSync(fixesPath)) return manifest;
  const corrected = addCorrections(manifest, readFileSync(fixesPath, 'utf8'), fixesPath, pageFiles);
  errors.push(...corrected.errors);
  return corrected.manifest;
}
