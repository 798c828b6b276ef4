/**
 * A minimal CBOR (RFC 8949) decoder: enough for the files Pagefind writes
 * (unsigned and negative integers, text and byte strings, arrays, maps, simple
 * values). Pagefind encodes its structs as arrays, so the result is nested arrays.
 * `CborReader` also walks a file item by item and skips what it does not need,
 * so an index chunk's other words cost a scan, not a decode. `encodeCbor` is the
 * indexer's (scripts/indexer/searchPack.ts) and is tree-shaken out of the browser bundle.
 *
 * Why not cborg or cbor-x: this file ships to every reader's browser, and they
 * cost more bytes than they save time. Measured with esbuild 0.28 (bundle, minify,
 * ESM, gzip -9) on 2026-12-07: this decoder 938 B; cborg 6.1.5 `decode` 7,321 B;
 * cbor-x 1.6.9 `decode` 5,789 B; the search page's whole script
 * (src/search/ui/searchPage.ts, bundled the same way) is 27.6 kB, so either would
 * add 18–23% to it. On real index chunks (1,000 synthetic articles, Node 24)
 * reading one word took 100–156 µs here, a whole decode 188–983 µs with cborg
 * and 68–107 µs with cbor-x: cbor-x would save at most ~50 µs a chunk, less
 * than the chunk's gunzip (110–170 µs) and far less than its download.
 */
export type Cbor = number | string | Uint8Array | boolean | null | undefined | Cbor[] | { [key: string]: Cbor };

const text = new TextDecoder();

export class CborReader {
  private readonly bytes: Uint8Array;
  private readonly view: DataView;
  at = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  private need(n: number): void {
    if (this.at + n > this.bytes.length) throw new Error(`CBOR: truncated at byte ${this.at}`);
  }

  /** Reads an item head: its major type and argument (-1 for "indefinite length"). */
  private head(): { major: number; info: number; arg: number } {
    this.need(1);
    const byte = this.bytes[this.at++];
    const major = byte >> 5;
    const info = byte & 31;
    if (info < 24 || major === 7) return { major, info, arg: info };
    if (info === 31) return { major, info, arg: -1 };
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (!size) throw new Error(`CBOR: reserved additional info ${info} at byte ${this.at - 1}`);
    this.need(size);
    const start = this.at;
    this.at += size;
    const arg =
      size === 1
        ? this.view.getUint8(start)
        : size === 2
          ? this.view.getUint16(start)
          : size === 4
            ? this.view.getUint32(start)
            : Number(this.view.getBigUint64(start));
    return { major, info, arg };
  }

  private isBreak(): boolean {
    this.need(1);
    return this.bytes[this.at] === 0xff;
  }

  /** The length of the array that starts here (-1: indefinite, ended by `endOfArray`). */
  arrayLength(): number {
    const { major, arg } = this.head();
    if (major !== 4) throw new Error(`CBOR: expected an array at byte ${this.at - 1}`);
    return arg;
  }

  /** For an indefinite array: true (and the break consumed) at its end. */
  endOfArray(): boolean {
    if (!this.isBreak()) return false;
    this.at++;
    return true;
  }

  /** Steps over one item, however deep, without building it. */
  skip(): void {
    const { major, info, arg } = this.head();
    if (major === 2 || major === 3) {
      if (arg < 0) throw new Error(`CBOR: indefinite-length string at byte ${this.at - 1}`);
      this.need(arg);
      this.at += arg;
    } else if (major === 4 || major === 5) {
      const per = major === 5 ? 2 : 1;
      if (arg < 0) {
        while (!this.isBreak()) for (let i = 0; i < per; i++) this.skip();
        this.at++;
      } else for (let i = 0; i < arg * per; i++) this.skip();
    } else if (major === 7 && info > 23)
      throw new Error(`CBOR: unsupported simple value ${info} at byte ${this.at - 1}`);
    else if (major === 6) this.skip();
  }

  value(): Cbor {
    const { major, info, arg } = this.head();
    switch (major) {
      case 0:
        return arg;
      case 1:
        return -1 - arg;
      case 2:
      case 3: {
        if (arg < 0) throw new Error(`CBOR: indefinite-length string at byte ${this.at - 1}`);
        this.need(arg);
        const slice = this.bytes.subarray(this.at, this.at + arg);
        this.at += arg;
        return major === 3 ? text.decode(slice) : slice;
      }
      case 4: {
        const list: Cbor[] = [];
        if (arg < 0) {
          while (!this.isBreak()) list.push(this.value());
          this.at++;
        } else for (let i = 0; i < arg; i++) list.push(this.value());
        return list;
      }
      case 5: {
        const map: Record<string, Cbor> = {};
        for (let i = 0; arg < 0 ? !this.isBreak() : i < arg; i++) {
          const key = this.value();
          if (typeof key !== 'string' && typeof key !== 'number')
            throw new Error(`CBOR: unsupported map key at ${this.at}`);
          map[String(key)] = this.value();
        }
        if (arg < 0) this.at++;
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        if (info === 23) return undefined;
        throw new Error(`CBOR: unsupported simple value ${info} at byte ${this.at - 1}`);
      default:
        throw new Error(`CBOR: unsupported major type ${major} at byte ${this.at - 1}`);
    }
  }
}

export function decodeCbor(bytes: Uint8Array): Cbor {
  const reader = new CborReader(bytes);
  const value = reader.value();
  if (!reader.done) throw new Error(`CBOR: ${bytes.length - reader.at} bytes after the value`);
  return value;
}

/** Encodes what Pagefind's index files hold (integers, strings, arrays), as definite lengths. */
export function encodeCbor(value: number | string | readonly unknown[]): Uint8Array {
  const out: number[] = [];
  const head = (major: number, n: number) => {
    const type = major << 5;
    if (n < 24) out.push(type | n);
    else if (n < 0x100) out.push(type | 24, n);
    else if (n < 0x10000) out.push(type | 25, n >> 8, n & 0xff);
    else if (n < 0x100000000) out.push(type | 26, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
    else throw new Error(`CBOR: ${n} is too large`);
  };
  const write = (v: unknown) => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error(`CBOR: ${v} is not an integer`);
      // A negative integer n is major type 1 with argument −1 − n (Pagefind's weight markers are negative).
      if (v < 0) head(1, -1 - v);
      else head(0, v);
    } else if (typeof v === 'string') {
      const bytes = new TextEncoder().encode(v);
      head(3, bytes.length);
      for (const b of bytes) out.push(b);
    } else if (Array.isArray(v)) {
      head(4, v.length);
      for (const item of v) write(item);
    } else throw new Error(`CBOR: cannot encode ${typeof v}`);
  };
  write(value);
  return new Uint8Array(out);
}
