/**
 * Packs a written shard's index chunks and fragments into one file with an
 * index of their lengths (src/lib/search/shardPack.ts), so the browser can
 * fetch a query's chunks, or a page of results, in one multi-range request.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodePackIndex, PACK_FILE, PACK_INDEX } from '../../src/lib/search/shardPack.ts';
import { parseMeta } from '../../src/lib/search/pagefindFormat.ts';

/** Writes `shard.pack` and `shard.pack.idx` next to the shard's `<meta>.pf_meta`; returns the pack's size. */
export async function writeShardPack(dir: string, meta: string): Promise<number> {
  const { chunks, pages } = parseMeta(gunzipSync(await readFile(join(dir, `${meta}.pf_meta`))));
  const paths = [
    ...chunks.map((c) => join(dir, 'index', `${c.hash}.pf_index`)),
    ...pages.map((p) => join(dir, 'fragment', `${p.hash}.pf_fragment`)),
  ];
  // One at a time: a shard has thousands of files, more than a process may hold open at once.
  const files: Buffer[] = [];
  for (const path of paths) files.push(await readFile(path));
  const pack = Buffer.concat(files);
  await writeFile(join(dir, PACK_FILE), pack);
  await writeFile(join(dir, PACK_INDEX), encodePackIndex(files.map((f) => f.length)));
  return pack.length;
}
