/**
 * One test file's view of the built site: dist/ served on 127.0.0.1 and a
 * headless Chromium, opened before the file's tests and closed after them.
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/tools/server/staticServer.ts';
import { DIST_DIR, requireBuiltSite } from './site.ts';

export interface SiteSession {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/** The site built in `dir` (dist/ by default), served, with a browser; opened in a `before` hook. */
export function useBuiltSite(dir: string = DIST_DIR): SiteSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    requireBuiltSite(dir);
    server = await startStaticServer(dir);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} is not open: use it inside a test`);
    return value;
  };
  return {
    get server() {
      return opened(server, 'site server');
    },
    get browser() {
      return opened(browser, 'browser');
    },
  };
}

/** Runs `body` on a fresh page of the site and fails on any uncaught script error or off-site request. */
export async function withCleanPage(
  site: SiteSession,
  body: (page: Page) => Promise<void>,
  options: BrowserContextOptions = {},
): Promise<void> {
  const watched = await openPage(site.browser, site.server.origin, options);
  try {
    await body(watched.page);
    assert.deepEqual(watched.errors, [], 'uncaught errors in page scripts');
    assert.deepEqual(watched.offsite, [], 'requests to other origins');
  } finally {
    await watched.close();
  }
}
