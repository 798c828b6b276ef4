/**
 * HTTP byte ranges, the client's half: the `Range` header for several ranges at
 * once and the `multipart/byteranges` answer a server gives to it (RFC 9110,
 * 14.6). Parts are placed by their `Content-Range`, so a server may send them
 * in any order.
 */

/** Inclusive byte offsets; no `end` means to the end of the file. */
export interface ByteRange {
  start: number;
  end?: number;
}

export interface RangePart {
  start: number;
  end: number;
  bytes: Uint8Array;
}

export function rangeHeader(ranges: readonly ByteRange[]): string {
  if (!ranges.length) throw new Error('no byte ranges to ask for');
  return `bytes=${ranges.map((r) => `${r.start}-${r.end ?? ''}`).join(',')}`;
}

/** The boundary of a `multipart/byteranges` content type; undefined for any other type. */
export function multipartBoundary(contentType: string): string | undefined {
  if (!/^\s*multipart\/byteranges\s*;/iu.test(contentType)) return undefined;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/iu.exec(contentType);
  return match?.[1] ?? match?.[2];
}

const CRLF_CRLF = [13, 10, 13, 10];

/** The range a `Content-Range: bytes a-b/size` value gives; undefined for any other value. */
export function parseContentRange(value: string): { start: number; end: number } | undefined {
  const range = /^\s*bytes\s+(\d+)-(\d+)\/(?:\d+|\*)\s*$/iu.exec(value);
  return range ? { start: Number(range[1]), end: Number(range[2]) } : undefined;
}

/** The parts of a `multipart/byteranges` body; throws on anything malformed. */
export function parseByteRanges(body: Uint8Array, boundary: string): RangePart[] {
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const parts: RangePart[] = [];
  let at = indexOf(body, delimiter, 0);
  while (at >= 0) {
    at += delimiter.length;
    if (body[at] === 45 && body[at + 1] === 45) return parts; // `--boundary--` closes the body
    const headersEnd = indexOf(body, CRLF_CRLF, at);
    if (headersEnd < 0) throw new Error('byte ranges: a part has no end of headers');
    const headers = new TextDecoder().decode(body.subarray(at, headersEnd));
    const range = parseContentRange(/^content-range:(.*)$/imu.exec(headers)?.[1] ?? '');
    if (!range) throw new Error('byte ranges: a part has no Content-Range');
    const { start, end } = range;
    const dataStart = headersEnd + CRLF_CRLF.length;
    const dataEnd = dataStart + end - start + 1;
    if (end < start || dataEnd > body.length) throw new Error(`byte ranges: part ${start}-${end} is cut short`);
    parts.push({ start, end, bytes: body.subarray(dataStart, dataEnd) });
    at = indexOf(body, delimiter, dataEnd);
  }
  throw new Error('byte ranges: the body does not close');
}

/** The bytes of `range` from parts that cover it; undefined when none does. */
export function sliceParts(parts: readonly RangePart[], range: ByteRange): Uint8Array | undefined {
  for (const part of parts) {
    const end = range.end ?? part.end;
    if (part.start <= range.start && range.start <= end && end <= part.end)
      return part.bytes.subarray(range.start - part.start, end - part.start + 1);
  }
  return undefined;
}

function indexOf(haystack: Uint8Array, needle: ArrayLike<number>, from: number): number {
  const first = needle[0];
  for (
    let i = haystack.indexOf(first, from);
    i >= 0 && i + needle.length <= haystack.length;
    i = haystack.indexOf(first, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}
