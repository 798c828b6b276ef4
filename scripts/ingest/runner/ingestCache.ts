/**
 * The ingest cache, in two parts:
 *
 * - `pages/<key>.json` holds a parsed page's rendered files and warnings, where
 *   the key hashes the parsing rules, the file name, its manifest entry and its
 *   bytes. It is read only when an output file has to be written again.
 * - `index.txt` remembers, per page file, the hash of its bytes and text (and
 *   the file's size, mtime and ctime when hashed) and, per output file, its
 *   hash, size and modification time as last written. An unchanged page whose
 *   outputs are still as written costs one `stat` of the page; a page whose
 *   stamp changed is read and hashed, and its hash decides.
 *
 * The index is a line a page, tab-separated fields ahead of the parts few runs
 * need (warnings, output details) as JSON. A run checks a page's line against
 * the file in place (unchangedLine) and splits it into fields only when it
 * differs, and appends the lines of the pages it changed (a later line for a
 * page replaces an earlier one, a tombstone removes it), so that the index of
 * a large archive costs a small run little to read and write: JSON.parse and
 * JSON.stringify of the whole index cost more than parsing a day's pages. The
 * index is written anew once the lines it no longer needs take up as much
 * room as the ones it does.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedPage } from '../pageParser.ts';

export const INDEX_VERSION = 3;
const INDEX_FILE = 'index.txt';
const INDEX_MAGIC = 'hyrb-ingest-index';
/** Fields of a page's line: see formatIndexLine. */
const FIELDS = 12;

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
  stamp: FileStamp;
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

/**
 * A page's line split into fields, for a page that changed (one left alone is
 * checked in place: see unchangedLine). `indexedPage` decodes the rest.
 */
export interface IndexRecord extends Omit<IndexedPage, 'warnings' | 'outputs'> {
  /** The line itself, written back while the page is unchanged. */
  line: string;
  /** The output files' names, in order. */
  names: string[];
  /** The warnings, as JSON. */
  warnings: string;
  /** Each output's hash, size and mtime, as JSON, in the order of `names`. */
  outputs: string;
}

export interface CacheIndex {
  /** The rules fingerprint the entries were made with. */
  rules: string;
  /** The content folder the output records describe. */
  outDir: string;
  /** Each page's line (see formatIndexLine). */
  pages: Map<string, string>;
  /** The length of the index's text as read, when more lines can be appended to it; 0 when it is written anew. */
  length: number;
  /** The content folder's stamp (folderStamp) as the run that wrote the index left it; '' when unknown. */
  folder: string;
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
  return { rules, outDir, pages: new Map(), length: 0, folder: '' };
}

/**
 * A folder's inode, mtime and ctime: adding, removing or renaming a file in
 * it changes its mtime and ctime, and ctime cannot be set back.
 */
export function folderStamp(stat: { ino: number; mtimeMs: number; ctimeMs: number }): string {
  return `${stat.ino}\t${stat.mtimeMs}\t${stat.ctimeMs}`;
}

/**
 * A page's line: its file name (as JSON, which escapes tabs and line ends),
 * stamp, hashes, encoding, manifest entry, key, output names (joined by `/`,
 * which no file name holds), warnings and output details.
 */
export function formatIndexLine(file: string, page: IndexedPage): string {
  const names = page.outputs.map(([name]) => {
    if (/[\t\n\r/]/u.test(name)) throw new Error(`an output file name the index cannot hold: ${JSON.stringify(name)}`);
    return name;
  });
  return [
    JSON.stringify(file),
    ...page.stamp.map(String),
    page.bytes,
    page.text,
    page.encoding,
    page.facts,
    page.key,
    names.join('/'),
    JSON.stringify(page.warnings),
    JSON.stringify(page.outputs.map(([, hash, size, mtimeMs]) => [hash, size, mtimeMs])),
  ].join('\t');
}

/** The line recording the content folder's stamp: no file name before its first tab. */
function folderLine(stamp: string): string {
  return `\t${stamp}`;
}

/** The line that removes a page from the index. */
export function tombstoneLine(file: string): string {
  return `${JSON.stringify(file)}\t`;
}

