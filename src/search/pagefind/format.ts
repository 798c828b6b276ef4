/**
 * Reading the files Pagefind 1.6 writes (its own runtime is not used in the
 * browser: see docs/search.md, "Shards"). Every file is gzip; once inflated it
 * starts with the 12-byte mark `pagefind_dcd`, then CBOR (index, filter, meta)
 * or JSON (fragment). Structs are CBOR arrays in field order.
 */
import { CborReader, decodeCbor, type Cbor } from './cbor.ts';
import { EXTRA_WEIGHT } from '../schema.ts';

export const DECODED_MARK = 'pagefind_dcd';

export interface MetaPage {
  /** Fragment file name without extension. */
  hash: string;
  wordCount: number;
}
export interface MetaChunk {
  /** Words in the chunk sort between `from` and `to` (both shortened to a distinguishing prefix). */
  from: string;
  to: string;
  hash: string;
}
export interface ShardMeta {
  version: string;
  pages: MetaPage[];
  chunks: MetaChunk[];
  /** Filter name → filter file hash. */
  filters: Map<string, string>;
  /** Sort name → page numbers in ascending order of the sort value. */
  sorts: Map<string, number[]>;
}
export interface Posting {
  page: number;
  /** Word positions in the page's text (title and body), ascending. */
  positions: number[];
  /** Occurrences in the regions-and-keywords list: they count for scoring, but are not the article's text. */
  listed: number;
  /** Occurrences in weighted sections (title, regions and keywords). */
  weighted: number;
}
export interface WordEntry {
  word: string;
  postings: Posting[];
}

function fail(what: string): never {
  throw new Error(`unexpected Pagefind ${what} layout`);
}
const list = (value: Cbor, what: string): Cbor[] => (Array.isArray(value) ? value : fail(what));
const str = (value: Cbor, what: string): string => (typeof value === 'string' ? value : fail(what));
const num = (value: Cbor, what: string): number => (typeof value === 'number' ? value : fail(what));

/** Strips the decoded mark from an inflated Pagefind file. */
export function payload(bytes: Uint8Array): Uint8Array {
  const mark = new TextDecoder().decode(bytes.subarray(0, DECODED_MARK.length));
  if (mark !== DECODED_MARK) throw new Error('not a Pagefind file (no pagefind_dcd mark)');
  return bytes.subarray(DECODED_MARK.length);
}

/** Reads a CBOR array item by item (fixed or indefinite length). */
function eachOf(reader: CborReader, read: () => void): void {
  const count = reader.arrayLength();
  for (let i = 0; count < 0 ? !reader.endOfArray() : i < count; i++) read();
}

/** A struct (a CBOR array): `read` takes its first `used` fields, any later ones are skipped. */
function fields(reader: CborReader, what: string, used: number, read: () => void): void {
  const count = reader.arrayLength();
  if (count < used) fail(what);
  read();
  for (let i = used; i < count; i++) reader.skip();
}

export function parseMeta(bytes: Uint8Array): ShardMeta {
  const meta: ShardMeta = { version: '', pages: [], chunks: [], filters: new Map(), sorts: new Map() };
  const reader = new CborReader(payload(bytes));
  const text = (what: string) => str(reader.value(), what);
  fields(reader, 'meta', 5, () => {
    meta.version = text('meta version');
    eachOf(reader, () =>
      fields(reader, 'meta page', 2, () => {
        const hash = text('page hash');
        meta.pages.push({ hash, wordCount: num(reader.value(), 'page word count') });
      }),
    );
    eachOf(reader, () =>
      fields(reader, 'meta chunk', 3, () => {
        const from = text('chunk from');
        const to = text('chunk to');
        meta.chunks.push({ from, to, hash: text('chunk hash') });
      }),
    );
    eachOf(reader, () =>
      fields(reader, 'meta filter', 2, () => {
        const name = text('filter name');
        meta.filters.set(name, text('filter hash'));
      }),
    );
    eachOf(reader, () =>
      fields(reader, 'meta sort', 2, () => {
        const name = text('sort name');
        const order: number[] = [];
        eachOf(reader, () => order.push(num(reader.value(), 'sort page')));
        meta.sorts.set(name, order);
      }),
    );
  });
  return meta;
}

