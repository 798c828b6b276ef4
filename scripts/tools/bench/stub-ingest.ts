/**
 * STUB ingest for benchmarks, used only while scripts/ingest/ingest.ts does not exist.
 * It does not parse pages: it writes the Markdown the generator says each page
 * holds (truth.jsonl beside the seeds folder), skipping pages whose text hash
 * it has seen, so the harness's stages and incremental check can run end to end.
 * Its timings say nothing about the real ingest.
 *
 *   node scripts/tools/bench/stub-ingest.ts --seeds <dir> --out <dir> --truth <file>
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleId, articleMarkdown, type SyntheticPage } from './synthetic.ts';

const { values } = parseArgs({
  options: { seeds: { type: 'string' }, out: { type: 'string' }, truth: { type: 'string' } },
});
if (!values.seeds || !values.out || !values.truth) throw new Error('usage: --seeds <dir> --out <dir> --truth <file>');
const seeds = values.seeds;
const out = values.out;
mkdirSync(out, { recursive: true });
const cacheFile = join(out, '.stub-ingest-cache.json');
const cache = existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, string>) : {};
const truth = new Map<string, SyntheticPage>();
for (const line of readFileSync(values.truth, 'utf8').split('\n')) {
  if (line) {
    const page = JSON.parse(line) as SyntheticPage;
    truth.set(page.file, page);
  }
}
let written = 0;
let skipped = 0;
for (const file of readdirSync(seeds).filter((f) => f.endsWith('.txt'))) {
  const hash = createHash('sha256')
    .update(readFileSync(join(seeds, file)))
    .digest('hex');
  if (cache[file] === hash) {
    skipped++;
    continue;
  }
  const page = truth.get(file);
  if (!page) throw new Error(`${file} is not in ${values.truth}`);
  page.articles.forEach((_, i) => writeFileSync(join(out, `${articleId(file, i)}.md`), articleMarkdown(page, i)));
  cache[file] = hash;
  written++;
}
writeFileSync(cacheFile, JSON.stringify(cache));
console.log(`stub ingest: ${written} pages written, ${skipped} unchanged`);
