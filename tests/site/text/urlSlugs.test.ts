import { describe, expect, it } from 'vitest';
import { articlePath, dayPath, keywordIndexPath, keywordPath, listingPagePath } from '../../../src/utils/paths.ts';
import { keywordParam, sourcePageSlug } from '../../../src/utils/text/urlSlugs.ts';

describe('sourcePageSlug', () => {
  it('keeps already URL-safe file names readable', () => {
    expect(sourcePageSlug('004_58951b09849fe9b2.txt')).toBe('004_58951b09849fe9b2');
  });

  it('makes other names URL-safe and keeps distinct names distinct', () => {
    const a = sourcePageSlug('第1版 要闻.txt');
    const b = sourcePageSlug('第2版 要闻.txt');
    expect(a).toMatch(/^[a-z0-9_-]+$/);
    expect(a).not.toBe(b);
  });
});

describe('keywordParam', () => {
  it('uses ordinary keywords as they are', () => {
    expect(keywordParam('复工复产')).toBe('复工复产');
  });

  it('replaces keywords that cannot be one path segment', () => {
    for (const bad of ['a/b', '..', '.', 'x?y', 'a#b', '50%', 'a b', '~', '~abc']) {
      const param = keywordParam(bad);
      expect(param).toMatch(/^~[0-9a-z]{7,}$/);
    }
    expect(keywordParam('a/b')).not.toBe(keywordParam('a\\b'));
  });
});

describe('paths', () => {
  it('URL-encodes keywords and article ids', () => {
    expect(keywordPath('停水')).toBe('/keywords/%E5%81%9C%E6%B0%B4/');
    expect(articlePath('2020/a b')).toBe('/articles/2020/a%20b/');
    expect(articlePath('0001b06de664')).toBe('/articles/0001b06de664/');
    expect(articlePath('a.b~c')).toBe('/articles/a.b~c/');
    expect(articlePath('衡阳')).toBe('/articles/%E8%A1%A1%E9%98%B3/');
  });

  it('builds day and listing paths with trailing slashes', () => {
    expect(dayPath('2020-03-09')).toBe('/dates/2020/03/09/');
    expect(listingPagePath('/regions/leiyang/', 1)).toBe('/regions/leiyang/');
    expect(listingPagePath('/regions/leiyang/', 3)).toBe('/regions/leiyang/3/');
    expect(keywordIndexPath(2)).toBe('/keywords/~/2/');
  });
});
