import { describe, expect, it } from 'vitest';
import { keywordHasPage } from '../../../src/utils/keywordPages.ts';
import { searchPath } from '../../../src/utils/paths.ts';
import { KEYWORD_PAGE_MIN_ARTICLES } from '../../../src/utils/site.ts';

const articles = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('keyword pages', () => {
  it('are built for keywords that enough articles hold', () => {
    expect(keywordHasPage({ param: '复工复产', articles: articles(KEYWORD_PAGE_MIN_ARTICLES) })).toBe(true);
    expect(keywordHasPage({ param: '复工复产', articles: articles(KEYWORD_PAGE_MIN_ARTICLES - 1) })).toBe(false);
  });

  it('are never built for stop words (data/stopwords.txt), however common', () => {
    expect(keywordHasPage({ param: '以及', articles: articles(100) })).toBe(false);
  });

  it('send the other keywords to the search page, encoded', () => {
    expect(searchPath('复工 复产&x=1')).toBe('/search/?q=%E5%A4%8D%E5%B7%A5%20%E5%A4%8D%E4%BA%A7%26x%3D1');
  });
});
