/**
 * HTTP byte ranges, the server's half, for the static test server
 * (staticServer.ts): a `Range: bytes=…` request answered the way nginx answers it — one
 * range as a plain 206, several as `multipart/byteranges`, ranges that miss the
 * file as 416.
 */
import { fstatSync, readSync } from 'node:fs';

export interface RangeResponse {
  status: 206 | 416;
  headers: Record<string, string>;
  body: Buffer;
}

/** Inclusive offsets within a file of `size` bytes; undefined when the header is not a byte-range request. */
export function parseRangeHeader(header: string, size: number): { start: number; end: number }[] | undefined {
  const match = /^\s*bytes\s*=\s*(.+)$/iu.exec(header);
  if (!match) return undefined;
  const ranges: { start: number; end: number }[] = [];
  for (const spec of match[1].split(',')) {
    const range = /^\s*(\d*)\s*-\s*(\d*)\s*$/u.exec(spec);
    if (!range || (range[1] === '' && range[2] === '')) return undefined;
    if (range[1] === '') {
      // `-N`: the last N bytes.
      const length = Math.min(Number(range[2]), size);
      if (length > 0) ranges.push({ start: size - length, end: size - 1 });
      continue;
    }
    const start = Number(range[1]);
    const end = range[2] === '' ? size - 1 : Math.min(Number(range[2]), size - 1);
    if (range[2] !== '' && Number(range[2]) < start) return undefined;
    if (start < size) ranges.push({ start, end });
  }
  return ranges;
}

/** A file read piece by piece, as nginx reads it, rather than whole. */
export interface FileSlices {
  size: number;
  /** Bytes [start, end], inclusive. */
  read: (start: number, end: number) => Buffer;
}

/** An open file's slices, read with `pread`. */
export function fileSlices(fd: number): FileSlices {
  return {
    size: fstatSync(fd).size,
    read: (start, end) => {
      const bytes = Buffer.alloc(end - start + 1);
      let done = 0;
      while (done < bytes.length) {
        const n = readSync(fd, bytes, done, bytes.length - done, start + done);
        if (n === 0) throw new Error(`the file ended before byte ${start + done}`);
        done += n;
      }
      return bytes;
    },
  };
}

/** The answer to `header` for `file`; undefined means serve the whole file (200), as RFC 9110 allows. */
export function rangeResponse(
  header: string,
  contents: Buffer | FileSlices,
  contentType: string,
  boundary: string,
): RangeResponse | undefined {
  const file = Buffer.isBuffer(contents)
    ? { size: contents.length, read: (start: number, end: number) => contents.subarray(start, end + 1) }
    : contents;
  const ranges = parseRangeHeader(header, file.size);
  if (!ranges) return undefined;
  if (!ranges.length) {
    return { status: 416, headers: { 'content-range': `bytes */${file.size}` }, body: Buffer.alloc(0) };
  }
  if (ranges.length === 1) {
    const [{ start, end }] = ranges;
    return {
      status: 206,
      headers: { 'content-type': contentType, 'content-range': `bytes ${start}-${end}/${file.size}` },
      body: file.read(start, end),
    };
  }
  const chunks: Buffer[] = [];
  for (const { start, end } of ranges) {
    chunks.push(
      Buffer.from(
        `\r\n--${boundary}\r\nContent-Type: ${contentType}\r\nContent-Range: bytes ${start}-${end}/${file.size}\r\n\r\n`,
      ),
      file.read(start, end),
    );
  }
  chunks.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return {
    status: 206,
    headers: { 'content-type': `multipart/byteranges; boundary=${boundary}` },
    body: Buffer.concat(chunks),
  };
}
