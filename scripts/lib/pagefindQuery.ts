/** A QueryRunner (scripts/lib/browserMeasure.ts) that searches through Pagefind's JavaScript API. */
import type { Page } from 'playwright-core';
import type { QueryRunner } from './browserMeasure.ts';

interface PagefindResult {
  data(): Promise<unknown>;
}
interface PagefindApi {
  init?(): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] }>;
}
interface PagefindWindow {
  __benchPagefind?: PagefindApi;
}

/**
 * Times, in the page, the import of the Pagefind bundle (first query only),
 * the search and loading the top `top` results' data, as a results list would.
 */
export function pagefindRunner(bundle = '/pagefind/pagefind.js', top = 10): QueryRunner<string> {
  return (page: Page, query: string) =>
    page.evaluate(
      async ({ query, bundle, top }) => {
        const started = performance.now();
        const w = window as unknown as PagefindWindow;
        if (!w.__benchPagefind) {
          const api = (await import(bundle)) as PagefindApi;
          await api.init?.();
          w.__benchPagefind = api;
        }
        const search = await w.__benchPagefind.search(query);
        await Promise.all(search.results.slice(0, top).map((r) => r.data()));
        return { ms: performance.now() - started, hits: search.results.length };
      },
      { query, bundle, top },
    );
}
