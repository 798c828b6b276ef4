import { describe, expect, test } from 'vitest';
import { CborReader, decodeCbor } from '../../src/search/pagefind/cbor.ts';
import {
  chunksFor,
  parseFilter,
  parseMeta,
  parseWordChunk,
  unpackLocations,
  DECODED_MARK,
} from '../../src/search/pagefind/format.ts';
import { intersectPages, unionPostings } from '../../src/search/pagefind/postings.ts';
import { planShards, shardHoldsYear } from '../../src/search/shards.ts';

/** A small CBOR encoder for the shapes Pagefind writes (arrays, strings, integers). */
type Value = number | string | Value[];
function encode(value: Value): number[] {
  const head = (major: number, n: number): number[] => {
    if (n < 24) return [(major << 5) | n];
    if (n < 256) return [(major << 5) | 24, n];
    if (n < 65536) return [(major << 5) | 25, n >> 8, n & 255];
    return [(major << 5) | 26, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  return [...head(4, value.length), ...value.flatMap(encode)];
}
const file = (value: Value) => new Uint8Array([...new TextEncoder().encode(DECODED_MARK), ...encode(value)]);

describe('decodeCbor', () => {
  test('integers of every width, negatives, strings and nesting', () => {
    const value: Value = [0, 23, 24, 255, 256, 65535, 65536, 4294967295, -1, -25, -1000, '衡阳', ['', [1]]];
    expect(decodeCbor(new Uint8Array(encode(value)))).toEqual(value);
  });
  test('maps, simple values and indefinite arrays', () => {
    expect(decodeCbor(new Uint8Array([0xa1, 0x61, 0x6b, 0xf5]))).toEqual({ k: true });
    expect(decodeCbor(new Uint8Array([0x9f, 0x01, 0xf6, 0xff]))).toEqual([1, null]);
  });
  test('the reader skips any item whole, maps and byte strings included', () => {
    const reader = new CborReader(new Uint8Array([0xa1, 0x61, 0x6b, 0x82, 0x42, 0x00, 0x01, 0x9f, 0x01, 0xff, 0x05]));
    reader.skip();
    expect(reader.value()).toBe(5);
    expect(reader.done).toBe(true);
  });
  test('truncated or trailing bytes are errors', () => {
    expect(() => decodeCbor(new Uint8Array([0x82, 0x01]))).toThrow(/truncated/u);
    expect(() => decodeCbor(new Uint8Array([0x01, 0x02]))).toThrow(/after the value/u);
  });
});

describe('Pagefind files', () => {
  test('meta: pages, chunks, filters and sorts', () => {
    const meta = parseMeta(
      file([
        '1.6.0',
        [
          ['zxx_a', 120, ''],
          ['zxx_b', 80, ''],
        ],
        [
          ['一', '丁', 'zxx_c1'],
          ['七', '龟', 'zxx_c2'],
        ],
        [['region', 'zxx_f']],
        [['date', [1, 0]]],
        ['date'],
      ]),
    );
    expect(meta.pages).toEqual([
      { hash: 'zxx_a', wordCount: 120 },
      { hash: 'zxx_b', wordCount: 80 },
    ]);
    expect(meta.chunks.map((c) => c.hash)).toEqual(['zxx_c1', 'zxx_c2']);
    expect(meta.filters.get('region')).toBe('zxx_f');
    expect(meta.sorts.get('date')).toEqual([1, 0]);
  });
  test('a file without the decoded mark is refused', () => {
    expect(() => parseMeta(new Uint8Array(encode(['1.6.0'])))).toThrow(/pagefind_dcd/u);
  });
  test('word chunk: page numbers are deltas, pages matching only in metadata are dropped', () => {
    const words = parseWordChunk(
      file([
        [
          [
            '衡阳',
            [
              [2, [5, 3], []],
              [3, [], [-1, 0]],
              [1, [-169, 0, 4], []],
            ],
            [],
          ],
        ],
      ]),
    );
    expect(words).toEqual([
      {
        word: '衡阳',
        postings: [
          { page: 2, positions: [5, 8], listed: 0, weighted: 0 },
          { page: 6, positions: [0, 4], listed: 0, weighted: 2 },
        ],
      },
    ]);
  });
  test('word chunk: words not wanted are skipped, the rest still read', () => {
    const bytes = file([
      [
        ['东方', [[0, [1, 2, 3], []]], []],
        ['衡阳', [[4, [7], []]], []],
        ['衡阴', [[1, [0], []]], [['衡陰', [[2, [5], []]]]]],
      ],
    ]);
    const words = parseWordChunk(bytes, (w) => w.startsWith('衡'));
    expect(words.map((w) => w.word)).toEqual(['衡阳', '衡阴']);
    expect(words[1].postings).toEqual([{ page: 1, positions: [0], listed: 0, weighted: 0 }]);
    expect(parseWordChunk(bytes, () => false)).toEqual([]);
  });
  test('locations: a weight marker is followed by an absolute position', () => {
    // −169 is weight 168 (an h1, 7 × 24); −25 is 24, body text (1 × 24), as Pagefind 1.6 marks every page's text.
    expect(unpackLocations([3, 2, -169, 40, 1, -25, 10, 5])).toEqual({
      positions: [3, 5, 10, 15, 40, 41],
      listed: 0,
      weighted: 2,
    });
  });
  test('locations: body text and lighter sections are not weighted, heavier ones are', () => {
    expect(unpackLocations([-25, 3, 4]).weighted).toBe(0);
    expect(unpackLocations([-1, 3, 4]).weighted).toBe(0);
    expect(unpackLocations([-73, 3, 4]).weighted).toBe(2);
  });
  test('locations: the regions-and-keywords list (weight 3 × 24) is counted, not placed among the text', () => {
    // Body at 3 and 5, then the list (−73: weight 72) at 40 and 41.
    expect(unpackLocations([3, 2, -73, 40, 1])).toEqual({ positions: [3, 5], listed: 2, weighted: 2 });
  });
  test('filter: value → pages', () => {
    const filter = parseFilter(
      file([
        'kind',
        [
          ['brief', [0, 4]],
          ['photo', [2]],
        ],
      ]),
    );
    expect(filter.get('brief')).toEqual([0, 4]);
    expect(filter.get('photo')).toEqual([2]);
  });
  test('chunksFor: the chunk whose range holds the word, or every chunk a prefix reaches', () => {
    const chunks = [
      { from: '一', to: '东', hash: 'a' },
      { from: '丝', to: '衡阳', hash: 'b' },
      { from: '衡阴', to: '龟', hash: 'c' },
    ];
    expect(chunksFor(chunks, '丁', false).map((c) => c.hash)).toEqual(['a']);
    // A chunk's `to` is a prefix: 衡阳日 sorts after 衡阳 but belongs to chunk b.
    expect(chunksFor(chunks, '衡阳日', false).map((c) => c.hash)).toEqual(['b']);
    expect(chunksFor(chunks, '衡', true).map((c) => c.hash)).toEqual(['b', 'c']);
  });
});

describe('postings', () => {
  test('a prefix matching several words merges their positions per page', () => {
    const merged = unionPostings([
      [{ page: 1, positions: [9], listed: 0, weighted: 0 }],
      [
        { page: 1, positions: [2], listed: 0, weighted: 1 },
        { page: 4, positions: [0], listed: 0, weighted: 0 },
      ],
    ]);
    expect(merged.get(1)).toEqual({ positions: [2, 9], listed: 0, weighted: 1 });
    expect([...merged.keys()]).toEqual([1, 4]);
  });
  test('tokens are ANDed', () => {
    const at = (pages: number[]) => new Map(pages.map((p) => [p, { positions: [0], listed: 0, weighted: 0 }]));
    expect(
      intersectPages(
        new Map([
          ['甲', at([1, 2, 3])],
          ['乙', at([3, 2])],
        ]),
      ),
    ).toEqual([2, 3]);
    expect(intersectPages(new Map())).toEqual([]);
  });
});

describe('planShards', () => {
  const items = (dates: string[]) => dates.map((date, i) => ({ id: i, date }));
  test('newest first, never splitting a day, undated last', () => {
    const shards = planShards(items(['2020-01-01', '', '2021-05-02', '2021-05-02', '2020-06-01']), 2);
    expect(shards.map((s) => s.map((i) => i.date))).toEqual([
      ['2021-05-02', '2021-05-02'],
      ['2020-06-01', '2020-01-01'],
      [''],
    ]);
  });
  test('a day larger than a shard stays whole', () => {
    expect(planShards(items(['2020-01-01', '2020-01-01', '2020-01-01']), 2).map((s) => s.length)).toEqual([3]);
  });
  test('every item lands in exactly one shard', () => {
    const dates = Array.from({ length: 50 }, (_, i) => (i % 7 ? `2020-0${1 + (i % 9)}-1${i % 10}` : ''));
    const shards = planShards(items(dates), 6);
    expect(
      shards
        .flat()
        .map((i) => i.id)
        .sort((a, b) => a - b),
    ).toEqual(dates.map((_, i) => i));
    expect(shards.every((s) => s.length <= 6)).toBe(true);
  });
  test('a shard holds a year if its date range covers it; the undated shard holds unknown years', () => {
    const shard = { path: '0/', newest: '2021-03-01', oldest: '2019-12-31', articles: 3 };
    expect(['2018', '2019', '2020', '2021', '2022'].map((y) => shardHoldsYear(shard, y))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(shardHoldsYear(shard, undefined)).toBe(false);
    expect(shardHoldsYear({ ...shard, newest: '', oldest: '' }, undefined)).toBe(true);
  });
});