/**
 * Pagefind stores a weight as 24 times `data-pagefind-weight`: body text (1) is 24, an h1 (7) 168, our extra
 * section (3) 72. Its packer assumes 25 until the first marker, so positions up to 25 are body text; only
 * heavier ones count as weighted (the frozen fixture, tests/fixtures/pagefind/, shows 1.6.0 writing them so).
 */
const BODY_WEIGHT = 25;

/**
 * The weight of our regions-and-keywords list (src/search/schema.ts). Its positions are kept apart: a region
 * alias next to a keyword there is no phrase of the article, and the text check (title and body) would reject
 * it after its fragment was loaded for nothing.
 */
const LISTED_WEIGHT = EXTRA_WEIGHT * 24;

/**
 * Positions from Pagefind's packed locations: deltas, except that a negative
 * number −(w+1) switches to weight w and is followed by an absolute position.
 */
export function unpackLocations(locs: readonly number[]): Omit<Posting, 'page'> {
  const positions: number[] = [];
  let weight = BODY_WEIGHT;
  let weighted = 0;
  let listed = 0;
  let last = 0;
  for (let i = 0; i < locs.length; i++) {
    let value = locs[i];
    if (value < 0) {
      weight = -value - 1;
      value = locs[++i] ?? 0;
      last = value;
    } else last += value;
    if (weight === LISTED_WEIGHT) listed++;
    else positions.push(last);
    if (weight > BODY_WEIGHT) weighted++;
  }
  positions.sort((a, b) => a - b);
  return { positions, listed, weighted };
}

function postings(pages: Cbor): Posting[] {
  let page = 0;
  const out: Posting[] = [];
  for (const p of list(pages, 'word pages')) {
    const [delta, locs] = list(p, 'word page');
    page += num(delta, 'page delta');
    // Pages matching only in metadata (no locations) are left out: metadata is not searched.
    const unpacked = unpackLocations(list(locs, 'locations').map((n) => num(n, 'location')));
    if (unpacked.positions.length || unpacked.listed) out.push({ page, ...unpacked });
  }
  return out;
}

/**
 * The words of an index chunk that `wanted` accepts, with their postings. The
 * others are skipped unread: a chunk holds hundreds of words and a query wants one.
 */
export function parseWordChunk(bytes: Uint8Array, wanted: (word: string) => boolean = () => true): WordEntry[] {
  const entries: WordEntry[] = [];
  eachWord(bytes, (word, reader) => {
    if (wanted(word)) entries.push({ word, postings: postings(reader.value()) });
    else reader.skip();
  });
  return entries;
}

/** Each word of an inflated index chunk: `visit` reads or skips its page list; any later fields are skipped. */
export function eachWord(bytes: Uint8Array, visit: (word: string, reader: CborReader) => void): void {
  const reader = new CborReader(payload(bytes));
  if (reader.arrayLength() < 1) fail('index chunk');
  eachOf(reader, () => fields(reader, 'index word', 2, () => visit(str(reader.value(), 'word'), reader)));
}

/** Filter value → page numbers. */
export function parseFilter(bytes: Uint8Array): Map<string, number[]> {
  const [, values] = list(decodeCbor(payload(bytes)), 'filter');
  return new Map(
    list(values, 'filter values').map((v) => {
      const [value, pages] = list(v, 'filter value');
      return [str(value, 'filter value'), list(pages, 'filter pages').map((n) => num(n, 'filter page'))];
    }),
  );
}

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export function parseFragment(bytes: Uint8Array): Fragment {
  const data = JSON.parse(new TextDecoder().decode(payload(bytes))) as Partial<Fragment>;
  if (typeof data.url !== 'string' || typeof data.content !== 'string') fail('fragment');
  return { url: data.url, content: data.content, meta: data.meta ?? {} };
}

/** Code-point order, as Pagefind (Rust, UTF-8) sorts words; JS `<` compares UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * The chunks that may hold `word` (or, with `prefix`, any word starting with it).
 * A chunk holds the words from `from` up to any word that starts with `to`.
 */
export function chunksFor(chunks: readonly MetaChunk[], word: string, prefix: boolean): MetaChunk[] {
  return chunks.filter((c) => {
    const startsAfter = compareCodePoints(c.from, word) > 0 && !(prefix && c.from.startsWith(word));
    const endsBefore = compareCodePoints(c.to, word) < 0 && !word.startsWith(c.to);
    return !startsAfter && !endsBefore;
  });
}
