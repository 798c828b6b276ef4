/**
 * Packs a written shard's index chunks and fragments into one file with an
 * index of their lengths (src/search/fetch/shardPack.ts), so the browser can
 * fetch a query's chunks, or a page of results, in one multi-range request.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor } from '../../src/search/pagefind/cbor.ts';
import {
  chunkFile,
  encodePackIndex,
  fragmentFile,
  PACK_FILE,
  PACK_INDEX,
  PACK_META,
} from '../../src/search/fetch/shardPack.ts';
import { DECODED_MARK, parseMeta, payload } from '../../src/search/pagefind/format.ts';
import { cutChunks, encodeWordChunk, textWords, type PackedWord } from '../../src/search/pagefind/wordChunk.ts';

/**
 * About this many word locations in each chunk of the pack: a query's token
 * costs its chunk, so smaller chunks cost a query less, and the page list more
 * (a chunk's bounds are in it). Measured on the bench's archives in docs/search.md, "Packs".
 */
export const PACK_CHUNK_LOCATIONS = 1000;

/**
 * Turns the index Pagefind wrote in `dir` into what the browser reads:
 * `shard.meta` (its page list, without file names, and the re-cut chunks: see
 * src/search/pagefind/wordChunk.ts), the chunks as `chunk/<n>.pf_index`, the
 * fragments renamed `fragment/<page>.pf_fragment`, and all of them once more in
 * `shard.pack` with `shard.pack.idx`. Pagefind's own chunks and `pf_meta`, whose
 * hashes named those files, are removed: a host without ranges then reads the
 * same small page list, and numbered files. Returns the shard's words (those
 * found in some text), from which the token directory takes its keys.
 */
export async function writeShardPack(
  dir: string,
  meta: string,
  chunkLocations = PACK_CHUNK_LOCATIONS,
): Promise<PackedWord[]> {
  const metaFile = gunzipSync(await readFile(join(dir, `${meta}.pf_meta`)));
  const { chunks, pages } = parseMeta(metaFile);
  // One at a time and synchronously (this runs in an index worker): a shard has thousands of small files, more
  // than a process may hold open at once, and a thread-pool round trip per file cost more than reading it.
  const words = chunks.flatMap((c) => textWords(gunzipSync(readFileSync(join(dir, 'index', `${c.hash}.pf_index`)))));
  const cut = cutChunks(words, chunkLocations);
  await writeFile(join(dir, PACK_META), withoutFileNames(metaFile, cut));
  const chunkFiles = cut.map((c) => gzipSync(encodeWordChunk(c.words), { level: 9 }));
  mkdirSync(join(dir, dirname(chunkFile(0))));
  chunkFiles.forEach((bytes, n) => writeFileSync(join(dir, chunkFile(n)), bytes));
  const fragmentFiles = pages.map((p, n) => {
    const numbered = join(dir, fragmentFile(n));
    renameSync(join(dir, 'fragment', `${p.hash}.pf_fragment`), numbered);
    return readFileSync(numbered);
  });
  const files = [...chunkFiles, ...fragmentFiles];
  const pack = Buffer.concat(files);
  await writeFile(join(dir, PACK_FILE), pack);
  await writeFile(join(dir, PACK_INDEX), encodePackIndex(files.map((f) => f.length)));
  rmSync(join(dir, 'index'), { recursive: true });
  rmSync(join(dir, `${meta}.pf_meta`));
  rmSync(join(dir, 'pagefind-entry.json'));
  return words;
}

/**
 * A `pf_meta` file (inflated) with every page's hash emptied and the pack's
 * chunks in place of Pagefind's (no hashes either), gzipped as Pagefind writes
 * its files. The hashes only named Pagefind's fragment and chunk files, which
 * are numbered instead, and as random hex they were most of the compressed file.
 */
export function withoutFileNames(metaFile: Uint8Array, chunks: readonly { from: string; to: string }[]): Buffer {
  const fields = decodeCbor(payload(metaFile));
  if (!Array.isArray(fields) || !Array.isArray(fields[1]) || !Array.isArray(fields[2]))
    throw new Error('pf_meta: no page or chunk list where expected');
  const slim = [...fields];
  slim[1] = fields[1].map((page) => {
    if (!Array.isArray(page)) throw new Error('pf_meta: a page is not a list');
    return ['', ...page.slice(1)];
  });
  slim[2] = chunks.map((c) => [c.from, c.to, '']);
  const cbor = encodeCbor(slim);
  return gzipSync(Buffer.concat([Buffer.from(DECODED_MARK), cbor]), { level: 9 });
}
