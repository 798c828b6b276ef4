/**
 * Packs a written shard's fragments into one file with an index of their
 * lengths (src/lib/search/fragmentPack.ts), so the browser can fetch a page of
 * results in one multi-range request.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { encodePackIndex, PACK_FILE, PACK_INDEX } from '../../src/lib/search/fragmentPack.ts';
import { parseMeta } from '../../src/lib/search/pagefindFormat.ts';

/** Writes `fragments.pack` and `fragments.idx` next to the shard's `<meta>.pf_meta`; returns the pack's size. */
export async function writeFragmentPack(dir: string, meta: string): Promise<number> {
  const { pages } = parseMeta(gunzipSync(await readFile(join(dir, `${meta}.pf_meta`))));
  // One at a time: a shard has thousands of fragments, more than a process may hold open at once.
  const fragments: Buffer[] = [];
  for (const page of pages) fragments.push(await readFile(join(dir, 'fragment', `${page.hash}.pf_fragment`)));
  const pack = Buffer.concat(fragments);
  await writeFile(join(dir, PACK_FILE), pack);
  await writeFile(join(dir, PACK_INDEX), encodePackIndex(fragments.map((f) => f.length)));
  return pack.length;
}
