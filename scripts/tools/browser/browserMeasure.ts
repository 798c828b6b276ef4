/**
 * Measuring a built site in headless Chromium: a runner that times queries on
 * a page and charges each the bytes the static server (scripts/tools/server/)
 * sent for it. Generic: it takes a URL and a function that runs one query, so
 * the search evaluation can reuse it with its own queries and UI.
 */
import type { Browser, Page } from 'playwright-core';
import type { ServedRequest, StaticServer } from '../server/staticServer.ts';
import { launchChromium } from './chromium.ts';

/** What a query runner may report: its own in-page duration and how many results it found. */
export interface QueryOutcome {
  ms?: number;
  hits?: number;
  /**
   * When the results were shown, in ms since the epoch (`performance.timeOrigin + performance.now()`
   * in the page). Requests that arrive later are the page's background work, not this query's.
   */
  shownAt?: number;
}

/**
 * Runs one query on the page. Returns the in-page duration in ms (a number, or
 * `ms` of an outcome) when it measures one itself (performance.now() around
 * the work); otherwise the call is timed from Node.
 */
export type QueryRunner<Q> = (page: Page, query: Q) => Promise<number | QueryOutcome | void>;

export interface QueryTiming<Q> {
  query: Q;
  ms: number;
  /** Bytes the server sent while the query ran. */
  bytes: number;
  /** Results found, when the runner reports them (a query with none is suspiciously fast). */
  hits?: number;
}

export interface QueryMeasurement<Q> {
  /** Bytes sent to load the page before any query. */
  pageLoadBytes: number;
  /** The first query on a fresh page (empty cache): what a visitor's first search costs. */
  cold: QueryTiming<Q>;
  /** The first `coldRuns` queries, each as the first query of its own fresh page. */
  colds: QueryTiming<Q>[];
  /** Every query once more, after the cold one warmed the engine up. */
  warm: QueryTiming<Q>[];
}

export interface MeasureOptions<Q> {
  url: string;
  queries: readonly Q[];
  runQuery: QueryRunner<Q>;
  /** Counts bytes when the page is served by startStaticServer(). */
  server?: StaticServer;
  executablePath?: string;
  /** An already launched browser to reuse (not closed here). */
  browser?: Browser;
  /** How many queries to also run cold, each on a fresh page (default 1). */
  coldRuns?: number;
  /** Runs before each warm query, unmeasured (e.g. until the page's previous search is finished). */
  beforeQuery?: (page: Page) => Promise<void>;
  /**
   * Which request paths are search data. A cold query is charged for every one of them since the page
   * began to load, so data the page prefetches (on focus, say) counts as the first query's, not as
   * the page's; other requests are the page load. By default, nothing is prefetched search data.
   */
  isSearchData?: (path: string) => boolean;
}

/** Loads `url` in a fresh browser context, runs the first query cold, then every query warm. */
export async function measureQueries<Q>(options: MeasureOptions<Q>): Promise<QueryMeasurement<Q>> {
  if (options.queries.length === 0) throw new Error('measureQueries needs at least one query');
  const browser = options.browser ?? (await launchChromium(options.executablePath));
  const context = await browser.newContext();
  try {
    const isSearchData = options.isSearchData ?? (() => false);
    const server = options.server;
    const sum = (records: ServedRequest[]) => records.reduce((total, r) => total + r.bytes, 0);
    /** Loads the page; returns the bytes of search data it prefetched, and of everything else. */
    const load = async (page: Page) => {
      server?.reset();
      await page.goto(options.url, { waitUntil: 'load' });
      const records = server?.requests() ?? [];
      server?.reset();
      return {
        prefetched: records.filter((r) => isSearchData(r.path)),
        pageLoad: sum(records.filter((r) => !isSearchData(r.path))),
      };
    };
    /** The query's requests since the last reset: all, or those before its results were shown. */
    const queryRequests = (outcome: QueryOutcome) =>
      (server?.requests() ?? []).filter((r) => outcome.shownAt === undefined || r.at <= outcome.shownAt);
    // Everything since the page loaded is a cold query's: its own requests, and prefetches still under way.
    const coldBytes = (prefetched: ServedRequest[], outcome: QueryOutcome) =>
      sum(prefetched) + sum(queryRequests(outcome));
    const colds: QueryTiming<Q>[] = [];
    for (const query of options.queries.slice(1, options.coldRuns ?? 1)) {
      const fresh = await browser.newContext();
      try {
        const page = await fresh.newPage();
        const { prefetched } = await load(page);
        const started = performance.now();
        const outcome = await options.runQuery(page, query);
        const reported = typeof outcome === 'number' ? { ms: outcome } : (outcome ?? {});
        colds.push({ query, ms: reported.ms ?? performance.now() - started, bytes: coldBytes(prefetched, reported) });
      } finally {
        await fresh.close();
      }
    }
    const page = await context.newPage();
    const { prefetched, pageLoad: pageLoadBytes } = await load(page);
    let first = true;
    const timed = async (query: Q): Promise<QueryTiming<Q>> => {
      await options.beforeQuery?.(page);
      // The first query is cold: what the page prefetched, and anything since, is charged to it.
      if (!first) server?.reset();
      const started = performance.now();
      const outcome = await options.runQuery(page, query);
      const wall = performance.now() - started;
      const reported = typeof outcome === 'number' ? { ms: outcome } : (outcome ?? {});
      const bytes = first ? coldBytes(prefetched, reported) : sum(queryRequests(reported));
      first = false;
      const timing: QueryTiming<Q> = { query, ms: reported.ms ?? wall, bytes };
      if (reported.hits !== undefined) timing.hits = reported.hits;
      return timing;
    };
    const cold = await timed(options.queries[0]);
    const warm: QueryTiming<Q>[] = [];
    for (const query of options.queries) warm.push(await timed(query));
    return { pageLoadBytes, cold, colds: [cold, ...colds], warm };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}
