import { describe, expect, it } from 'vitest';
import { inBuildPart, inPart, paramsKey, parseBuildPart, pathsInBuildPart } from '../../src/utils/buildPart.ts';
import { fnv1a } from '../../src/utils/fnv1a.ts';

const keys = [
  ...Array.from({ length: 2000 }, (_, i) => `articles/${i.toString(16).padStart(12, '0')}`),
  '',
  '毒品/2',
  'hengyang/',
  '2015/03/07/',
];

describe('parseBuildPart', () => {
  it('reads k/n, and nothing as the whole site', () => {
    expect(parseBuildPart('1/3')).toEqual({ index: 1, count: 3 });
    expect(parseBuildPart(undefined)).toBeUndefined();
    expect(parseBuildPart('')).toBeUndefined();
  });

  it('refuses what is not a part rather than building everything', () => {
    for (const bad of ['2/2', '0/0', '1', 'a/b', '-1/2', '1/2/3']) expect(() => parseBuildPart(bad)).toThrow(/k\/n/);
  });
});

describe('inPart', () => {
  it('puts every key in exactly one part, for any number of parts', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const parts = Array.from({ length: count }, (_, index) => ({ index, count }));
      const misplaced = keys.filter((key) => parts.filter((part) => inPart(key, part)).length !== 1);
      expect(misplaced).toEqual([]);
    }
  });

  it('shares the keys out evenly enough', () => {
    for (const count of [2, 4]) {
      for (let index = 0; index < count; index++) {
        const share = keys.filter((key) => inPart(key, { index, count })).length / keys.length;
        expect(share).toBeGreaterThan(1 / count - 0.05);
        expect(share).toBeLessThan(1 / count + 0.05);
      }
    }
  });

  it('is stable: the same key always hashes the same', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('articles/a')).toBe(fnv1a('articles/a'));
    expect(fnv1a('a')).not.toBe(fnv1a('b'));
  });

  it('keeps every key without a part', () => {
    expect(keys.every((key) => inPart(key, undefined))).toBe(true);
  });
});

describe('pathsInBuildPart', () => {
  it('keys a route by its parameters in order', () => {
    expect(paramsKey({ year: '2015', month: '03', page: undefined })).toBe('2015/03/');
  });

  it('keeps every path when no part is set (the test run sets none)', () => {
    const paths = keys.map((key) => ({ params: { slug: key }, props: { n: key.length } }));
    expect(pathsInBuildPart(paths)).toEqual(paths);
    expect(inBuildPart('anything')).toBe(true);
  });
});
