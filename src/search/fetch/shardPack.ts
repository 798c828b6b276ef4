/**
 * A shard's index chunks and fragments in one file, so that a query's chunks,
 * and a page of results, each cost one multi-range request instead of one
 * request a file (docs/search.md, "Packs"). `shard.pack` holds the files one
 * after another: the chunks in the order `shard.meta` lists them (Pagefind's
 * words re-cut by the indexer), then the fragments in page order, all gzip as
 * Pagefind writes its files; `shard.pack.idx` holds their lengths. The same files are also written one by one, named by number
 * (`chunkFile`, `fragmentFile`), for hosts without multi-range.
 */
import { sliceParts, type ByteRange, type RangePart } from './byteRanges.ts';

export const PACK_FILE = 'shard.pack';
export const PACK_INDEX = 'shard.pack.idx';
/**
 * The shard's page list: Pagefind's `pf_meta` without the page hashes (half of
 * its bytes, naming files that are numbered instead), with the pack's chunks.
 */
export const PACK_META = 'shard.meta';

/** Chunk `n` of `shard.meta`'s list as a file of its own (for hosts that serve no byte ranges, or a lone chunk). */
export const chunkFile = (n: number): string => `chunk/${n}.pf_index`;
/** The fragment of page `n`, as a file of its own. */
export const fragmentFile = (n: number): string => `fragment/${n}.pf_fragment`;

const VERSION = 1;
/**
 * The index starts with a version byte and a spare one. The probe asks for
 * byte 0 and bytes 2– as two ranges: a gap a server can't merge across, so
 * only a server that serves several ranges at once answers with both.
 */
export const PACK_INDEX_PROBE: readonly ByteRange[] = [{ start: 0, end: 0 }, { start: 2 }];

/** Where each file (chunks first, then fragments) lies in the pack. */
export class PackIndex {
  private readonly offsets: number[];

  constructor(lengths: readonly number[]) {
    this.offsets = [0];
    for (const length of lengths) this.offsets.push(this.offsets[this.offsets.length - 1] + length);
  }

  get files(): number {
    return this.offsets.length - 1;
  }

  range(file: number): ByteRange | undefined {
    if (!(file >= 0 && file < this.files)) return undefined;
    return { start: this.offsets[file], end: this.offsets[file + 1] - 1 };
  }
}

/** The index file for files of these byte lengths, in pack order. */
export function encodePackIndex(lengths: readonly number[]): Uint8Array {
  const out = [VERSION, 0];
  for (const length of lengths) {
    if (!(Number.isInteger(length) && length > 0))
      throw new Error(`fragment length ${length} is not a positive integer`);
    // LEB128: seven bits a byte, low first, the high bit set on all but the last.
    let n = length;
    while (n >= 0x80) {
      out.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    out.push(n);
  }
  return new Uint8Array(out);
}

/** Reads a whole index file. */
export function decodePackIndex(file: Uint8Array): PackIndex {
  if (file[0] !== VERSION) throw new Error(`${PACK_INDEX}: version ${file[0]}, expected ${VERSION}`);
  return new PackIndex(decodeLengths(file.subarray(2)));
}

/** Reads the index from the probe's two parts; undefined when they do not hold it. */
export function packIndexFromProbe(parts: readonly RangePart[]): PackIndex | undefined {
  const version = sliceParts(parts, PACK_INDEX_PROBE[0]);
  const lengths = sliceParts(parts, PACK_INDEX_PROBE[1]);
  if (!version || !lengths || version[0] !== VERSION) return undefined;
  return new PackIndex(decodeLengths(lengths));
}

function decodeLengths(bytes: Uint8Array): number[] {
  const lengths: number[] = [];
  let value = 0;
  let scale = 1;
  for (const byte of bytes) {
    value += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
    } else {
      lengths.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (scale !== 1) throw new Error(`${PACK_INDEX}: the last length is cut short`);
  return lengths;
}
