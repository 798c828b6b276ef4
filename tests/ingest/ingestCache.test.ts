import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changedOrGone,
  emptyIndex,
  folderStamp,
  formatIndex,
  formatIndexLine,
  indexChanges,
  indexedPage,
  outputCount,
  outputNames,
  pageKey,
  pageKeys,
  parseIndex,
  parseIndexLine,
  sameStamp,
  unchangedLine,
  unclaimedOutputs,
  type IndexedPage,
} from '../../scripts/ingest/runner/ingestCache.ts';
import { workerCount, MIN_PAGES_PER_WORKER } from '../../scripts/ingest/runner/parsePool.ts';
import { importSpecifiers, packageName, rulesFingerprint } from '../../scripts/ingest/runner/rulesFingerprint.ts';
import { tempDir } from '../support/tempDir.ts';

describe('rules fingerprint inputs', () => {
  it('finds static, re-exported and dynamic imports', () => {
    const source = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      'export { c } from "./c.ts";',
      "const d = await import('./d.ts');",
      "import nodejieba from 'nodejieba';",
      "// from the page's text",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', 'nodejieba']);
  });

  it('keeps the fingerprint while every file it was worked out from is as it was, and only then', () => {
    const dir = tempDir('rules');
    // Each write gets an mtime of its own: two writes within one tick of the file system's clock look alike.
    let tick = 0;
    const file = (path: string, text: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
      tick += 1;
      for (const at of [join(dir, path), join(dir, path, '..')])
        utimesSync(at, new Date(), new Date(1e12 + tick * 1000));
    };
    file('lib/entry.ts', "import { a } from './a.ts';\nimport pkg from 'pkg';\n");
    file('lib/a.ts', 'export const a = 1;\n');
    file('data/words.txt', '衡阳\n');
    file('node_modules/pkg/package.json', '{"version":"1.0.0"}');
    const inputs = {
      entry: join(dir, 'lib/entry.ts'),
      dataDirs: [join(dir, 'data')],
      nodeModules: join(dir, 'node_modules'),
    };
    const memo = join(dir, 'cache/rules.txt');
    const plain = rulesFingerprint(inputs);
    expect(rulesFingerprint(inputs, memo)).toBe(plain);
    const kept = statSync(memo).mtimeMs;
    expect(rulesFingerprint(inputs, memo)).toBe(plain);
    expect(statSync(memo).mtimeMs).toBe(kept);
    const changes: [string, string][] = [
      ['lib/a.ts', 'export const a = 2;\n'],
      ['data/more.yaml', 'x: 1\n'],
      ['node_modules/pkg/package.json', '{"version":"1.0.1"}'],
    ];
    let last = plain;
    for (const [path, text] of changes) {
      file(path, text);
      const now = rulesFingerprint(inputs, memo);
      expect(now).toBe(rulesFingerprint(inputs));
      expect(now).not.toBe(last);
      last = now;
    }
    writeFileSync(memo, readFileSync(memo, 'utf8').replace(last, 'f'.repeat(64)).slice(0, -1));
    expect(rulesFingerprint(inputs, memo)).toBe(last);
  });

  it('names the package of a bare specifier only', () => {
    expect(packageName('yaml')).toBe('yaml');
    expect(packageName('remark-stringify/lib/x.js')).toBe('remark-stringify');
    expect(packageName('@astrojs/markdown-remark/dist')).toBe('@astrojs/markdown-remark');
    expect(packageName('node:fs')).toBeUndefined();
    expect(packageName('./text.ts')).toBeUndefined();
  });
});

