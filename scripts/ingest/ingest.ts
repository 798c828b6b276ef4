/**
 * npm run ingest -- [--seeds <dir>] [--out <dir>] [--cache <dir> | --no-cache] [--workers N] [--verify] [--review <file>]
 *
 * Parses raw page files into Markdown articles for the site. Prints what it
 * read and wrote; exits 1 when any page could not be read. `--workers 0`
 * parses in one thread; by default many pages are spread over one worker a core.
 * `--verify` also restores output files edited by hand (see docs/ingest.md). Writes the editor's review report
 * to `--review` (default `<cache>/review.html`).
 */
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

// Not imported: the ESM wrapper of node:util reads every export, loading the lazy ones (diff, colours…) for nothing.
const { parseArgs } = process.getBuiltinModule('node:util');

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: process.env.SEEDS_DIR ?? 'seeds' },
    out: { type: 'string', default: process.env.ARCHIVE_CONTENT_DIR ?? 'src/content/articles' },
    cache: { type: 'string', default: '.cache/ingest' },
    'no-cache': { type: 'boolean', default: false },
    workers: { type: 'string' },
    verify: { type: 'boolean', default: false },
    review: { type: 'string' },
  },
});

const workers = values.workers === undefined ? undefined : Number(values.workers);
if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
  console.error(`ingest: --workers must be a whole number, not ${values.workers}`);
  process.exit(2);
}
// Node keeps the compiled (and type-stripped) modules with the ingest cache, so a small run starts faster. Worker
// threads read the variable when they start: a full run's workers compile the parser that a small run then loads.
// Enabled here it covers the modules imported from now on; `npm run ingest` also sets the variable before Node
// starts, which covers this file too and spares loading the TypeScript stripper at all (about 30 ms of a day's run).
if (!values['no-cache']) {
  process.env.NODE_COMPILE_CACHE = join(values.cache, 'compile');
  enableCompileCache(process.env.NODE_COMPILE_CACHE);
}
const { ingestDirectory } = await import('./ingestDirectory.ts');
const started = performance.now();
const summary = await ingestDirectory({
  seedsDir: values.seeds,
  outDir: values.out,
  ...(values['no-cache'] ? {} : { cacheDir: values.cache }),
  ...(workers === undefined ? {} : { workers }),
  verifyOutputs: values.verify,
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
// The editor's report of doubtful items (docs/ingest.md, "Review and correct"), rewritten when a page was rendered.
const reviewPath = values.review ?? join(values.cache, 'review.html');
const reviewData = values['no-cache'] ? undefined : join(values.cache, 'review.json');
if (summary.records.size > 0 || !existsSync(reviewPath)) {
  const { recordReader, writeReview } = await import('./review/reviewReport.ts');
  const notes = writeReview(reviewPath, reviewData, summary.pages, summary.records, recordReader(values.out));
  console.log(`review: ${notes} notes for the editor in ${reviewPath}`);
}

for (const warning of summary.warnings) console.warn(`warning: ${warning}`);
for (const error of summary.errors) console.error(`error: ${error}`);
console.log(
  `ingest: ${summary.pagesRead} pages read (${summary.pagesParsed} parsed, ${summary.pagesFromCache} from cache), ` +
    `${summary.articlesWritten} articles written to ${values.out} ` +
    `(${summary.filesChanged} changed, ${summary.filesRemoved} removed), ` +
    `${summary.warnings.length} warnings, ${summary.errors.length} errors in ${seconds}s`,
);
if (summary.errors.length > 0) process.exitCode = 1;
