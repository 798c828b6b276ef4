/**
 * The token directory: which shards hold a token, and in how many of their
 * articles (docs/search.md, "Directory"). Our own format, not Pagefind's.
 *
 * A key is an index word's prefix of at most MAX_KEY code points (every
 * shorter prefix too), because the engine matches query tokens as word
 * prefixes: a one-hanzi term matches every bigram starting with it. Keys are
 * dealt into `buckets` files by hash, so a query reads one small file per
 * token whatever the archive's size. A bucket file (gzip) is lines of
 * `key<TAB>entries`, entries comma-separated, each `df` for the shard after the
 * previous entry's (the first: shard 0) or `skip:df` when `skip` shards lie
 * between.
 */

import { fnv1a } from '../utils/fnv1a.ts';

/** Longest key: a longer query token is looked up by its first MAX_KEY code points (a superset). */
export const MAX_KEY = 6;

export interface DirectoryInfo {
  /** Folder of the bucket files, relative to the shard list; named by their content. */
  path: string;
  /** Number of bucket files (a power of two). */
  buckets: number;
}

/** Shard number → articles of that shard holding the key. */
export type ShardCounts = Map<number, number>;

/** The directory key a query token is looked up under. */
export function directoryKey(token: string): string {
  return [...token].slice(0, MAX_KEY).join('');
}

/** Every key a word is found under: its prefixes of 1…MAX_KEY code points. */
export function wordKeys(word: string): string[] {
  const chars = [...word].slice(0, MAX_KEY);
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

/** The bucket a key is in: FNV-1a of its UTF-16 units, modulo the (power of two) bucket count. */
export function bucketOf(key: string, buckets: number): number {
  return fnv1a(key) & (buckets - 1);
}

export function bucketFile(bucket: number): string {
  return `${bucket.toString(16)}.bin`;
}

/** One key's line of a bucket file; `counts` in ascending shard order. */
export function encodeEntry(key: string, counts: readonly (readonly [number, number])[]): string {
  let previous = -1;
  const parts = counts.map(([shard, df]) => {
    const skip = shard - previous - 1;
    previous = shard;
    return skip ? `${skip}:${df}` : `${df}`;
  });
  return `${key}\t${parts.join(',')}`;
}

/** A bucket file's text → key → shard counts. Malformed lines are skipped (the engine then searches every shard). */
export function parseBucket(text: string): Map<string, ShardCounts> {
  const out = new Map<string, ShardCounts>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const counts: ShardCounts = new Map();
    let shard = -1;
    for (const part of line.slice(tab + 1).split(',')) {
      const colon = part.indexOf(':');
      shard += 1 + (colon < 0 ? 0 : Number(part.slice(0, colon)));
      counts.set(shard, Number(part.slice(colon + 1)));
    }
    out.set(line.slice(0, tab), counts);
  }
  return out;
}