/** A page's line split into its fields; undefined for a damaged line. */
export function parseIndexLine(line: string): IndexRecord | undefined {
  const fields = line.split('\t');
  if (fields.length !== FIELDS) return undefined;
  const [, size, mtimeMs, ctimeMs, bytes, text, encoding, facts, key, names, warnings, outputs] = fields;
  const stamp: FileStamp = [Number(size), Number(mtimeMs), Number(ctimeMs)];
  if (!stamp.every(Number.isFinite)) return undefined;
  return {
    line,
    stamp,
    bytes,
    text,
    encoding,
    facts,
    key,
    names: outputNames(names),
    warnings,
    outputs,
  };
}

/** What a run needs of a page it leaves alone. */
export interface UnchangedPage {
  /** The page's line, written back as it is. */
  line: string;
  text: string;
  encoding: string;
  /** The output files' names joined by `/` (see outputNames), split only when a run needs them one by one. */
  names: string;
}

/** Output names joined by `/`, one by one. */
export function outputNames(joined: string): string[] {
  return joined === '' ? [] : joined.split('/');
}

/** How many output names `joined` holds, without splitting it. */
export function outputCount(joined: string): number {
  let count = joined === '' ? 0 : 1;
  for (let at = joined.indexOf('/'); at >= 0; at = joined.indexOf('/', at + 1)) count += 1;
  return count;
}

/**
 * The text hash, encoding and output names of a page whose line records this
 * stamp and manifest entry and no warnings; undefined for any other line.
 * Checked in place, without splitting the line: a run does it for every page.
 */
export function unchangedLine(line: string, stamp: FileStamp, facts: string): UnchangedPage | undefined {
  const stampText = `${stamp[0]}\t${stamp[1]}\t${stamp[2]}\t`;
  let at = line.indexOf('\t') + 1;
  if (at === 0 || !line.startsWith(stampText, at)) return undefined;
  at = line.indexOf('\t', at + stampText.length) + 1; // Past the bytes' hash.
  const textEnd = line.indexOf('\t', at);
  const encodingEnd = line.indexOf('\t', textEnd + 1);
  if (at === 0 || textEnd < 0 || encodingEnd < 0) return undefined;
  const factsAt = encodingEnd + 1;
  if (!line.startsWith(facts, factsAt) || line.charCodeAt(factsAt + facts.length) !== 0x09) return undefined;
  const namesAt = line.indexOf('\t', factsAt + facts.length + 1) + 1; // Past the key.
  const namesEnd = line.indexOf('\t', namesAt);
  if (namesAt === 0 || namesEnd < 0 || !line.startsWith('[]\t', namesEnd + 1)) return undefined;
  return {
    line,
    text: line.slice(at, textEnd),
    encoding: line.slice(textEnd + 1, encodingEnd),
    names: line.slice(namesAt, namesEnd),
  };
}

/** The `pages/` keys the lines hold. */
export function pageKeys(pages: ReadonlyMap<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const line of pages.values()) {
    const key = parseIndexLine(line)?.key;
    if (key !== undefined) keys.add(key);
  }
  return keys;
}

/** True when some page of `old` is gone from `pages`, or keyed differently: its `pages/` entry went out of use. */
export function changedOrGone(old: CacheIndex, pages: ReadonlyMap<string, string>): boolean {
  for (const [file, line] of old.pages) {
    const now = pages.get(file);
    if (now !== line && (now === undefined || parseIndexLine(now)?.key !== parseIndexLine(line)?.key)) return true;
  }
  return false;
}

/**
 * The outputs `old` recorded that no page of `pages` has: only the outputs of
 * pages whose line changed or went are looked at, and the others' names are
 * read only when there is one.
 */
export function unclaimedOutputs(old: CacheIndex, pages: ReadonlyMap<string, string>): string[] {
  const stale: string[] = [];
  for (const [file, line] of old.pages) {
    if (pages.get(file) !== line) stale.push(...(parseIndexLine(line)?.names ?? []));
  }
  if (stale.length === 0) return [];
  const claimed = new Set([...pages.values()].flatMap((line) => parseIndexLine(line)?.names ?? []));
  return [...new Set(stale)].filter((name) => !claimed.has(name));
}

/** The whole page the record stands for; undefined when its JSON parts are damaged. */
export function indexedPage(record: IndexRecord): IndexedPage | undefined {
  const { bytes, stamp, text, encoding, facts, key, names } = record;
  try {
    const details = JSON.parse(record.outputs) as [string, number, number][];
    const warnings = JSON.parse(record.warnings) as string[];
    if (!Array.isArray(warnings) || !Array.isArray(details) || details.length !== names.length) return undefined;
    const outputs = names.map((name, i): OutputRecord => [name, ...details[i]]);
    return { bytes, stamp, text, encoding, facts, key, warnings, outputs };
  } catch {
    return undefined;
  }
}

