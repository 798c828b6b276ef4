import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildSite,
  buildSiteParts,
  mergeTree,
  partHeapMb,
  SHARED_WRITE_RACE,
  staggerParts,
} from '../../scripts/build/astroParts.ts';

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

describe('buildSite', () => {
  // Stands in for `astro build`: part 1 fails the first time as Astro does when two content syncs
  // rename .astro/content-assets.mjs.tmp at once, or always when FAIL_FOR_REAL is set.
  const FAKE_ASTRO = `
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const [k] = process.env.ARCHIVE_BUILD_PART.split('/');
const marker = join(process.env.ARCHIVE_CACHE_DIR, 'tried');
if (k === '1' && (process.env.FAIL_FOR_REAL || !existsSync(marker))) {
  writeFileSync(marker, '');
  console.error(process.env.FAIL_FOR_REAL ? 'Error: a real failure' :
    "ENOENT: no such file or directory, rename '/p/.astro/content-assets.mjs.tmp' -> '/p/.astro/content-assets.mjs'");
  process.exit(1);
}
mkdirSync(process.env.ARCHIVE_OUT_DIR, { recursive: true });
writeFileSync(join(process.env.ARCHIVE_OUT_DIR, 'part-' + k + '.html'), k);
writeFileSync(process.env.ARCHIVE_PAGE_LIST, JSON.stringify({ pathnames: ['/' + k + '/'] }));
`;

  async function project(): Promise<string> {
    const root = join(work, 'project');
    await tree(root, { 'node_modules/astro/bin/astro.mjs': FAKE_ASTRO, 'src/content/articles/a.md': '' });
    return root;
  }

  it('recognises the race in Astro’s message', () => {
    expect(
      SHARED_WRITE_RACE.test(
        "ENOENT: no such file or directory, rename '/w/.astro/content-assets.mjs.tmp' -> '/w/.astro/content-assets.mjs'",
      ),
    ).toBe(true);
    expect(SHARED_WRITE_RACE.test("ENOENT: no such file or directory, open '/w/src/pages/x.astro'")).toBe(false);
  });

  it('runs a part again when it lost the race for .astro/, and merges both parts', async () => {
    const root = await project();
    const lines: string[] = [];
    const outDir = join(work, 'dist');
    await buildSite({ root, outDir, parts: 2, env: { ...process.env }, log: (l) => lines.push(l) });
    expect(Object.keys(await list(outDir)).sort()).toEqual(['part-0.html', 'part-1.html']);
    expect(lines.filter((l) => /running it again/u.test(l))).toHaveLength(1);
  });

  it('does not run a part again for any other failure', async () => {
    const root = await project();
    const lines: string[] = [];
    const build = buildSite({
      root,
      outDir: join(work, 'dist'),
      parts: 2,
      env: { ...process.env, FAIL_FOR_REAL: '1' },
      log: (l) => lines.push(l),
    });
    await expect(build).rejects.toThrow(/1\/2/u);
    expect(lines.some((l) => /running it again/u.test(l))).toBe(false);
  });
});
