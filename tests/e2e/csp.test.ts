/**
 * The Content-Security-Policy Astro writes into every page (astro.config.mjs, security.csp;
 * docs/deploy.md): present, without 'unsafe-inline', and the search and the article-page
 * highlight still work under it, while a script injected into the page is refused.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { openPage } from './support/browser.ts';
import { readArticles } from './support/site.ts';
import { useBuiltSite } from './support/session.ts';

const site = useBuiltSite();

/** The page's CSP violations, recorded from the first script that runs. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

async function policy(page: Page): Promise<string> {
  return (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ?? '';
}

describe('Content-Security-Policy', () => {
  test('the search page runs its own scripts only, and search and highlight work under the policy', async () => {
    const watched = await openPage(site.browser, site.server.origin);
    try {
      const { page } = watched;
      await recordViolations(page);
      // A phrase from an article's title: it is found, and marked on the article page.
      const article = readArticles().find((a) => [...a.title].length >= 4)!;
      const phrase = [...article.title].slice(0, 4).join('');
      await page.goto(site.server.url(`/search/?q=${encodeURIComponent(phrase)}`));
      const csp = await policy(page);
      assert.match(csp, /script-src 'self'( 'sha\d+-[^']+')*;/u, csp);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/u, csp);
      assert.match(csp, /default-src 'self'/u);
      await page.waitForFunction(
        () => document.querySelector<HTMLElement>('[data-search]')?.dataset.searchState === 'done',
      );
      assert.ok((await page.locator('[data-search-results] > li').count()) > 0, `no results for ${phrase}`);
      await page.locator('[data-search-results] a').first().click();
      await page.waitForSelector('mark[data-search-mark]');
      assert.ok(await policy(page));
      assert.deepEqual(await violations(page), []);
      // The policy bites: an inline script added now is refused.
      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = '(window).__injected = true;';
        document.body.append(script);
        await new Promise((r) => setTimeout(r, 50));
        return (window as unknown as { __injected?: boolean }).__injected === true;
      });
      assert.equal(ran, false);
      assert.ok(
        (await violations(page)).some((v) => v.startsWith('script-src')),
        String(await violations(page)),
      );
      assert.deepEqual(watched.errors, []);
    } finally {
      await watched.close();
    }
  });
});
