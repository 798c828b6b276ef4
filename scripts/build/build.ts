/**
 * npm run build: ingest → astro build → RIS/BibTeX files → search index.
 *
 * The astro stage runs one `astro build` per core side by side, each rendering
 * a share of the pages, and merges them (scripts/build/astroParts.ts);
 * `ARCHIVE_BUILD_PARTS=1` makes it a single `astro build`.
 *
 * Reads pages from `seeds/` (or `$SEEDS_DIR`), writes the site to `dist/`
 * (or `$ARCHIVE_OUT_DIR`) and its search index to `dist/pagefind/`, in shards
 * of `$SEARCH_SHARD_SIZE` articles (default 1,000). Each stage prints its wall time.
 * The site is built into `<outDir>.next` and replaces the output only when every
 * stage succeeded (scripts/build/swapDir.ts): a failed build leaves the last one whole.
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { nextDir, swapIn } from './swapDir.ts';
import { buildSite, buildSiteParts } from './astroParts.ts';
import { writeReferenceFiles } from './referenceFiles.ts';
import { ingestDirectory } from '../ingest/ingestDirectory.ts';
import { buildSearchIndex } from '../indexer/searchIndex.ts';

const root = resolve(import.meta.dirname, '../..');
const seedsDir = resolve(process.env.SEEDS_DIR ?? 'seeds');
const contentDir = resolve(process.env.ARCHIVE_CONTENT_DIR ?? 'src/content/articles');
const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');
const buildDir = nextDir(outDir);

/** Stops the build, leaving the previous output as it was. */
async function stop(message: string): Promise<never> {
  console.error(message);
  await rm(buildDir, { recursive: true, force: true });
  process.exit(1);
}

async function stage<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  console.log(`build: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  return result;
}

const summary = await stage('ingest', () =>
  ingestDirectory({ seedsDir, outDir: contentDir, cacheDir: resolve('.cache/ingest') }),
);
for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
for (const error of summary.errors) console.error(`error: ${error}`);
console.log(`build: ${summary.articlesWritten} articles from ${summary.pagesRead} pages in ${seedsDir}`);
if (summary.errors.length > 0) await stop('build: stopped: some pages could not be read (see the errors above)');

await stage('astro', async () => {
  try {
    await buildSite({
      root,
      outDir: buildDir,
      parts: buildSiteParts(),
      env: { ...process.env, ARCHIVE_CONTENT_DIR: contentDir },
    });
  } catch (error) {
    await stop(
      `build: astro build failed: ${error instanceof Error ? error.message : String(error)}; ${outDir} is unchanged`,
    );
  }
});

// RIS and BibTeX files, written here rather than rendered by Astro (see referenceFiles.ts); SITE_URL as Astro reads it.
await stage('references', () => writeReferenceFiles(contentDir, buildDir, process.env.SITE_URL));

// SEARCH_SHARD_SIZE: articles per search shard (CI uses a small one so the seeds make several shards).
const shardSize = process.env.SEARCH_SHARD_SIZE ? Number(process.env.SEARCH_SHARD_SIZE) : undefined;
const index = await stage('index', () =>
  buildSearchIndex({
    distDir: buildDir,
    log: (line) => console.log(`index: ${line}`),
    ...(shardSize ? { shardSize } : {}),
  }).catch((error: unknown) =>
    stop(
      `build: search index failed: ${error instanceof Error ? error.message : String(error)}; ${outDir} is unchanged`,
    ),
  ),
);
await swapIn(buildDir, outDir);
console.log(
  `build: search index of ${index.pages} articles, ${index.files} files, ${(index.bytes / 1024).toFixed(0)} kB`,
);
