import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkPagefindVersion, pinnedPagefindVersion, pinnedVersion } from '../../scripts/indexer/pagefindVersion.ts';

describe('pinnedVersion', () => {
  test('takes an exact version, prerelease included', () => {
    expect(pinnedVersion({ dependencies: { pagefind: '1.6.0' } })).toBe('1.6.0');
    expect(pinnedVersion({ dependencies: { pagefind: '1.7.0-beta.2' } })).toBe('1.7.0-beta.2');
  });
  test('refuses a range, naming the fix', () => {
    for (const spec of ['^1.6.0', '~1.6.0', '>=1.6.0', '1.x', '*', 'latest']) {
      expect(() => pinnedVersion({ dependencies: { pagefind: spec } }), spec).toThrow(/--save-exact/u);
    }
  });
  test('refuses a package.json without pagefind', () => {
    expect(() => pinnedVersion({ dependencies: {} })).toThrow(/not a dependency/u);
  });
});

describe('checkPagefindVersion', () => {
  test('accepts the pinned version', () => {
    expect(() => checkPagefindVersion('1.6.0', '1.6.0', 'x/pagefind-entry.json')).not.toThrow();
  });
  test('refuses another version, naming the file and both versions', () => {
    const check = () => checkPagefindVersion('1.5.2', '1.6.0', 'dist/pagefind/0/pagefind-entry.json');
    expect(check).toThrow(/dist\/pagefind\/0\/pagefind-entry\.json/u);
    expect(check).toThrow(/Pagefind 1\.5\.2 wrote this index/u);
    expect(check).toThrow(/format of Pagefind 1\.6\.0/u);
  });
  test('refuses an entry without a version', () => {
    expect(() => checkPagefindVersion(undefined, '1.6.0', 'e.json')).toThrow(/\(no version\)/u);
    expect(() => checkPagefindVersion(160, '1.6.0', 'e.json')).toThrow(/\(no version\)/u);
  });
});

describe('the repository', () => {
  test('pins pagefind exactly, at the version installed', () => {
    // Pagefind's exports hide its package.json from require.resolve: read it where npm installs it.
    const installed = JSON.parse(
      readFileSync(new URL('../../node_modules/pagefind/package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(pinnedPagefindVersion()).toBe(installed.version);
  });
});
