/**
 * What a reader's browser downloads for a search, measured through the real
 * search page served by nginx with the project's rules (scripts/tools/bench/search/nginx.ts):
 * for each query, on a fresh browser (empty cache), everything from loading
 * /search/ until the first results are on screen, and until the page is idle
 * (counts, facets, histogram); then the same query again on a new page of the
 * same browser (its caches kept). Bytes are nginx's, headers included.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../browser/chromium.ts';
import { startNginx, type NginxHost } from './nginx.ts';

export interface QueryCost {
  query: string;
  /** From submit to the first results, or to “没有找到”. */
  firstMs: number;
  firstBytes: number;
  idleBytes: number;
  repeatBytes: number;
  results: number;
}

export interface HostCost {
  host: 'ranges' | 'no-ranges';
  queries: QueryCost[];
}

/** A phrase no synthetic article holds. */
export const NO_RESULT_QUERY = '量子计算机';

interface Run {
  started: number;
  first?: number;
  done?: number;
  results?: number;
}

/** Submits `query` on the page's form and resolves with the page's own timings once it is idle. */
async function search(page: Page, query: string): Promise<Run> {
  await page.evaluate((query) => {
    const root = document.querySelector<HTMLElement>('[data-search]')!;
    const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
    const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
    const status = root.querySelector<HTMLElement>('[data-search-status]')!;
    const list = root.querySelector<HTMLElement>('[data-search-results]')!;
    const run: Run = { started: performance.now() };
    // Results shown (aria-busy removed after being set), or the no-result line; then the state reads done.
    const observer = new MutationObserver((records) => {
      const now = performance.now();
      const busyEnded = records.some((r) => r.attributeName === 'aria-busy' && r.oldValue !== null);
      if (run.first === undefined && ((busyEnded && list.children.length) || status.textContent?.includes('没有找到')))
        run.first = now;
      if (root.dataset.searchState === 'done' && !root.hasAttribute('aria-busy')) {
        run.first ??= now;
        run.done = now;
        run.results = list.children.length;
        observer.disconnect();
      }
    });
    observer.observe(root, {
      attributes: true,
      attributeOldValue: true,
      subtree: true,
      childList: true,
      characterData: true,
    });
    (window as unknown as { __cost: Run }).__cost = run;
    input.value = query;
    form.requestSubmit();
  }, query);
  const handle = await page.waitForFunction(
    () => {
      const run = (window as unknown as { __cost?: Run }).__cost;
      return run?.done !== undefined ? run : undefined;
    },
    undefined,
    { polling: 50, timeout: 120_000 },
  );
  const run = (await handle.jsonValue()) as Run;
  const origin = await page.evaluate(() => performance.timeOrigin);
  return {
    started: origin + run.started,
    first: origin + run.first!,
    done: origin + run.done!,
    results: run.results ?? 0,
  };
}

async function openSearch(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/search/`, { waitUntil: 'load' });
  return page;
}

async function measureQuery(browser: Browser, host: NginxHost, query: string): Promise<QueryCost> {
  const context = await browser.newContext();
  try {
    let mark = host.mark();
    const page = await openSearch(context, host.url);
    const run = await search(page, query);
    // Responses finish in nginx's log before the page sees them: a small slack for the clock's resolution.
    const log = host.since(mark);
    const firstBytes = log.filter((r) => r.at <= run.first! + 1).reduce((sum, r) => sum + r.bytes, 0);
    const idleBytes = log.reduce((sum, r) => sum + r.bytes, 0);
    await page.close();
    mark = host.mark();
    const again = await openSearch(context, host.url);
    await search(again, query);
    const repeatBytes = host.since(mark).reduce((sum, r) => sum + r.bytes, 0);
    return { query, firstMs: run.first! - run.started, firstBytes, idleBytes, repeatBytes, results: run.results ?? 0 };
  } finally {
    await context.close();
  }
}

/** Measures every query on nginx with byte ranges and on nginx without them. */
export async function measureSearchCost(
  dist: string,
  work: string,
  queries: readonly string[],
  log: (line: string) => void = () => {},
): Promise<HostCost[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const out: HostCost[] = [];
  try {
    for (const ranges of [true, false]) {
      const host = await startNginx(dist, `${work}/nginx-${ranges ? 'ranges' : 'plain'}`, { ranges });
      try {
        const costs: QueryCost[] = [];
        for (const query of [NO_RESULT_QUERY, ...queries]) {
          const cost = await measureQuery(browser, host, query);
          log(
            `  ${ranges ? 'ranges' : 'no ranges'} ${query}: first ${cost.firstMs.toFixed(0)} ms ${(cost.firstBytes / 1000).toFixed(1)} kB, idle ${(cost.idleBytes / 1000).toFixed(1)} kB, repeat ${(cost.repeatBytes / 1000).toFixed(1)} kB, ${cost.results} shown`,
          );
          costs.push(cost);
        }
        out.push({ host: ranges ? 'ranges' : 'no-ranges', queries: costs });
      } finally {
        await host.close();
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}
