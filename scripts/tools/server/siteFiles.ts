/**
 * Which file a request path names, as a static host maps it: `/dir/` is
 * `dir/index.html`, `/dir` redirects to `/dir/` when that exists, and nothing
 * outside the served folders is ever reached. Besides the site's root, folders
 * may be mounted at a path prefix (the search evaluation serves its own page
 * at `/__eval/` beside the site).
 */
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export interface SiteFolders {
  /** The site: what `/` serves. */
  root: string;
  /** URL prefix (`/__eval/`, with both slashes) → the folder served under it. */
  mounts?: Readonly<Record<string, string>>;
}

export type Lookup = { file: string } | { redirect: string } | undefined;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The folder a decoded path is served from, and the path within it (starting with `/`): the longest mount wins. */
export function folderFor(folders: SiteFolders, path: string): { dir: string; rest: string } {
  const prefix = Object.keys(folders.mounts ?? {})
    .filter((p) => path.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (prefix === undefined) return { dir: folders.root, rest: path };
  return { dir: folders.mounts?.[prefix] ?? folders.root, rest: path.slice(prefix.length - 1) };
}

/**
 * The file a percent-decoded URL path names: `{ file }`, `{ redirect }` to the path with a slash when only
 * `path/index.html` exists, or undefined (missing, or outside the folders: `..`, NUL).
 */
export function lookupPath(folders: SiteFolders, path: string): Lookup {
  if (!path.startsWith('/') || path.includes('\0')) return undefined;
  const { dir, rest } = folderFor(folders, path);
  const base = resolve(dir);
  const target = resolve(base, `.${rest}`);
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  if (rest.endsWith('/')) {
    const index = join(target, 'index.html');
    return isFile(index) ? { file: index } : undefined;
  }
  if (isFile(target)) return { file: target };
  if (isFile(join(target, 'index.html'))) return { redirect: `${path}/` };
  return undefined;
}

/** A path as a `Location` header carries it: each segment percent-encoded again. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
