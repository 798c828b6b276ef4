/**
 * node scripts/tools/bench/bench-docs.ts [result.json …]   (default: every docs/benchmark-results/*.json)
 *
 * Writes docs/benchmarks.md and docs/benchmarks.svg from benchmark results
 * (npm run bench -- --json FILE). The work is in scripts/tools/bench/benchDocs.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import type { BenchResult } from './benchHarness.ts';
import { benchmarksChart, benchmarksMarkdown, withKeptSections } from './benchDocs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const defaultDir = join(root, 'docs/benchmark-results');
const files = process.argv.slice(2);
if (files.length === 0 && existsSync(defaultDir)) {
  files.push(
    ...readdirSync(defaultDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(defaultDir, f)),
  );
}
if (files.length === 0) {
  console.error('usage: node scripts/tools/bench/bench-docs.ts result.json … (from npm run bench -- --json FILE)');
  process.exit(2);
}
const results = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as BenchResult);
mkdirSync(join(root, 'docs'), { recursive: true });
const mdPath = join(root, 'docs/benchmarks.md');
// Formatted as `npm run format:check` expects.
const config = (await resolveConfig(mdPath)) ?? {};
const previous = existsSync(mdPath) ? readFileSync(mdPath, 'utf8') : undefined;
const markdown = withKeptSections(benchmarksMarkdown(results), previous);
writeFileSync(mdPath, await format(markdown, { ...config, filepath: mdPath }));
writeFileSync(join(root, 'docs/benchmarks.svg'), benchmarksChart(results));
console.log(`wrote docs/benchmarks.md and docs/benchmarks.svg from ${results.length} runs`);
