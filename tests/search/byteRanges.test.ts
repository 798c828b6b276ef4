import { describe, expect, it } from 'vitest';
import {
  multipartBoundary,
  parseByteRanges,
  parseContentRange,
  rangeHeader,
  sliceParts,
  type ByteRange,
} from '../../src/search/fetch/byteRanges.ts';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileSlices, parseRangeHeader, rangeResponse } from '../../scripts/tools/server/rangeRequests.ts';
import { tempDir } from '../support/tempDir.ts';

const file = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));

describe('rangeHeader', () => {
  it('asks for several ranges, open-ended ones included', () => {
    expect(rangeHeader([{ start: 0, end: 0 }, { start: 2 }, { start: 10, end: 19 }])).toBe('bytes=0-0,2-,10-19');
    expect(() => rangeHeader([])).toThrow();
  });
});

describe('parseContentRange', () => {
  it('reads a byte range with a known or unknown size, and nothing else', () => {
    expect(parseContentRange('bytes 10-19/300')).toEqual({ start: 10, end: 19 });
    expect(parseContentRange(' Bytes 0-0/*')).toEqual({ start: 0, end: 0 });
    expect(parseContentRange('bytes */300')).toBeUndefined();
    expect(parseContentRange('items 1-2/3')).toBeUndefined();
    expect(parseContentRange('')).toBeUndefined();
  });
});

describe('parseRangeHeader', () => {
  it('reads closed, open and suffix ranges, clipped to the file', () => {
    expect(parseRangeHeader('bytes=0-0, 2-,-10, 290-999', 300)).toEqual([
      { start: 0, end: 0 },
      { start: 2, end: 299 },
      { start: 290, end: 299 },
      { start: 290, end: 299 },
    ]);
  });

  it('drops ranges past the end and refuses what is not a byte range', () => {
    expect(parseRangeHeader('bytes=400-500', 300)).toEqual([]);
    expect(parseRangeHeader('items=0-1', 300)).toBeUndefined();
    expect(parseRangeHeader('bytes=5-2', 300)).toBeUndefined();
    expect(parseRangeHeader('bytes=-', 300)).toBeUndefined();
  });
});

describe('rangeResponse and parseByteRanges', () => {
  it('round-trips several ranges through multipart/byteranges, placed by Content-Range', () => {
    const ranges: ByteRange[] = [
      { start: 250, end: 299 },
      { start: 0, end: 0 },
      { start: 13, end: 140 },
    ];
    const response = rangeResponse(rangeHeader(ranges), file, 'application/octet-stream', 'b0undary');
    expect(response?.status).toBe(206);
    const boundary = multipartBoundary(response?.headers['content-type'] ?? '');
    expect(boundary).toBe('b0undary');
    const parts = parseByteRanges(new Uint8Array(response?.body ?? []), boundary ?? '');
    expect(parts.map((p) => [p.start, p.end])).toEqual([
      [250, 299],
      [0, 0],
      [13, 140],
    ]);
    for (const range of ranges) {
      expect(Buffer.from(sliceParts(parts, range) ?? [])).toEqual(file.subarray(range.start, (range.end ?? 299) + 1));
    }
    expect(sliceParts(parts, { start: 1, end: 5 })).toBeUndefined();
  });

  it('answers the same from an open file, reading only the ranges asked for', () => {
    const path = join(tempDir('ranges'), 'pack');
    writeFileSync(path, file);
    const fd = openSync(path, 'r');
    try {
      for (const header of ['bytes=250-299,0-0,13-140', 'bytes=10-19', 'bytes=-5', 'bytes=300-']) {
        expect(rangeResponse(header, fileSlices(fd), 'application/octet-stream', 'b'), header).toEqual(
          rangeResponse(header, file, 'application/octet-stream', 'b'),
        );
      }
    } finally {
      closeSync(fd);
    }
  });

  it('answers one range as a plain 206 and ranges past the end with 416', () => {
    expect(rangeResponse('bytes=10-19', file, 'text/plain', 'x')).toMatchObject({
      status: 206,
      headers: { 'content-range': 'bytes 10-19/300' },
      body: file.subarray(10, 20),
    });
    expect(rangeResponse('bytes=300-', file, 'text/plain', 'x')?.status).toBe(416);
    expect(rangeResponse('pages=1', file, 'text/plain', 'x')).toBeUndefined();
  });

  it('reads a part whose bytes hold the boundary, and another server’s quoting and order', () => {
    const data = new TextEncoder().encode('--q\r\n--q--');
    const body = new TextEncoder().encode(
      `\r\n--q\r\ncontent-range: bytes 5-14/100\r\n\r\n${new TextDecoder().decode(data)}\r\n--q--\r\n`,
    );
    expect(multipartBoundary('multipart/byteranges; boundary="q"')).toBe('q');
    expect(parseByteRanges(body, 'q')).toEqual([{ start: 5, end: 14, bytes: data }]);
  });

  it('rejects a body cut short or without Content-Range, and other content types', () => {
    const cut = new TextEncoder().encode('--q\r\nContent-Range: bytes 0-99/100\r\n\r\nabc');
    expect(() => parseByteRanges(cut, 'q')).toThrow(/cut short/u);
    expect(() => parseByteRanges(new TextEncoder().encode('--q\r\nContent-Type: x\r\n\r\nabc\r\n--q--'), 'q')).toThrow(
      /Content-Range/u,
    );
    expect(multipartBoundary('application/octet-stream')).toBeUndefined();
  });
});