describe('cache index', () => {
  const page: IndexedPage = {
    bytes: 'b',
    stamp: [10, 1796011371076.7817, 1796011382565.5095],
    text: 't',
    encoding: 'utf-8',
    facts: '{"date":"2020-03-09","page":1}',
    key: 'k',
    warnings: ['a.txt: line 3 is in no article'],
    outputs: [
      ['x.md', 'h1', 1, 2.5],
      ['y-2.md', 'h2', 3, 1796011383569.2358],
    ],
  };
  const text = (lines: string[]) => formatIndex('r', '/out', lines);
  /** The page a line of the index stands for. */
  const pageOf = (line: string | undefined) => {
    const record = line === undefined ? undefined : parseIndexLine(line);
    return record && indexedPage(record);
  };

  it('keys a page by rules, name, manifest entry and text', () => {
    const key = pageKey('r', 'a.txt', '{}', 't');
    expect(pageKey('r', 'a.txt', '{}', 't')).toBe(key);
    expect(new Set([pageKey('r2', 'a.txt', '{}', 't'), pageKey('r', 'b.txt', '{}', 't')])).not.toContain(key);
    expect(pageKey('r', 'a.txt', '{"page":1}', 't')).not.toBe(key);
    expect(pageKey('r', 'a.txt', '{}', 't2')).not.toBe(key);
  });

  it('reads back what it writes, a line a page', () => {
    const odd = 'tab\there\nand "line".txt';
    const lines = [formatIndexLine('a.txt', page), formatIndexLine(odd, { ...page, warnings: [], outputs: [] })];
    const index = parseIndex(text(lines), 'r', '/out');
    expect([...index.pages.keys()]).toEqual(['a.txt', odd]);
    expect(index.pages.get('a.txt')).toBe(lines[0]);
    expect(parseIndexLine(lines[0])?.names).toEqual(['x.md', 'y-2.md']);
    expect(pageOf(index.pages.get('a.txt'))).toEqual(page);
    expect(pageOf(index.pages.get(odd))).toEqual({ ...page, warnings: [], outputs: [] });
    expect(() => formatIndexLine('a.txt', { ...page, outputs: [['a/b.md', 'h', 1, 2]] })).toThrow(/cannot hold/);
  });

  it('tells a page left alone from its line without splitting it: same stamp, manifest entry, and no warnings', () => {
    const quiet = { ...page, warnings: [] };
    const line = formatIndexLine('a.txt', quiet);
    expect(unchangedLine(line, quiet.stamp, quiet.facts)).toEqual({
      line,
      text: 't',
      encoding: 'utf-8',
      names: 'x.md/y-2.md',
    });
    expect(outputNames('x.md/y-2.md')).toEqual(['x.md', 'y-2.md']);
    expect(['', 'x.md', 'x.md/y-2.md', 'a/b/c'].map(outputCount)).toEqual([0, 1, 2, 3]);
    expect(unchangedLine(line, [10, 1796011371076.7817, 1796011382565.51], quiet.facts)).toBeUndefined();
    expect(unchangedLine(line, [11, 1796011371076.7817, 1796011382565.5095], quiet.facts)).toBeUndefined();
    expect(unchangedLine(line, quiet.stamp, '{"date":"2020-03-09"}')).toBeUndefined();
    expect(unchangedLine(line, quiet.stamp, '{}')).toBeUndefined();
    expect(unchangedLine(formatIndexLine('a.txt', page), page.stamp, page.facts)).toBeUndefined();
    expect(unchangedLine(formatIndexLine('a.txt', { ...quiet, outputs: [] }), quiet.stamp, quiet.facts)?.names).toBe(
      '',
    );
    expect(unchangedLine('"a.txt"\tdamaged', quiet.stamp, quiet.facts)).toBeUndefined();
  });

  it('drops an index made with other rules, of another version or not an index at all', () => {
    const written = text([formatIndexLine('a.txt', page)]);
    expect(parseIndex(written, 'r', '/out').pages.has('a.txt')).toBe(true);
    expect(parseIndex(written, 'other', '/out')).toEqual(emptyIndex('other', '/out'));
    expect(parseIndex(written.replace(/^(\S+)\t\d+/u, '$1\t2'), 'r', '/out')).toEqual(emptyIndex('r', '/out'));
    expect(parseIndex('{"version":2}', 'r', '/out')).toEqual(emptyIndex('r', '/out'));
    expect(parseIndex('', 'r', '/out')).toEqual(emptyIndex('r', '/out'));
  });

  it('loses only the page of a damaged line', () => {
    const good = formatIndexLine('b.txt', page);
    const badName = good.replace('"b.txt"', '"c.txt');
    const index = parseIndex(text(['"a.txt"\tnot enough fields', badName, good]), 'r', '/out');
    expect(parseIndexLine(index.pages.get('a.txt')!)).toBeUndefined();
    expect(index.pages.has('c.txt')).toBe(false);
    expect(pageOf(index.pages.get('b.txt'))).toEqual(page);
    const cut = parseIndex(text([good.replace(/\t\[\[.*$/u, '\t[[')]), 'r', '/out');
    expect(pageOf(cut.pages.get('b.txt'))).toBeUndefined();
  });

  it('trusts a recorded page hash only while size, mtime and ctime are all unchanged', () => {
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.5, 2000.25])).toBe(true);
    expect(sameStamp([10, 1000.5, 2000.25], [11, 1000.5, 2000.25])).toBe(false);
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.6, 2000.25])).toBe(false);
    // mtime put back after a write: ctime still tells.
    expect(sameStamp([10, 1000.5, 2000.25], [10, 1000.5, 3000])).toBe(false);
  });

  it('appends the lines of the pages that changed, and a tombstone for a page gone; later lines win', () => {
    const line = (file: string, bytes = 'b') => formatIndexLine(file, { ...page, bytes });
    const old = parseIndex(text(['a', 'b', 'c', 'd', 'e', 'f'].map((f) => line(`${f}.txt`))), 'r', '/out');
    expect(indexChanges(old, new Map(old.pages))).toBeUndefined();
    const pages = new Map(old.pages);
    pages.set('b.txt', line('b.txt', 'b2'));
    pages.set('g.txt', line('g.txt'));
    pages.delete('c.txt');
    const changes = indexChanges(old, pages);
    const append = changes && 'append' in changes ? changes.append : '';
    expect(append.split('\n')).toEqual([line('b.txt', 'b2'), line('g.txt'), '"c.txt"\t', '']);
    const after = parseIndex(text(['a', 'b', 'c', 'd', 'e', 'f'].map((f) => line(`${f}.txt`))) + append, 'r', '/out');
    expect([...after.pages.keys()].sort()).toEqual(['a.txt', 'b.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt']);
    expect(parseIndexLine(after.pages.get('b.txt')!)?.bytes).toBe('b2');
    // Its `pages/` entries: page c's went out of use; b's key stayed.
    expect(changedOrGone(old, pages)).toBe(true);
    pages.set('c.txt', old.pages.get('c.txt')!);
    expect(changedOrGone(old, pages)).toBe(false);
    pages.set('b.txt', formatIndexLine('b.txt', { ...page, bytes: 'b2', key: 'k2' }));
    expect(changedOrGone(old, pages)).toBe(true);
    expect(pageKeys(pages)).toEqual(new Set(['k', 'k2']));
  });

  it('writes the index anew when there is none to append to, or most of it would be lines no longer needed', () => {
    const line = formatIndexLine('a.txt', page);
    const pages = new Map([['a.txt', line]]);
    expect(indexChanges(emptyIndex('r', '/out'), pages)).toEqual({ write: text([line]) });
    const stale = parseIndex(text([line, formatIndexLine('b.txt', page), formatIndexLine('c.txt', page)]), 'r', '/out');
    expect(indexChanges(stale, pages)).toEqual({ write: text([line]) });
    // A last line cut short (a run that died while appending) is not appended to.
    expect(parseIndex(text([line]).slice(0, -1), 'r', '/out').length).toBe(0);
  });

  it('records the content folder as a run left it, and finds the outputs no page claims any more', () => {
    const stamp = folderStamp({ ino: 42, mtimeMs: 1796011383569.2358, ctimeMs: 1796011383570.5 });
    const a = formatIndexLine('a.txt', page);
    const b = formatIndexLine('b.txt', { ...page, outputs: [['z.md', 'h', 1, 2]] });
    const written = formatIndex('r', '/out', [a, b], stamp);
    const old = parseIndex(written, 'r', '/out');
    expect(old.folder).toBe(stamp);
    expect([...old.pages.keys()]).toEqual(['a.txt', 'b.txt']);
    expect(indexChanges(old, new Map(old.pages), stamp)).toBeUndefined();
    const changes = indexChanges(old, new Map(old.pages), 'other');
    const append = changes && 'append' in changes ? changes.append : '';
    expect(parseIndex(written + append, 'r', '/out').folder).toBe('other');
    // b's page now writes y-2.md only; a's page, unchanged, still claims x.md and y-2.md.
    expect(unclaimedOutputs(old, new Map(old.pages))).toEqual([]);
    const now = formatIndexLine('b.txt', { ...page, outputs: [['y-2.md', 'h', 1, 2]] });
    expect(
      unclaimedOutputs(
        old,
        new Map([
          ['a.txt', a],
          ['b.txt', now],
        ]),
      ),
    ).toEqual(['z.md']);
    expect(unclaimedOutputs(old, new Map([['b.txt', b]]))).toEqual(['x.md', 'y-2.md']);
  });

  it('starts afresh for another content folder, whose files its output records do not describe', () => {
    const written = text([formatIndexLine('a.txt', page)]);
    expect(pageOf(parseIndex(written, 'r', '/out').pages.get('a.txt'))?.outputs).toEqual(page.outputs);
    expect(parseIndex(written, 'r', '/elsewhere')).toEqual(emptyIndex('r', '/elsewhere'));
  });
});

describe('worker count', () => {
  it('starts no workers for a few pages, one core, or where workers cannot load TypeScript', () => {
    expect(workerCount(8, 2, true)).toBe(0);
    expect(workerCount(2000, 1, true)).toBe(0);
    expect(workerCount(2000, 2, false)).toBe(0);
  });

  it('starts one a core for many pages, within the cap', () => {
    expect(workerCount(2000, 2, true)).toBe(2);
    expect(workerCount(2000, 16, true, 4)).toBe(4);
    expect(workerCount(3 * MIN_PAGES_PER_WORKER, 8, true)).toBe(3);
  });
});
