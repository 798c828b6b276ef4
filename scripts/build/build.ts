/**
 * npm run build: ingest → astro build → search index.
 *
 * The astro stage runs one `astro build` per core side by side, each rendering
 * a share of the pages, and merges them (scripts/build/astroParts.ts);
 * `ARCHIVE_BUILD_PARTS=1` makes it a single `astro build`.
 *
 * Reads pages from `seeds/` (or `$SEEDS_DIR`), writes the site to `dist/`
 * (or `$ARCHIVE_OUT_DIR`) and its search index to `dist/pagefind/`, in shards
 * of `$SEARCH_SHARD_SIZE` articles (default 1,000). Each stage prints its wall time.
 */
import { resolve } from 'node:path';
import { buildSite, buildSiteParts } from './astroParts.ts';
import { ingestDirectory } from '../ingest/ingestDirectory.ts';
import { buildSearchIndex } from '../indexer/searchIndex.ts';

const root = resolve(import.meta.dirname, '../..');
const seedsDir = resolve(process.env.SEEDS_DIR ?? 'seeds');
const contentDir = resolve(process.env.ARCHIVE_CONTENT_DIR ?? 'src/content/articles');
const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? 'dist');

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
if (summary.errors.length > 0) {
  console.error('build: stopped: some pages could not be read (see the errors above)');
  process.exit(1);
}

await stage('astro', async () => {
  try {
    await buildSite({
      root,
      outDir,
      parts: buildSiteParts(),
      env: { ...process.env, ARCHIVE_CONTENT_DIR: contentDir },
    });
  } catch (error) {
    console.error(`build: astro build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
});

// SEARCH_SHARD_SIZE: articles per search shard (CI uses a small one so the seeds make several shards).
const shardSize = process.env.SEARCH_SHARD_SIZE ? Number(process.env.SEARCH_SHARD_SIZE) : undefined;
const index = await stage('index', () =>
  buildSearchIndex({
    distDir: outDir,
    log: (line) => console.log(`index: ${line}`),
    ...(shardSize ? { shardSize } : {}),
  }),
);
console.log(
  `build: search index of ${index.pages} articles, ${index.files} files, ${(index.bytes / 1024).toFixed(0)} kB`,
);
