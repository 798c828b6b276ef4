/**
 * Content-derived names for a shard's folder: every file the browser may read
 * from it then has a URL that changes whenever its bytes do, so a host can let
 * browsers keep them for a year (docs/deploy.md). Pagefind names its own chunk,
 * fragment and filter files by content already; `shard.pack`, `shard.pack.idx`
 * and `shard.meta` are fixed names, which the folder's name now covers.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** A hash of every file under `dir`, names and bytes, in a stable order. */
export function folderHash(dir: string): string {
  const hash = createHash('sha256');
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    hash.update(file.slice(dir.length));
    hash.update('\0');
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Renames `<parent>/<n>/` to `<parent>/<n>-<content hash>/` and returns the new name with its slash. */
export function nameByContent(parent: string, n: number): string {
  const name = `${n}-${folderHash(join(parent, String(n)))}`;
  renameSync(join(parent, String(n)), join(parent, name));
  return `${name}/`;
}
