/**
 * npm run bench -- --pages N [--articles M] [--seed S] [--out DIR] [--json FILE]
 *   [--probe] [--direct] [--skip ingest,astro,index,search,weight,incremental]
 *   [--ingest-cmd CMD] [--astro-cmd CMD] [--index-cmd CMD] [--article-pattern RE] [--queries N]
 *   [--search-page /path/] [--search-index /pagefind/shards.json] [--max-rss-gb 16] [--quiet]
 *
 * Generates a synthetic archive, builds it stage by stage and prints what each
 * stage cost. Commands may use {node} {root} {seeds} {content} {dist} {truth}.
 * The work lives in scripts/tools/bench/benchRun.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { formatResult } from './benchHarness.ts';
import { loadCorpus, runBench, type BenchOptions } from './benchRun.ts';
import { generateArchive } from './synthetic.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    pages: { type: 'string' },
    articles: { type: 'string' },
    seed: { type: 'string', default: 'hengyang' },
    out: { type: 'string' },
    json: { type: 'string' },
    probe: { type: 'boolean', default: false },
    direct: { type: 'boolean', default: false },
    skip: { type: 'string', default: '' },
    'ingest-cmd': { type: 'string' },
    'astro-cmd': { type: 'string' },
    'index-cmd': { type: 'string' },
    'article-pattern': { type: 'string' },
    queries: { type: 'string', default: '20' },
    'max-rss-gb': { type: 'string', default: '16' },
    'search-page': { type: 'string', default: '/search/' },
    'search-index': { type: 'string', default: '/pagefind/shards.json' },
    quiet: { type: 'boolean', default: false },
  },
});

const seed = values.seed;
let pages = Number(values.pages);
if (values.articles) {
  // Pages for about M articles: a guess from a 400-page archive's density, then one correction.
  const corpus = loadCorpus(resolve(root, 'seeds'));
  const count = (n: number) => {
    let articles = 0;
    for (const page of generateArchive(corpus, { seed, pages: n })) articles += page.articles.length;
    return articles;
  };
  const target = Number(values.articles);
  pages = Math.max(1, Math.round((target * 400) / count(400)));
  pages = Math.max(1, Math.round((pages * target) / count(pages)));
}
if (!Number.isInteger(pages) || pages < 1) {
  console.error('usage: npm run bench -- --pages N (or --articles M); see scripts/tools/bench/bench.ts');
  process.exit(2);
}
const skip = new Set(values.skip.split(',').filter(Boolean)) as BenchOptions['skip'];
const result = await runBench({
  root,
  seed,
  pages,
  ...(values.out ? { out: resolve(values.out) } : {}),
  probe: values.probe,
  direct: values.direct,
  commands: {
    ...(values['ingest-cmd'] ? { ingest: values['ingest-cmd'] } : {}),
    ...(values['astro-cmd'] ? { astro: values['astro-cmd'] } : {}),
    ...(values['index-cmd'] ? { index: values['index-cmd'] } : {}),
  },
  skip,
  ...(values['article-pattern'] ? { articlePattern: values['article-pattern'] } : {}),
  queries: Number(values.queries),
  maxRssBytes: Number(values['max-rss-gb']) * 1e9,
  searchPage: values['search-page'],
  searchIndex: values['search-index'],
  log: (line) => console.error(line),
  echo: !values.quiet,
});
console.log(formatResult(result));
if (values.json) {
  mkdirSync(dirname(resolve(values.json)), { recursive: true });
  writeFileSync(values.json, JSON.stringify(result, null, 2) + '\n');
}
if (result.stages.some((s) => s.exitCode !== 0)) process.exitCode = 1;