/** A file name as the index holds it (JSON), without JSON.parse for the common name that needs no escapes. */
function fileName(field: string): string | undefined {
  if (
    field.length >= 2 &&
    field.charCodeAt(0) === 0x22 &&
    !field.includes('\\', 1) &&
    field.indexOf('"', 1) === field.length - 1
  ) {
    return field.slice(1, -1);
  }
  try {
    const name: unknown = JSON.parse(field);
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function headerLine(rules: string, outDir: string): string {
  return [INDEX_MAGIC, String(INDEX_VERSION), rules, JSON.stringify(outDir)].join('\t');
}

/**
 * The index in `text` if it can be trusted: made with these rules, in this
 * format, for this content folder (its output records describe that folder
 * only). Otherwise an empty one, and pages come from `pages/` entries. A
 * damaged line loses only its page.
 */
export function parseIndex(text: string, rules: string, outDir: string): CacheIndex {
  const index = emptyIndex(rules, outDir);
  const lines = text.split('\n');
  if (lines[0] !== headerLine(rules, outDir)) return index;
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i];
    const tab = line.indexOf('\t');
    if (tab === 0) {
      index.folder = line.slice(1);
      continue;
    }
    const file = tab < 0 ? undefined : fileName(line.slice(0, tab));
    if (file === undefined) continue; // Damaged: the page is read again.
    if (tab === line.length - 1) index.pages.delete(file);
    else index.pages.set(file, line);
  }
  // Lines are appended only to an index whose last line is whole.
  index.length = text.endsWith('\n') ? text.length : 0;
  return index;
}

/** The index's text: a header, then the pages' lines (formatIndexLine, or as read). */
export function formatIndex(rules: string, outDir: string, lines: Iterable<string>, folder = ''): string {
  return `${[headerLine(rules, outDir), ...lines, ...(folder ? [folderLine(folder)] : [])].join('\n')}\n`;
}

/**
 * What to write for the index `pages` (a line each) and the content folder's
 * `folder` stamp when `old` is on disk: the lines to append to it, or, when
 * there is no index to append to or the lines it no longer needs would take
 * up as much room as those it does, the whole index anew. Nothing when
 * nothing changed.
 */
export function indexChanges(
  old: CacheIndex,
  pages: ReadonlyMap<string, string>,
  folder = '',
): { append: string } | { write: string } | undefined {
  const changed: string[] = [];
  let live = 0;
  for (const [file, line] of pages) {
    live += line.length + 1;
    if (old.pages.get(file) !== line) changed.push(line);
  }
  for (const file of old.pages.keys()) if (!pages.has(file)) changed.push(tombstoneLine(file));
  if (folder !== old.folder) changed.push(folderLine(folder));
  if (old.length > 0 && changed.length === 0) return undefined;
  const appended = changed.reduce((sum, line) => sum + line.length + 1, 0);
  if (old.length > 0 && old.length + appended < 2 * live) return { append: `${changed.join('\n')}\n` };
  return { write: formatIndex(old.rules, old.outDir, pages.values(), folder) };
}

/** Reads the index; a missing one is empty (see parseIndex). */
export function readIndex(cacheDir: string, rules: string, outDir: string): CacheIndex {
  let text: string;
  try {
    text = readFileSync(join(cacheDir, INDEX_FILE), 'utf8');
  } catch {
    return emptyIndex(rules, outDir);
  }
  return parseIndex(text, rules, outDir);
}

/** Saves the index `pages` (a line each) and the content folder's stamp over `old`, the index as read (see indexChanges). */
export function writeIndex(cacheDir: string, old: CacheIndex, pages: ReadonlyMap<string, string>, folder = ''): void {
  const changes = indexChanges(old, pages, folder);
  if (!changes) return;
  const path = join(cacheDir, INDEX_FILE);
  // A damaged line (a run that died half way through appending) costs only its page; a whole index is written
  // aside and renamed, so a run that dies half way never leaves half an index.
  if ('append' in changes) {
    appendFileSync(path, changes.append);
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(`${path}.tmp`, changes.write);
  renameSync(`${path}.tmp`, path);
  rmSync(join(cacheDir, 'index.json'), { force: true }); // The JSON index of earlier versions.
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
