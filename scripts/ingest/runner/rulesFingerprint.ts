/**
 * A hash of what decides how a page is parsed: the parser's own modules (found
 * by following relative imports from its entry), the data files it reads and
 * the versions of the packages it imports. Changing any of them invalidates
 * the ingest cache; changing code the parser never imports does not.
 *
 * Reading and hashing all of that costs a small run a few milliseconds, so the
 * fingerprint can be kept with the size, mtime and ctime each file and folder
 * had when it was read (any write changes ctime, which no tool can set back),
 * and is worked out again only when one of them differs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The module specifiers a source file imports or re-exports, static or dynamic. */
export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/gu)) found.add(match[1]);
  return [...found];
}

/** The package a bare specifier names: `yaml` → yaml, `@scope/pkg/sub` → @scope/pkg; none for node: or relative ones. */
export function packageName(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export interface FingerprintInputs {
  /** The parser's entry module. */
  entry: string;
  /** Folders whose `.yaml`/`.txt` files the parser reads. */
  dataDirs: string[];
  /** Where package folders are found. */
  nodeModules: string;
  /** Packages whose files the parser reads without importing them. */
  packages?: string[];
}

/**
 * The fingerprint of `inputs`: the one kept at `memoPath` while every file
 * and folder it was worked out from is as it was then, else worked out now
 * (and kept there).
 */
export function rulesFingerprint(inputs: FingerprintInputs, memoPath?: string): string {
  const header = `rules-memo\t${JSON.stringify(inputs)}`;
  let memo: string[] = [];
  try {
    memo = memoPath ? readFileSync(memoPath, 'utf8').split('\n') : [];
  } catch {
    // None yet.
  }
  // Header, fingerprint, then a path and its stamp a line; the memo ends with an empty line when whole.
  const stamps = memo.slice(2, -1);
  const fresh =
    memo[0] === header &&
    memo.at(-1) === '' &&
    stamps.length > 0 &&
    stamps.every((line) => {
      const tab = line.indexOf('\t');
      return tab > 0 && stampOf(line.slice(0, tab)) === line.slice(tab + 1);
    });
  if (fresh) return memo[1];
  const read: string[] = [];
  const fingerprint = hashRules(inputs, (path) => read.push(`${path}\t${stampOf(path)}`));
  if (memoPath) {
    mkdirSync(dirname(memoPath), { recursive: true });
    writeFileSync(`${memoPath}.${process.pid}.tmp`, [header, fingerprint, ...read, ''].join('\n'));
    renameSync(`${memoPath}.${process.pid}.tmp`, memoPath);
  }
  return fingerprint;
}

/** A path's size, mtime and ctime, `-` when there is nothing there. */
function stampOf(path: string): string {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat ? `${stat.size}\t${stat.mtimeMs}\t${stat.ctimeMs}` : '-';
}

/** Works the fingerprint out, calling `reading` with each file and folder just before it is read. */
function hashRules(inputs: FingerprintInputs, reading: (path: string) => void): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const packages = new Set<string>(inputs.packages);
  const root = dirname(resolve(inputs.entry));
  const queue = [resolve(inputs.entry)];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    reading(path);
    const source = readFileSync(path, 'utf8');
    hash.update(`module ${relative(root, path)}\n`).update(source);
    for (const specifier of importSpecifiers(source)) {
      const pkg = packageName(specifier);
      if (pkg) packages.add(pkg);
      else if (specifier.startsWith('.')) queue.push(resolve(dirname(path), specifier));
    }
  }
  for (const dir of inputs.dataDirs) {
    reading(dir);
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ya?ml|txt)$/u.test(name)) continue;
      reading(join(dir, name));
      hash.update(`data ${name}\n`).update(readFileSync(join(dir, name)));
    }
  }
  for (const pkg of [...packages].sort()) {
    const manifest = join(inputs.nodeModules, pkg, 'package.json');
    reading(manifest);
    const version = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
      : '';
    hash.update(`package ${pkg}@${version ?? ''}\n`);
  }
  return hash.digest('hex');
}
