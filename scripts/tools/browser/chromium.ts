/**
 * Headless Chromium through playwright-core and the system's browser
 * (`apt-get install -y chromium`): nothing is downloaded. Shared by the browser
 * tests, the bench and the search evaluation.
 */
import { chromium, type Browser } from 'playwright-core';

/** Where the system's Chromium is; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No sandbox (tests run as root in a container), and none of the browser's own traffic to count or wait for. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
