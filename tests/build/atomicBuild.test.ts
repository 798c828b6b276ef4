import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextDir, swapIn } from '../../scripts/build/swapDir.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'atomic-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a failed build', () => {
  it('leaves the previous dist/ whole when the astro stage fails', () => {
    const seeds = join(work, 'seeds');
    mkdirSync(seeds);
    const seed = readdirSync(join(ROOT, 'seeds')).find((f) => f.endsWith('.txt'))!;
    cpSync(join(ROOT, 'seeds', seed), join(seeds, seed));
    const dist = join(work, 'dist');
    mkdirSync(join(dist, 'articles'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), 'the previous build');
    // An invalid site URL makes Astro's config check, and so the astro stage, fail.
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build/build.ts')], {
      cwd: work,
      env: {
        ...process.env,
        SEEDS_DIR: seeds,
        ARCHIVE_CONTENT_DIR: join(work, 'content'),
        ARCHIVE_OUT_DIR: dist,
        ARCHIVE_BUILD_PARTS: '1',
        SITE_URL: 'not a url',
      },
      encoding: 'utf8',
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/astro build failed/u);
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('the previous build');
    expect(existsSync(join(dist, 'articles'))).toBe(true);
    expect(existsSync(nextDir(dist))).toBe(false);
  }, 120_000);
});

describe('swapIn', () => {
  it('puts the new build in place of the old, and works when there was none', async () => {
    const out = join(work, 'swap');
    for (const round of ['first', 'second']) {
      mkdirSync(nextDir(out), { recursive: true });
      writeFileSync(join(nextDir(out), 'v'), round);
      await swapIn(nextDir(out), out);
      expect(readFileSync(join(out, 'v'), 'utf8')).toBe(round);
      expect(existsSync(nextDir(out))).toBe(false);
    }
    expect(readdirSync(work).filter((n) => n.startsWith('swap.old'))).toEqual([]);
  });
});
