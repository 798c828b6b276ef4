/**
 * axe-core in headless Chromium: no serious or critical violations on the
 * main kinds of page, in light and dark color schemes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, test } from 'node:test';
import type { AxeResults, Result } from 'axe-core';
import { openPage } from './support/browser.ts';
import { articlePath, entryPages, readArticles, regionPages } from './support/site.ts';
import { useBuiltSite } from './support/session.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);
const SEARCH_PATH = '/search/';

const site = useBuiltSite();

function describeViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `      ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join('; ') ?? ''}`);
  return [
    `  [${violation.impact ?? '?'}] ${violation.id}: ${violation.help} (${violation.nodes.length}×)`,
    ...nodes,
  ].join('\n');
}

/** axe-core's serious and critical violations on `path`, in the given color scheme. */
async function blockingViolations(path: string, colorScheme: 'light' | 'dark'): Promise<Result[]> {
  // axe-core is injected as an inline script, which the site's Content-Security-Policy refuses.
  const watched = await openPage(site.browser, site.server.origin, { colorScheme, bypassCSP: true });
  try {
    const response = await watched.page.goto(site.server.url(path));
    assert.equal(response?.status(), 200, `${path} did not load`);
    const scheme = await watched.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
    assert.equal(scheme, colorScheme === 'dark', `the page is not in ${colorScheme} mode`);
    await watched.page.addScriptTag({ content: AXE_SOURCE });
    const results = await watched.page.evaluate((): Promise<AxeResults> =>
      (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
    );
    // Guards against a silent no-op: axe must have checked the page's contrast, not skipped it.
    assert.ok(
      results.passes.some((rule) => rule.id === 'color-contrast'),
      `axe-core could not check color contrast on ${path}`,
    );
    return results.violations.filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''));
  } finally {
    await watched.close();
  }
}

const pages: { name: string; path: () => string | undefined; missing?: string }[] = [
  { name: 'the home page', path: () => '/' },
  {
    name: 'an article',
    path: () => {
      const article = readArticles().find((a) => a.kicker !== undefined && a.authors.length > 0) ?? readArticles()[0];
      return article && articlePath(article.slug);
    },
  },
  { name: 'a district page', path: () => regionPages().find((r) => r.articles > 0)?.path },
  { name: 'the search page', path: () => SEARCH_PATH },
  { name: 'the regions index with its map', path: () => '/regions/' },
  { name: 'a person page', path: () => entryPages('people')[0] },
  { name: 'the people index', path: () => '/people/' },
  {
    name: 'a township page',
    path: () => entryPages('places')[0],
    missing: 'no article of this build names a township',
  },
  { name: 'a source page (版面)', path: () => entryPages('pages')[0] },
];

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`axe-core, ${colorScheme} color scheme`, () => {
    for (const { name, path: pathOf, missing } of pages) {
      test(`${name} has no serious or critical violations`, async (t) => {
        const path = pathOf();
        if (path === undefined) {
          assert.ok(missing, `no page to test for ${name}`);
          t.skip(missing);
          return;
        }
        t.diagnostic(path);
        const violations = await blockingViolations(path, colorScheme);
        assert.deepEqual(
          violations.map((v) => v.id),
          [],
          `${path} (${colorScheme}):\n${violations.map(describeViolation).join('\n')}`,
        );
      });
    }
  });
}
