import { describe, expect, it } from 'vitest';
import { emptyIndex, pageKey, sameStamp, validIndex, INDEX_VERSION } from '../../scripts/lib/ingestCache.ts';
import { workerCount, MIN_PAGES_PER_WORKER } from '../../scripts/lib/parsePool.ts';
import { importSpecifiers, packageName } from '../../scripts/lib/rulesFingerprint.ts';

describe('rules fingerprint inputs', () => {
  it('finds static, re-exported and dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'export { c } from "./c.ts";',
      "const d = await import('./d.ts');",
      "import nodejieba from 'nodejieba';",
      "// from the page's text",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', 'nodejieba']);
  });

  it('names the package of a bare specifier only', () => {
    expect(packageName('yaml')).toBe('yaml');
    expect(packageName('remark-stringify/lib/x.js')).toBe('remark-stringify');
    expect(packageName('@astrojs/markdown-remark/dist')).toBe('@astrojs/markdown-remark');
    expect(packageName('node:fs')).toBeUndefined();
    expect(packageName('./text.ts')).toBeUndefined();
  });
});

describe('cache index', () => {
  const page = { bytes: 'b', text: 't', encoding: 'utf-8', facts: '{}', key: 'k', warnings: [], outputs: [] };

  it('keys a page by rules, name, manifest entry and text', () => {
    const key = pageKey('r', 'a.txt', '{}', 't');
    expect(pageKey('r', 'a.txt', '{}', 't')).toBe(key);
    expect(new Set([pageKey('r2', 'a.txt', '{}', 't'), pageKey('r', 'b.txt', '{}', 't')])).not.toContain(key);
    expect(pageKey('r', 'a.txt', '{"page":1}', 't')).not.toBe(key);
    expect(pageKey('r', 'a.txt', '{}', 't2')).not.toBe(key);
  });

  it('drops an index made with other rules, of another version or not an index at all', () => {
    const index = { version: INDEX_VERSION, rules: 'r', outDir: '/out', pages: { 'a.txt': page } };
    expect(validIndex(index, 'r', '/out').pages).toHaveProperty('a.txt');
    expect(validIndex(index, 'other', '/out')).toEqual(emptyIndex('other', '/out'));
    expect(validIndex({ ...index, version: 0 }, 'r', '/out')).toEqual(emptyIndex('r', '/out'));
    expect(validIndex(null, 'r', '/out')).toEqual(emptyIndex('r', '/out'));
  });

  it('trusts a recorded page hash only while size, mtime and ctime are all unchanged', () => {
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.5, 2000.25])).toBe(true);
    expect(sameStamp([10, 1000.5, 2000.25], [11, 1000.5, 2000.25])).toBe(false);
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.6, 2000.25])).toBe(false);
    // mtime put back after a write: ctime still tells.
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.5, 3000])).toBe(false);
  });

  it('starts afresh for another content folder, whose files its output records do not describe', () => {
    const outputs: [string, string, number, number][] = [['x.md', 'h', 1, 2]];
    const index = { version: INDEX_VERSION, rules: 'r', outDir: '/out', pages: { 'a.txt': { ...page, outputs } } };
    expect(validIndex(structuredClone(index), 'r', '/out').pages['a.txt']?.outputs).toEqual(outputs);
    expect(validIndex(structuredClone(index), 'r', '/elsewhere')).toEqual(emptyIndex('r', '/elsewhere'));
  });
});

describe('worker count', () => {
  it('starts no workers for a few pages, one core, or where workers cannot load TypeScript', () => {
    expect(workerCount(8, 2, true)).toBe(0);
    expect(workerCount(2000, 1, true)).toBe(0);
    expect(workerCount(2000, 2, false)).toBe(0);
  });

  it('starts one a core for many pages, within the cap', () => {
    expect(workerCount(2000, 2, true)).toBe(2);
    expect(workerCount(2000, 16, true, 4)).toBe(4);
    expect(workerCount(3 * MIN_PAGES_PER_WORKER, 8, true)).toBe(3);
  });
});
