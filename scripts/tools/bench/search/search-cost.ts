/**
 * npm run bench:cost -- --dist DIR --truth FILE [--queries 20] [--seed hengyang] [--json FILE]
 *
 * The bench's search-cost step alone (scripts/tools/bench/search/searchCost.ts) on a built
 * archive: its queries are sampled from the bench's truth.jsonl as the bench samples them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureSearchCost } from './searchCost.ts';
import { sampleQueries, type SyntheticPage } from '../synthetic.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    truth: { type: 'string' },
    queries: { type: 'string', default: '20' },
    seed: { type: 'string', default: 'hengyang' },
    json: { type: 'string' },
  },
});
if (!values.dist || !values.truth) {
  console.error('usage: npm run bench:cost -- --dist DIR --truth FILE [--queries N] [--json FILE]');
  process.exit(2);
}
const pages = readFileSync(values.truth, 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 2000)
  .map((line) => JSON.parse(line) as SyntheticPage);
const queries = sampleQueries(pages, Number(values.queries), values.seed);
const dist = resolve(values.dist);
const costs = await measureSearchCost(dist, resolve(dirname(dist), 'cost'), queries, (line) => console.error(line));
if (values.json) writeFileSync(values.json, JSON.stringify(costs, null, 2) + '\n');
