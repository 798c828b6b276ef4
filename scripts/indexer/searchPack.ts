/**
 * Packs a written shard's index chunks and fragments into one file with an
 * index of their lengths (src/search/fetch/shardPack.ts), so the browser can
 * fetch a query's chunks, or a page of results, in one multi-range request.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { decodeCbor, encodeCbor } from '../../src/search/pagefind/cbor.ts';
import { encodePackIndex, PACK_FILE, PACK_INDEX, PACK_META } from '../../src/search/fetch/shardPack.ts';
import { DECODED_MARK, parseMeta, payload } from '../../src/search/pagefind/format.ts';

/**
 * Writes `shard.pack`, `shard.pack.idx` and `shard.meta` next to the shard's
 * `<meta>.pf_meta`; returns the pack's size.
 */
export async function writeShardPack(dir: string, meta: string): Promise<number> {
  const metaFile = gunzipSync(await readFile(join(dir, `${meta}.pf_meta`)));
  const { chunks, pages } = parseMeta(metaFile);
  await writeFile(join(dir, PACK_META), withoutFileNames(metaFile));
  const paths = [
    ...chunks.map((c) => join(dir, 'index', `${c.hash}.pf_index`)),
    ...pages.map((p) => join(dir, 'fragment', `${p.hash}.pf_fragment`)),
  ];
  // One at a time and synchronously (this runs in an index worker): a shard has thousands of small files, more
  // than a process may hold open at once, and a thread-pool round trip per file cost more than reading it.
  const files = paths.map((path) => readFileSync(path));
  const pack = Buffer.concat(files);
  await writeFile(join(dir, PACK_FILE), pack);
  await writeFile(join(dir, PACK_INDEX), encodePackIndex(files.map((f) => f.length)));
  return pack.length;
}

/**
 * A `pf_meta` file (inflated) with every page's and chunk's hash emptied, gzipped as Pagefind writes its files.
 * The hashes only name the fragment and chunk files, which the packs replace, and as random hex they were most
 * of the compressed file.
 */
export function withoutFileNames(metaFile: Uint8Array): Buffer {
  const fields = decodeCbor(payload(metaFile));
  if (!Array.isArray(fields) || !Array.isArray(fields[1]) || !Array.isArray(fields[2]))
    throw new Error('pf_meta: no page or chunk list where expected');
  const slim = [...fields];
  slim[1] = fields[1].map((page) => {
    if (!Array.isArray(page)) throw new Error('pf_meta: a page is not a list');
    return ['', ...page.slice(1)];
  });
  slim[2] = fields[2].map((chunk) => {
    if (!Array.isArray(chunk) || chunk.length < 3) throw new Error('pf_meta: a chunk is not a list of three');
    return [chunk[0], chunk[1], '', ...chunk.slice(3)];
  });
  const cbor = encodeCbor(slim);
  return gzipSync(Buffer.concat([Buffer.from(DECODED_MARK), cbor]), { level: 9 });
}
