/**
 * The parallel `astro build` (scripts/build/astroParts.ts) leans on Astro's
 * internals: where it bundles the pages to prerender, its content cache, what a
 * static route writes. An Astro upgrade that changes them must fail here, not
 * in production: the seeds built in one part and in three give the same site,
 * byte for byte. It builds the seeds twice (about a minute on 2 cores), into
 * folders of its own; dist/ is not touched.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { listFiles, REPO_ROOT } from './support/site.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'hyrb-build-parts-'));
const content = join(work, 'content');

/** Runs a repository script with this Node (24 under npm), failing with its output. */
async function script(path: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  try {
    await run(process.execPath, [join(REPO_ROOT, path), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${path} ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

async function buildInParts(parts: number): Promise<string> {
  const outDir = join(work, `dist-${parts}`);
  await script('scripts/build/build-site.ts', ['--parts', String(parts)], {
    ARCHIVE_CONTENT_DIR: content,
    ARCHIVE_OUT_DIR: outDir,
  });
  return outDir;
}

/** Files only in one tree, and files whose bytes differ. */
function compareTrees(a: string, b: string): { onlyIn1: string[]; onlyIn3: string[]; differ: string[] } {
  const [filesA, filesB] = [listFiles(a), listFiles(b)];
  const inB = new Set(filesB);
  const inA = new Set(filesA);
  return {
    onlyIn1: filesA.filter((f) => !inB.has(f)),
    onlyIn3: filesB.filter((f) => !inA.has(f)),
    differ: filesA.filter((f) => inB.has(f) && !readFileSync(join(a, f)).equals(readFileSync(join(b, f)))),
  };
}

before(async () => {
  await script('scripts/ingest/ingest.ts', ['--seeds', join(REPO_ROOT, 'seeds'), '--out', content]);
});
after(() => rmSync(work, { recursive: true, force: true }));

void test('the seeds built in 1 part and in 3 parts give byte-identical sites', async () => {
  const single = await buildInParts(1);
  const three = await buildInParts(3);
  const files = listFiles(single);
  assert.ok(files.includes('index.html') && files.some((f) => f.startsWith('articles/')), 'a site was built');
  // The driver writes the sitemap from every part's page list: it must list the pages the other parts rendered.
  assert.ok(files.includes('sitemap-index.xml'), 'with a sitemap');
  assert.deepEqual(compareTrees(single, three), { onlyIn1: [], onlyIn3: [], differ: [] });
});
