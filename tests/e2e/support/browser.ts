/**
 * Headless Chromium for browser tests (scripts/tools/browser/chromium.ts), and
 * pages that keep every request on the test server.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { CHROMIUM_PATH, launchChromium } from '../../../scripts/tools/browser/chromium.ts';

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return launchChromium(CHROMIUM_PATH);
}

export interface WatchedPage {
  page: Page;
  /** Uncaught exceptions thrown by the page's scripts. */
  errors: string[];
  /** Requests the page tried to make to any origin other than `allowedOrigin`; they are aborted. */
  offsite: string[];
  close(): Promise<void>;
}

/**
 * A page in a fresh context that records script errors and keeps every
 * request on the test server: anything else is aborted and recorded.
 */
export async function openPage(
  browser: Browser,
  allowedOrigin: string,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const offsite: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${allowedOrigin}/`) || url.startsWith('data:')) {
      await route.continue();
    } else {
      offsite.push(url);
      await route.abort();
    }
  });
  return { page, errors, offsite, close: () => context.close() };
}
