/**
 * A hash of what decides how a page is parsed: the parser's own modules (found
 * by following relative imports from its entry), the data files it reads and
 * the versions of the packages it imports. Changing any of them invalidates
 * the ingest cache; changing code the parser never imports does not.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

export function rulesFingerprint(inputs: FingerprintInputs): string {
  const hash = createHash('sha256');
  const seen = new Set<string>();
  const packages = new Set<string>(inputs.packages);
  const root = dirname(resolve(inputs.entry));
  const queue = [resolve(inputs.entry)];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    hash.update(`module ${relative(root, path)}\n`).update(source);
    for (const specifier of importSpecifiers(source)) {
      const pkg = packageName(specifier);
      if (pkg) packages.add(pkg);
      else if (specifier.startsWith('.')) queue.push(resolve(dirname(path), specifier));
    }
  }
  for (const dir of inputs.dataDirs) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ya?ml|txt)$/u.test(name)) continue;
      hash.update(`data ${name}\n`).update(readFileSync(join(dir, name)));
    }
  }
  for (const pkg of [...packages].sort()) {
    const manifest = join(inputs.nodeModules, pkg, 'package.json');
    const version = existsSync(manifest)
      ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version
      : '';
    hash.update(`package ${pkg}@${version ?? ''}\n`);
  }
  return hash.digest('hex');
}
