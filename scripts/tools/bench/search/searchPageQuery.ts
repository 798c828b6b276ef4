/**
 * A QueryRunner (scripts/tools/browser/browserMeasure.ts) that searches the way a reader
 * does: it submits the query in the site's own search page and waits until the
 * page has rendered its first results. Timed in the page, from submit to results
 * shown; `hits` is how many results are on screen then (a page at most: fewer when
 * a rare phrase shows its newest matches while older shards are searched), and
 * requests after `shownAt` (older shards, counts) are not charged to the query.
 */
import type { Page } from 'playwright-core';
import type { QueryRunner } from '../../browser/browserMeasure.ts';

/** What the page records of one query, on `window.__searchRun`. */
interface SearchRun {
  started: number;
  shown?: number;
  hits?: number;
}

export function searchPageRunner(): QueryRunner<string> {
  return async (page, query) => {
    await page.evaluate((query) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
      const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
      const results = root?.querySelector<HTMLElement>('[data-search-results]');
      if (!root || !form || !input || !results) throw new Error('this page has no search form ([data-search])');
      const run: SearchRun = { started: performance.now() };
      // The page sets aria-busy while it searches and removes it once the results are on screen. From
      // memory alone both can happen before the observer is told, so a record of the removal (its old
      // value was set) counts, not only the attribute as it is when the observer runs.
      const observer = new MutationObserver((records) => {
        if (records.some((r) => r.oldValue !== null) && !root.hasAttribute('aria-busy')) {
          observer.disconnect();
          run.shown = performance.now();
          // Older shards may still be filling the page and counting the total; the reader has these.
          run.hits = results.children.length;
        }
      });
      // The run (and its observer) hang from the window: a promise awaited across the search was
      // collected by Chromium now and then ("Resulting promise was garbage collected"), killing the bench.
      (window as unknown as { __searchRun: unknown }).__searchRun = { run, observer };
      observer.observe(root, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
      input.value = query;
      form.requestSubmit();
    }, query);
    // A slow poll, not every frame: drawing frames for Playwright slowed the page's search (measured). The
    // time shown was taken by the observer, not by the poll.
    const handle = await page.waitForFunction(
      () => {
        const run = (window as unknown as { __searchRun?: { run: SearchRun } }).__searchRun?.run;
        return run?.shown !== undefined ? run : undefined;
      },
      undefined,
      { polling: 50, timeout: 60_000 },
    );
    const run = (await handle.jsonValue()) as Required<SearchRun>;
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    return { ms: run.shown - run.started, hits: run.hits, shownAt: timeOrigin + run.shown };
  };
}

/**
 * Waits until the page's previous search has finished its background work (older
 * shards, counts): a reader reads results before searching again, and bytes or time
 * spent finishing the previous query must not be charged to the next one.
 */
export async function searchPageSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-search]')?.dataset.searchState !== 'partial',
    undefined,
    {
      timeout: 60_000,
    },
  );
}
