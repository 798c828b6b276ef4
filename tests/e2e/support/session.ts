/**
 * One test file's view of the built site: dist/ served on 127.0.0.1 and a
 * headless Chromium, opened before the file's tests and closed after them.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from '../../../scripts/tools/server/staticServer.ts';
import { DIST_DIR, requireBuiltSite } from './site.ts';

export interface SiteSession {
  readonly server: StaticServer;
  readonly browser: Browser;
}

export function useBuiltSite(): SiteSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    requireBuiltSite();
    server = await startStaticServer(DIST_DIR);
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
