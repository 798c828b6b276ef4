/**
 * Runs the search-index stage in its own process, for the benchmark:
 *   node scripts/tools/bench/run-index.ts --dist <dir>
 * calls buildSearchIndex({ distDir }) from scripts/indexer/searchIndex.ts.
 */
import { parseArgs } from 'node:util';

interface SearchIndexModule {
  buildSearchIndex(options: { distDir: string }): Promise<unknown>;
}

const { values } = parseArgs({ options: { dist: { type: 'string' } } });
if (!values.dist) throw new Error('usage: --dist <dir>');
// A variable specifier: the module is another engineer's and may not exist on this branch yet.
const specifier = '../../indexer/searchIndex.ts';
const searchIndex = (await import(specifier)) as SearchIndexModule;
await searchIndex.buildSearchIndex({ distDir: values.dist });
