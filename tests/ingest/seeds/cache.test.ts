/**
 * The ingest cache: a second run parses nothing and writes nothing, a new page
 * is the only one parsed, and whatever the cache holds, the output is the
 * output of a run without it.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestDirectory } from '../../../scripts/ingest/ingestDirectory.ts';
import { ingestTo, SEEDS_DIR, tempDir } from './helpers.ts';

const seeds = () => readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

/** A seeds folder with the given seed pages. */
function folderWith(files: string[]): string {
  const dir = tempDir('cache-seeds');
  for (const file of files) copyFileSync(join(SEEDS_DIR, file), join(dir, file));
  return dir;
}

const snapshot = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);

describe('ingest cache', () => {
  it('parses nothing and writes nothing on a second run', async () => {
    const dir = folderWith(seeds());
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    const first = await ingestTo(dir, out, cache);
    expect(first.summary.pagesParsed).toBe(seeds().length);
    const mtimes = readdirSync(out).map((name) => statSync(join(out, name)).mtimeMs);
    const second = await ingestTo(dir, out, cache);
    expect(second.summary).toMatchObject({ pagesParsed: 0, pagesFromCache: seeds().length, filesChanged: 0 });
    expect(second.summary.articlesWritten).toBe(first.summary.articlesWritten);
    expect(readdirSync(out).map((name) => statSync(join(out, name)).mtimeMs)).toEqual(mtimes);
    expect(second.articles.map((a) => a.raw)).toEqual(first.articles.map((a) => a.raw));
  });

  it('parses only an added page, and writes what a run without the cache writes', async () => {
    const [added, ...rest] = seeds();
    const dir = folderWith(rest);
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    copyFileSync(join(SEEDS_DIR, added), join(dir, added));
    const { summary } = await ingestTo(dir, out, cache);
    expect(summary).toMatchObject({ pagesParsed: 1, pagesFromCache: rest.length, filesRemoved: 0 });
    const fresh = tempDir('fresh-out');
    await ingestTo(dir, fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });

  it('removes the files of a page that goes, and keeps the index right over runs that append to it', async () => {
    const [gone, ...rest] = seeds();
    const dir = folderWith([gone, ...rest]);
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    rmSync(join(dir, gone));
    const removed = await ingestTo(dir, out, cache);
    expect(removed.summary).toMatchObject({ pagesParsed: 0, filesChanged: 0 });
    expect(removed.summary.filesRemoved).toBeGreaterThan(0);
    // Back again, the page comes from its cache entry, which stays until a run that parses something.
    copyFileSync(join(SEEDS_DIR, gone), join(dir, gone));
    const back = await ingestTo(dir, out, cache);
    expect(back.summary).toMatchObject({ pagesParsed: 0, filesChanged: removed.summary.filesRemoved });
    const again = await ingestTo(dir, out, cache);
    expect(again.summary).toMatchObject({ pagesParsed: 0, pagesFromCache: seeds().length, filesChanged: 0 });
    const fresh = tempDir('fresh-out');
    await ingestTo(dir, fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });

  it('re-parses a page whose text or manifest entry changed, and only that page', async () => {
    const files = seeds();
    const dir = folderWith(files);
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    writeFileSync(join(dir, files[0]), `${readFileSync(join(dir, files[0]), 'utf8')}\n\n（下转第二版）\n`);
    expect((await ingestTo(dir, out, cache)).summary.pagesParsed).toBe(1);
    writeFileSync(join(dir, 'manifest.yaml'), `pages:\n  ${files[1]}: { date: 2020-04-17 }\n`);
    const { summary, articles } = await ingestTo(dir, out, cache);
    expect(summary.pagesParsed).toBe(1);
    expect(articles.filter((a) => a.frontMatter.source.file === files[1]).map((a) => a.frontMatter.date)).toEqual(
      expect.arrayContaining(['2020-04-17']),
    );
    const fresh = tempDir('fresh-out');
    await ingestTo(dir, fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });

  it('lets the content hash decide when a page file is touched, or rewritten with its times put back', async () => {
    const files = seeds();
    const dir = folderWith(files);
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    const touched = join(dir, files[0]);
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    expect((await ingestTo(dir, out, cache)).summary.pagesParsed).toBe(0);
    // Same size, mtime put back (to the resolution utimes allows), other bytes: the page is hashed again and parsed.
    const edited = join(dir, files[1]);
    const before = statSync(edited);
    const text = readFileSync(edited, 'utf8');
    const swapped = text.replace('衡', '阳').replace(/阳(?![\s\S]*阳)/u, '衡');
    expect(Buffer.byteLength(swapped)).toBe(before.size);
    expect(swapped).not.toBe(text);
    writeFileSync(edited, swapped);
    utimesSync(edited, before.atime, before.mtime);
    expect((await ingestTo(dir, out, cache)).summary.pagesParsed).toBe(1);
    const fresh = tempDir('fresh-out');
    await ingestTo(dir, fresh);
    expect(snapshot(out)).toEqual(snapshot(fresh));
  });

  it('restores a deleted output file from the cache without parsing, and removes a stray one', async () => {
    const dir = folderWith(seeds());
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    const before = snapshot(out);
    const [edited, deleted] = readdirSync(out).sort();
    writeFileSync(join(out, edited), 'hand-edited\n');
    rmSync(join(out, deleted));
    writeFileSync(join(out, 'stray.md'), 'not an article\n');
    const summary = await ingestDirectory({ seedsDir: dir, outDir: out, cacheDir: cache });
    expect(summary).toMatchObject({ pagesParsed: 0, filesChanged: 1, filesRemoved: 1 });
    // Outputs the index records are trusted as written: the hand edit stays until a run that verifies.
    expect(readFileSync(join(out, edited), 'utf8')).toBe('hand-edited\n');
    const verified = await ingestDirectory({ seedsDir: dir, outDir: out, cacheDir: cache, verifyOutputs: true });
    expect(verified).toMatchObject({ pagesParsed: 0, filesChanged: 1, filesRemoved: 0 });
    expect(snapshot(out)).toEqual(before);
  });

  it('writes a complete folder from the cache into another content folder', async () => {
    const dir = folderWith(seeds());
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    const other = tempDir('other-out');
    const { summary } = await ingestTo(dir, other, cache);
    expect(summary).toMatchObject({ pagesParsed: 0, filesRemoved: 0 });
    expect(snapshot(other)).toEqual(snapshot(out));
    // And back: the first folder is still complete.
    await ingestTo(dir, out, cache);
    expect(snapshot(out)).toEqual(snapshot(other));
  });

  it('parses again when the cache index or a cache entry is damaged', async () => {
    const dir = folderWith(seeds().slice(0, 2));
    const out = tempDir('cache-out');
    const cache = tempDir('cache');
    await ingestTo(dir, out, cache);
    const before = snapshot(out);
    writeFileSync(join(cache, 'index.txt'), '{ not an index');
    for (const name of readdirSync(join(cache, 'pages'))) writeFileSync(join(cache, 'pages', name), '[');
    rmSync(out, { recursive: true });
    const summary = await ingestDirectory({ seedsDir: dir, outDir: out, cacheDir: cache });
    expect(summary).toMatchObject({ pagesParsed: 2, errors: [] });
    expect(snapshot(out)).toEqual(before);
  });

  // Workers load TypeScript, so this runs the CLI with the project's own Node (the node@24 devDependency).
  const node = new URL('../../../node_modules/.bin/node', import.meta.url).pathname;
  it.runIf(existsSync(node))('writes the same bytes from worker threads as from one thread', () => {
    const cli = new URL('../../../scripts/ingest/ingest.ts', import.meta.url).pathname;
    const outputs = [0, 2].map((workers) => {
      const out = tempDir(`workers-${workers}`);
      const run = spawnSync(node, [cli, '--seeds', SEEDS_DIR, '--out', out, '--no-cache', '--workers', String(workers)], {
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      return snapshot(out);
    });
    expect(outputs[0].length).toBeGreaterThan(0);
    expect(outputs[1]).toEqual(outputs[0]);
  });
});
