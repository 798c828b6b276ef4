/**
 * Browser half of scripts/tools/eval/eval-search.ts, bundled on its own with esbuild. Runs one
 * query against our engine or against stock Pagefind and reports the ranked URLs.
 */
import { SearchEngine } from '../../../src/search/engine.ts';

export interface EvalRun {
  /** Every result URL, in ranked order. */
  urls: string[];
  /** Time to a shown first page: search plus the first page's fragments. */
  ms: number;
}

const PAGE = 10;

interface StockResult {
  data: () => Promise<{ url: string }>;
}
interface StockModule {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string) => Promise<{ results: StockResult[] } | null>;
}

const STOCK_URL: string = '/__stock/pagefind/pagefind.js';
let engine: SearchEngine | undefined;
let stock: Promise<StockModule> | undefined;

async function ours(query: string, collect: boolean): Promise<EvalRun> {
  engine ??= new SearchEngine({
    basePath: '/pagefind/',
    loadT2s: async () => ((await (await fetch('/__eval/t2s.json')).json()) as { pairs: string }).pairs,
  });
  const t0 = performance.now();
  // Every shard that can match: recall and R-precision are measured on the whole ranking.
  const response = await engine.search(query, { exhaustive: true });
  if (response) await engine.details(response, 0, PAGE);
  const ms = performance.now() - t0;
  if (collect && response) await engine.complete(response);
  const urls: string[] = [];
  // A common phrase has thousands of hits: fetch their fragments a batch at a time, not all at once.
  for (let i = 0; collect && response && i < response.hits.length; i += 64) {
    const batch = response.hits.slice(i, i + 64);
    urls.push(...(await Promise.all(batch.map(async (h) => h.detail?.url ?? (await h.reader.fragment(h.page)).url))));
  }
  return { urls, ms };
}

async function stockRun(query: string, collect: boolean): Promise<EvalRun> {
  // Served from /__stock/pagefind/, Pagefind would prefix result URLs with /__stock/.
  // A variable, not a literal: the bundle lives on the eval server only, there is nothing to type-check.
  stock ??= (import(/* @vite-ignore */ STOCK_URL) as Promise<StockModule>).then(
    async (pf) => (await pf.options({ baseUrl: '/' }), pf),
  );
  const pf = await stock;
  const t0 = performance.now();
  const response = await pf.search(query);
  const results = response?.results ?? [];
  await Promise.all(results.slice(0, PAGE).map((r) => r.data()));
  const ms = performance.now() - t0;
  const urls = collect ? await Promise.all(results.map(async (r) => (await r.data()).url)) : [];
  return { urls, ms };
}

declare global {
  interface Window {
    /** `collect`: also fetch every result's URL (not part of a real first query's cost). */
    evalSearch: (which: 'ours' | 'stock', query: string, collect: boolean) => Promise<EvalRun>;
  }
}

window.evalSearch = (which, query, collect) => (which === 'ours' ? ours(query, collect) : stockRun(query, collect));
