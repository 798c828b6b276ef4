import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSiteParts, mergeTree, partHeapMb, staggerParts } from '../../scripts/lib/astroParts.ts';

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'astro-parts-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function tree(root: string, files: Record<string, string>): Promise<string> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

async function list(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(root.length + 1)] = await readFile(path, 'utf8');
    }
  }
  return out;
}

describe('mergeTree', () => {
  it('moves the files and folders the target lacks and keeps identical ones', async () => {
    const target = await tree(join(work, 'p0'), {
      'index.html': 'home',
      '_astro/a.css': 'css',
      'articles/a/index.html': 'a',
    });
    const source = await tree(join(work, 'p1'), {
      'index.html': 'home',
      '_astro/a.css': 'css',
      '_astro/b.js': 'js',
      'articles/b/index.html': 'b',
      'dates/2015/index.html': '2015',
    });
    const result = await mergeTree(target, source);
    expect(result).toEqual({ moved: 3, shared: 2, conflicts: [] });
    expect(await list(target)).toEqual({
      'index.html': 'home',
      '_astro/a.css': 'css',
      '_astro/b.js': 'js',
      'articles/a/index.html': 'a',
      'articles/b/index.html': 'b',
      'dates/2015/index.html': '2015',
    });
  });

  it('reports every path two parts wrote with different bytes, and a file against a folder', async () => {
    const target = await tree(join(work, 'p0'), { 'index.html': 'home', 'rss.xml': 'x', 'a/index.html': 'a' });
    const source = await tree(join(work, 'p1'), { 'index.html': 'HOME', 'rss.xml': 'x', a: 'file' });
    const result = await mergeTree(target, source);
    expect(result.conflicts.sort()).toEqual(['a', 'index.html']);
    expect(await readFile(join(target, 'index.html'), 'utf8')).toBe('home');
  });
});

describe('buildSiteParts', () => {
  it('reads a whole number of parts and refuses anything else', () => {
    expect(buildSiteParts('3')).toBe(3);
    expect(buildSiteParts('')).toBeGreaterThanOrEqual(1);
    for (const bad of ['0', '-1', '1.5', 'two']) expect(() => buildSiteParts(bad)).toThrow(/parts/);
  });
});

describe('partHeapMb', () => {
  it('grows with the archive, from a floor that fits a small site', () => {
    expect(partHeapMb(0)).toBe(768);
    expect(partHeapMb(10_000)).toBeGreaterThanOrEqual(1280);
    expect(partHeapMb(100_000)).toBeGreaterThan(partHeapMb(10_000) * 4);
  });
  it('makes room to parse a content cache left by a larger archive', () => {
    const cache = 500 * 2 ** 20;
    expect(partHeapMb(27, cache)).toBeGreaterThanOrEqual(partHeapMb(27) + 2000);
  });
});

describe('staggerParts', () => {
  const GB = 1e9;
  it('starts parts together while their start-up peaks fit easily in memory', () => {
    expect(staggerParts(27, 2, 24 * GB)).toBe(false);
    expect(staggerParts(10_000, 2, 24 * GB)).toBe(false);
  });

  it('starts them in turn for a large archive, or a small machine', () => {
    expect(staggerParts(100_000, 2, 24 * GB)).toBe(true);
    expect(staggerParts(30_000, 2, 8 * GB)).toBe(true);
    expect(staggerParts(30_000, 2, 24 * GB)).toBe(false);
  });

  it('has nothing to stagger with one part', () => {
    expect(staggerParts(1_000_000, 1, 24 * GB)).toBe(false);
  });
});
