/**
 * Writes the token directory (src/search/directory.ts): from each shard's
 * Pagefind words, which keys it holds and in how many articles, merged into
 * bucket files by key hash. Read from the words the shard's chunks are cut
 * from, so the directory knows exactly the words the engine will find there.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PackedWord } from '../../src/search/pagefind/wordChunk.ts';
import { bucketFile, bucketOf, encodeEntry, wordKeys, type DirectoryInfo } from '../../src/search/directory.ts';

/** A shard's keys and their article counts, compact enough to pass from a worker thread. */
export interface ShardKeys {
  /** Keys joined by newlines. */
  keys: string;
  counts: number[];
}

/** Keys of one shard, from the words its pack was cut from (writeShardPack). */
export function shardKeys(words: readonly PackedWord[]): ShardKeys {
  const pages = new Map<string, Set<number>>();
  for (const { word, pages: onPages } of words) {
    for (const key of wordKeys(word)) {
      let set = pages.get(key);
      if (!set) pages.set(key, (set = new Set()));
      for (const p of onPages) set.add(p.page);
    }
  }
  const keys = [...pages.keys()];
  return { keys: keys.join('\n'), counts: keys.map((k) => pages.get(k)!.size) };
}

/**
 * Bucket text aimed at per file, before gzip (about a third of it after): a
 * query's few tokens then cost a few kB each.
 */
const BUCKET_TEXT_BYTES = 12_000;

/** The bucket files' contents (gzip) for shards 0…n-1, in shard order. */
export function directoryBuckets(shards: readonly ShardKeys[]): Buffer[] {
  const byKey = new Map<string, [number, number][]>();
  let textBytes = 0;
  shards.forEach((shard, n) => {
    const keys = shard.keys ? shard.keys.split('\n') : [];
    keys.forEach((key, i) => {
      let list = byKey.get(key);
      if (!list) byKey.set(key, (list = []));
      list.push([n, shard.counts[i]]);
      textBytes += 5;
    });
  });
  for (const key of byKey.keys()) textBytes += Buffer.byteLength(key) + 2;
  let buckets = 1;
  while (buckets * BUCKET_TEXT_BYTES < textBytes) buckets *= 2;
  const lines: string[][] = Array.from({ length: buckets }, () => []);
  for (const [key, counts] of byKey) lines[bucketOf(key, buckets)].push(encodeEntry(key, counts));
  return lines.map((l) => gzipSync(l.sort().join('\n'), { level: 9 }));
}

/** Writes the buckets under `<outputPath>/dir-<content hash>/` and returns where they are. */
export function writeDirectory(outputPath: string, shards: readonly ShardKeys[]): DirectoryInfo {
  const files = directoryBuckets(shards);
  const hash = createHash('sha256');
  for (const file of files) hash.update(file);
  const path = `dir-${hash.digest('hex').slice(0, 12)}/`;
  mkdirSync(join(outputPath, path), { recursive: true });
  files.forEach((file, b) => writeFileSync(join(outputPath, path, bucketFile(b)), file));
  return { path, buckets: files.length };
}
