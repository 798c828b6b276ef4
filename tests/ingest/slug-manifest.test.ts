import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../scripts/ingest/manifest.ts';
import { baseSlug, createSlugAllocator } from '../../scripts/ingest/articleSlug.ts';

describe('slugs', () => {
  it('depend only on the page file and the article’s own words', () => {
    expect(baseSlug('a.txt', '标题', '正文 开头')).toBe(baseSlug('a.txt', '标题', '正文开头'));
    expect(baseSlug('a.txt', '标题', '正文')).not.toBe(baseSlug('a.txt', '另一个标题', '正文'));
    expect(baseSlug('a.txt', '标题', '正文')).not.toBe(baseSlug('b.txt', '标题', '正文'));
    expect(baseSlug('a.txt', '标题', '正文')).toMatch(/^[0-9a-f]{12}$/);
  });

  it('number repeats in the order they are allocated', () => {
    const allocate = createSlugAllocator();
    expect([allocate('abc'), allocate('abc'), allocate('def')]).toEqual(['abc', 'abc-2', 'def']);
  });
});

describe('manifest', () => {
  it('reads stated dates, editions and page numbers', () => {
    const manifest = parseManifest('pages:\n  a.txt: { date: 2020-03-09, edition: 衡阳日报, page: 2 }\n', 'm.yaml');
    expect(manifest.get('a.txt')).toEqual({ date: '2020-03-09', edition: '衡阳日报', page: 2 });
  });

  it('names the file and page of a bad entry', () => {
    expect(() => parseManifest('pages:\n  a.txt: { date: 2020-13-45 }\n', 'm.yaml')).toThrow(/m\.yaml: a\.txt: date/);
    expect(() => parseManifest('pages:\n  a.txt: { page: 0 }\n', 'm.yaml')).toThrow(/m\.yaml: a\.txt: page/);
  });
});
