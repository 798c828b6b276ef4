/**
 * A QueryRunner (scripts/lib/browserMeasure.ts) that searches the way a reader
 * does: it submits the query in the site's own search page and waits until the
 * page has rendered its first results. Timed in the page, from submit to results
 * shown; `hits` is how many results are on screen then (a page at most: fewer when
 * a rare phrase shows its newest matches while older shards are searched), and
 * requests after `shownAt` (older shards, counts) are not charged to the query.
 */
import type { Page } from 'playwright-core';
import type { QueryRunner } from './browserMeasure.ts';

export function searchPageRunner(): QueryRunner<string> {
  return (page, query) =>
    page.evaluate(async (query) => {
      const root = document.querySelector<HTMLElement>('[data-search]');
      const form = root?.querySelector<HTMLFormElement>('[data-search-form]');
      const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
      const results = root?.querySelector<HTMLElement>('[data-search-results]');
      if (!root || !form || !input || !results) throw new Error('this page has no search form ([data-search])');
      const started = performance.now();
      // The page sets aria-busy while it searches and removes it once the results are on screen. From
      // memory alone both can happen before the observer is told, so a record of the removal (its old
      // value was set) counts, not only the attribute as it is when the observer runs.
      // Held from the window until it fires: Chromium may collect an observer nothing refers to, and
      // with it the promise waiting on it ("Resulting promise was garbage collected", seen).
      const held = ((window as unknown as { __searchRunner?: Set<MutationObserver> }).__searchRunner ??= new Set());
      const done = new Promise<void>((resolve) => {
        const observer = new MutationObserver((records) => {
          if (records.some((r) => r.oldValue !== null) && !root.hasAttribute('aria-busy')) {
            observer.disconnect();
            held.delete(observer);
            resolve();
          }
        });
        held.add(observer);
        observer.observe(root, { attributes: true, attributeFilter: ['aria-busy'], attributeOldValue: true });
      });
      input.value = query;
      form.requestSubmit();
      await done;
      // Older shards may still be filling the page and counting the total; the reader has these.
      const shown = performance.now();
      return { ms: shown - started, hits: results.children.length, shownAt: performance.timeOrigin + shown };
    }, query);
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
