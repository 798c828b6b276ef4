/**
 * The ingest cache, in two parts:
 *
 * - `pages/<key>.json` holds a parsed page's rendered files and warnings, where
 *   the key hashes the parsing rules, the file name, its manifest entry and its
 *   bytes. It is read only when an output file has to be written again.
 * - `index.json` is one small file that remembers, per page file, the hash of
 *   its bytes and text (and the file's size, mtime and ctime when hashed) and,
 *   per output file, its hash, size and modification time as last written. An
 *   unchanged page whose outputs are still as written costs one `stat` of the
 *   page and one per output; a page whose stamp changed is read and hashed,
 *   and its hash decides.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedPage } from './pageParser.ts';

export const INDEX_VERSION = 2;

/** An output file as last written: name, sha256 of its content, size in bytes, mtime in ms. */
export type OutputRecord = [name: string, hash: string, size: number, mtimeMs: number];

/** A page file's size, mtime and ctime in ms, as `stat` gave them when its bytes were hashed. */
export type FileStamp = [size: number, mtimeMs: number, ctimeMs: number];

/** True when size, mtime and ctime are all as recorded: ctime changes on every write and cannot be set back. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
}

export interface IndexedPage {
  /** sha256 of the page file's bytes: the content hash that decides a hit. */
  bytes: string;
  /** While the file's stamp is unchanged, its bytes are taken to be the ones hashed. */
  stamp?: FileStamp;
  /** sha256 of the decoded text: duplicate pages are found by it. */
  text: string;
  encoding: string;
  /** The page's manifest entry as JSON. */
  facts: string;
  /** The `pages/` entry holding its rendered files. */
  key: string;
  warnings: string[];
  outputs: OutputRecord[];
}

export interface CacheIndex {
  version: number;
  /** The rules fingerprint the entries were made with. */
  rules: string;
  /** The content folder the output records describe. */
  outDir: string;
  pages: Record<string, IndexedPage>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The `pages/` key of a page: rules, file name, manifest entry and text all take part. */
export function pageKey(rules: string, file: string, facts: string, textHash: string): string {
  return sha256(`${rules}\n${file}\n${facts}\n${textHash}`);
}

/** An empty index for these rules and this content folder. */
export function emptyIndex(rules: string, outDir: string): CacheIndex {
  return { version: INDEX_VERSION, rules, outDir, pages: {} };
}

/**
 * Reads the index; a missing or damaged one, or one made with other rules,
 * is empty, and so is one made for another content folder.
 */
export function readIndex(cacheDir: string, rules: string, outDir: string): CacheIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(cacheDir, 'index.json'), 'utf8'));
  } catch {
    return emptyIndex(rules, outDir);
  }
  return validIndex(raw, rules, outDir);
}

/**
 * The parsed index if it can be trusted: made with these rules, in this
 * format, for this content folder (its output records describe that folder
 * only). Otherwise an empty one, and pages come from `pages/` entries.
 */
export function validIndex(raw: unknown, rules: string, outDir: string): CacheIndex {
  const index = raw as Partial<CacheIndex> | null;
  if (
    !index ||
    index.version !== INDEX_VERSION ||
    index.rules !== rules ||
    index.outDir !== outDir ||
    typeof index.pages !== 'object' ||
    index.pages === null
  ) {
    return emptyIndex(rules, outDir);
  }
  return { version: INDEX_VERSION, rules, outDir, pages: index.pages };
}

export function writeIndex(cacheDir: string, index: CacheIndex): void {
  mkdirSync(cacheDir, { recursive: true });
  const path = join(cacheDir, 'index.json');
  // Written aside and renamed, so a run that dies half way never leaves half an index.
  writeFileSync(`${path}.tmp`, JSON.stringify(index));
  renameSync(`${path}.tmp`, path);
}

export function readPageEntry(cacheDir: string, key: string): RenderedPage | undefined {
  try {
    const entry = JSON.parse(readFileSync(join(cacheDir, 'pages', `${key}.json`), 'utf8')) as RenderedPage;
    return Array.isArray(entry.files) && Array.isArray(entry.warnings) ? entry : undefined;
  } catch {
    return undefined; // Missing or damaged: the page is parsed again.
  }
}

export function writePageEntry(cacheDir: string, key: string, page: RenderedPage): void {
  const dir = join(cacheDir, 'pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${key}.json`), JSON.stringify(page));
}
