/**
 * Reads the token directory (src/search/directory.ts) in the browser: one
 * bucket file per query token, fetched once and kept. It tells a query which
 * shards can hold all its tokens, and an upper bound of its matches in each,
 * before any shard is read.
 */
import { bucketFile, bucketOf, directoryKey, parseBucket, type DirectoryInfo, type ShardCounts } from './directory.ts';
import type { Loader } from './shard.ts';

export class TokenDirectory {
  private readonly buckets = new Map<number, Promise<Map<string, ShardCounts>>>();
  private readonly info: DirectoryInfo;
  private readonly base: string;
  private readonly load: Loader;

  constructor(info: DirectoryInfo, base: string, load: Loader) {
    this.info = info;
    this.base = `${base}${info.path}`;
    this.load = load;
  }

  private bucket(n: number): Promise<Map<string, ShardCounts>> {
    let bucket = this.buckets.get(n);
    if (!bucket) {
      bucket = this.load(`${this.base}${bucketFile(n)}`).then((bytes) => parseBucket(new TextDecoder().decode(bytes)));
      // A failed fetch is not kept: the next query asks again.
      bucket.catch(() => this.buckets.delete(n));
      this.buckets.set(n, bucket);
    }
    return bucket;
  }

  /** Shard → articles holding the token (as a word prefix); a shard not listed holds none. */
  async counts(token: string): Promise<ShardCounts> {
    const key = directoryKey(token);
    return (await this.bucket(bucketOf(key, this.info.buckets))).get(key) ?? new Map();
  }

  /**
   * Shards holding every token, each with the fewest articles any of the tokens
   * is in (an upper bound of the articles holding them all).
   */
  async shardsFor(tokens: readonly string[]): Promise<ShardCounts> {
    const lists = await Promise.all([...new Set(tokens)].map((t) => this.counts(t)));
    if (!lists.length) return new Map();
    const [first, ...rest] = [...lists].sort((a, b) => a.size - b.size);
    const out: ShardCounts = new Map();
    for (const [shard, df] of first) {
      let least = df;
      for (const list of rest) least = Math.min(least, list.get(shard) ?? 0);
      if (least > 0) out.set(shard, least);
    }
    return out;
  }
}
