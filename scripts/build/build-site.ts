/**
 * The site only (no ingest, no search index): `astro build` split into
 * parallel parts and merged (scripts/build/astroParts.ts). The bench's astro stage.
 *
 *   node scripts/build/build-site.ts [--parts N]
 *
 * Reads the articles from `$ARCHIVE_CONTENT_DIR` and writes the site to
 * `$ARCHIVE_OUT_DIR` (default `dist/`). N is `--parts`, else
 * `$ARCHIVE_BUILD_PARTS`, else the number of cores; 1 is a plain `astro build`.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite, buildSiteParts } from './astroParts.ts';

const { values } = parseArgs({ options: { parts: { type: 'string' } } });
const root = resolve(import.meta.dirname, '../..');
const outDir = resolve(process.env.ARCHIVE_OUT_DIR ?? join(root, 'dist'));

try {
  const parts = buildSiteParts(values.parts);
  const started = performance.now();
  // The parts run from other folders (scripts/build/astroParts.ts), so a relative content folder is made absolute here.
  const content = process.env.ARCHIVE_CONTENT_DIR;
  const env = content ? { ...process.env, ARCHIVE_CONTENT_DIR: resolve(content) } : process.env;
  await buildSite({ root, outDir, parts, env });
  console.log(
    `build-site: ${outDir} built in ${parts} part(s) in ${((performance.now() - started) / 1000).toFixed(1)}s`,
  );
} catch (error) {
  console.error(`build-site: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
