import { describe, expect, it } from 'vitest';
import { parseByteRanges, multipartBoundary, rangeHeader } from '../../src/search/fetch/byteRanges.ts';
import {
  decodePackIndex,
  encodePackIndex,
  PACK_INDEX_PROBE,
  packIndexFromProbe,
} from '../../src/search/fetch/shardPack.ts';
import { rangeResponse } from '../../scripts/tools/server/rangeRequests.ts';
import { withoutFileNames } from '../../scripts/indexer/searchPack.ts';
import { decodeCbor, encodeCbor } from '../../src/search/pagefind/cbor.ts';
import { DECODED_MARK, parseMeta } from '../../src/search/pagefind/format.ts';
import { gunzipSync } from 'node:zlib';

const lengths = [1, 127, 128, 300, 16384, 2_000_000, 5];

describe('shard pack index', () => {
  it('gives each file the byte range after the files before it', () => {
    const index = decodePackIndex(encodePackIndex(lengths));
    expect(index.files).toBe(lengths.length);
    let offset = 0;
    lengths.forEach((length, file) => {
      expect(index.range(file)).toEqual({ start: offset, end: offset + length - 1 });
      offset += length;
    });
    expect(index.range(lengths.length)).toBeUndefined();
    expect(index.range(-1)).toBeUndefined();
  });

  it('is read from the probe’s two parts, and only from both', () => {
    const file = Buffer.from(encodePackIndex(lengths));
    const response = rangeResponse(rangeHeader(PACK_INDEX_PROBE), file, 'application/octet-stream', 'pk');
    const parts = parseByteRanges(
      new Uint8Array(response?.body ?? []),
      multipartBoundary(response?.headers['content-type'] ?? '') ?? '',
    );
    expect(parts).toHaveLength(2);
    expect(packIndexFromProbe(parts)?.range(3)).toEqual({ start: 256, end: 555 });
    // A server that answered only the first range (or merged them into one part that lacks byte 1's neighbours).
    expect(packIndexFromProbe(parts.slice(0, 1))).toBeUndefined();
  });

  it('refuses lengths that are not positive integers, another version and a cut-off length', () => {
    expect(() => encodePackIndex([3, 0])).toThrow(/positive/u);
    expect(() => decodePackIndex(new Uint8Array([2, 0, 5]))).toThrow(/version 2/u);
    expect(() => decodePackIndex(new Uint8Array([1, 0, 0x85]))).toThrow(/cut short/u);
  });
});

describe('shard.meta', () => {
  const pfMeta = (pages: [string, number][]) =>
    new Uint8Array([
      ...new TextEncoder().encode(DECODED_MARK),
      ...encodeCbor(['1.6.0', pages, [['衡阳', '阳市', 'zxx_c1']], [['region', 'zxx_f1']], [['date', [1, 0]]]]),
    ]);

  it('is pf_meta with every page hash emptied and the pack’s chunks in place of Pagefind’s, all else kept', () => {
    const full = pfMeta([
      ['zxx_0123456', 120],
      ['zxx_89abcde', 64],
    ]);
    const cut = [
      { from: '衡阳', to: '衡阳市' },
      { from: '阳市', to: '阳市' },
    ];
    const slim = parseMeta(gunzipSync(withoutFileNames(full, cut)));
    const original = parseMeta(full);
    expect(slim.pages).toEqual([
      { hash: '', wordCount: 120 },
      { hash: '', wordCount: 64 },
    ]);
    expect(slim.chunks).toEqual(cut.map((c) => ({ ...c, hash: '' })));
    expect(original.chunks[0]?.hash).toBe('zxx_c1');
    expect({ ...slim, pages: [], chunks: [] }).toEqual({ ...original, pages: [], chunks: [] });
  });

  it('encodes what decodeCbor reads back, and refuses what Pagefind does not write', () => {
    const value = [0, 23, 24, 255, 256, 65535, 65536, 4294967295, -1, -25, -169, -300, '衡阳', ['', [1]]];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
    expect(() => encodeCbor([1.5])).toThrow(/not an integer/u);
    expect(() => encodeCbor([2 ** 40])).toThrow(/too large/u);
  });
});
