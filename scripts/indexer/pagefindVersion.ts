/**
 * The Pagefind version the site's search is written against. The browser code
 * (src/search/pagefind/) reads Pagefind's files itself, and their layout has
 * changed in minor releases (1.5.0), so package.json pins one exact version and
 * the indexer refuses an index that another version wrote.
 */
import { readFileSync } from 'node:fs';

const PACKAGE_JSON = new URL('../../package.json', import.meta.url);

/** An exact semver (no range operators), as `npm install --save-exact` writes it. */
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/u;

/** The version package.json pins in `dependencies.pagefind`; throws when it is a range. */
export function pinnedVersion(packageJson: { dependencies?: Record<string, string> }): string {
  const spec = packageJson.dependencies?.pagefind;
  if (spec === undefined) throw new Error('package.json: pagefind is not a dependency');
  if (!EXACT_VERSION.test(spec)) {
    throw new Error(
      `package.json pins pagefind as "${spec}", a range: our search reads Pagefind's file format, so it must be one exact version (npm install --save-exact pagefind@<version>)`,
    );
  }
  return spec;
}

let pinned: string | undefined;

/** The pinned version of this repository's package.json (read once). */
export function pinnedPagefindVersion(): string {
  pinned ??= pinnedVersion(JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { dependencies?: Record<string, string> });
  return pinned;
}

/**
 * Throws unless the `version` a `pagefind-entry.json` names is `expected`: an index from another Pagefind
 * would be written in a format the browser code may misread.
 */
export function checkPagefindVersion(entryVersion: unknown, expected: string, where: string): void {
  if (entryVersion === expected) return;
  throw new Error(
    `${where}: Pagefind ${typeof entryVersion === 'string' ? entryVersion : '(no version)'} wrote this index, but the search reads the format of Pagefind ${expected} (pinned in package.json). Reinstall (npm ci), or upgrade on purpose: pin the new version, check src/search/pagefind/ against its format and rebuild tests/fixtures/pagefind/ (docs/search.md, "Pagefind version").`,
  );
}
