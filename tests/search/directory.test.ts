import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  MAX_KEY,
  bucketFile,
  bucketOf,
  directoryKey,
  encodeEntry,
  parseBucket,
  wordKeys,
} from '../../src/search/directory.ts';
import { TokenDirectory } from '../../src/search/tokenDirectory.ts';
import { directoryBuckets } from '../../scripts/indexer/searchDirectory.ts';

describe('directory keys', () => {
  it('finds a word under each of its prefixes, so a one-hanzi query finds every bigram it starts', () => {
    expect(wordKeys('衡阳')).toEqual(['衡', '衡阳']);
    expect(wordKeys('abcdefghij')).toHaveLength(MAX_KEY);
  });

  it('looks a long token up by a prefix its words are also found under', () => {
    const word = '20240312abc';
    expect(wordKeys(word)).toContain(directoryKey(word));
    expect(wordKeys(word)).toContain(directoryKey('2024031'));
  });

  it('deals keys into the buckets that exist', () => {
    for (const key of ['衡阳', '日报', 'a', '𠀀字']) {
      const b = bucketOf(key, 64);
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(64);
    }
    expect(bucketOf('衡阳', 1)).toBe(0);
  });
});

describe('bucket lines', () => {
  it('round-trips shard counts, gaps included', () => {
    const counts: [number, number][] = [
      [0, 5],
      [1, 1],
      [4, 12],
      [9, 3],
    ];
    const parsed = parseBucket(`${encodeEntry('衡阳', counts)}\n${encodeEntry('日', [[3, 7]])}`);
    expect([...parsed.get('衡阳')!]).toEqual(counts);
    expect([...parsed.get('日')!]).toEqual([[3, 7]]);
  });
});

describe('directoryBuckets (indexer) and TokenDirectory (browser)', () => {
  const shards = [
    { keys: ['衡', '衡阳', '日', '日报'].join('\n'), counts: [40, 30, 20, 10] },
    { keys: ['衡', '衡阳'].join('\n'), counts: [3, 2] },
    { keys: ['日', '日报', '量'].join('\n'), counts: [8, 6, 1] },
  ];
  const files = directoryBuckets(shards);
  const load = async (url: string) => {
    const n = files.findIndex((_, b) => url.endsWith(`/${bucketFile(b)}`));
    if (n < 0) throw new Error(`no ${url}`);
    const { gunzipSync } = await import('node:zlib');
    return new Uint8Array(gunzipSync(files[n]));
  };
  const directory = new TokenDirectory({ path: 'dir-x/', buckets: files.length }, '/pagefind/', load);

  it('lists each key in the shards that hold it', async () => {
    expect([...(await directory.counts('衡阳'))]).toEqual([
      [0, 30],
      [1, 2],
    ]);
    expect([...(await directory.counts('量子'))]).toEqual([]);
  });

  it('keeps only shards holding every token, bounded by the rarest', async () => {
    expect([...(await directory.shardsFor(['衡阳', '日报']))]).toEqual([[0, 10]]);
    expect([...(await directory.shardsFor(['日报']))]).toEqual([
      [0, 10],
      [2, 6],
    ]);
    expect((await directory.shardsFor(['衡阳', '量'])).size).toBe(0);
  });

  it('writes a power of two of gzip files', () => {
    expect(files.every((f) => f[0] === 0x1f && f[1] === 0x8b)).toBe(true);
    expect(files.length & (files.length - 1)).toBe(0);
  });

  it('spreads a large directory over more buckets', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `k${i}`);
    const big = directoryBuckets([{ keys: many.join('\n'), counts: many.map(() => 1) }]);
    expect(big.length).toBeGreaterThan(1);
    expect(Math.max(...big.map((f) => f.length))).toBeLessThan(gzipSync(many.join('\n')).length);
  });
});
