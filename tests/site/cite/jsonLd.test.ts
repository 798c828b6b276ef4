import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, serializeJsonLd } from '../../../src/utils/cite/jsonLd.ts';

describe('serializeJsonLd', () => {
  it('cannot be closed by page text and still parses to the same value', () => {
    const value = { headline: "</script><script>alert('x')</script> & <!--" };
    const json = serializeJsonLd(value);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('escapes line and paragraph separators', () => {
    expect(serializeJsonLd({ a: '\u2028\u2029' })).toBe('{"a":"\\u2028\\u2029"}');
  });
});

describe('newsArticleJsonLd', () => {
  const base = {
    slug: 's',
    url: 'https://x/articles/s/',
    title: 'T',
    kind: 'brief',
    body: 'B',
    authors: [{ name: '胡亚华', role: '记者' }],
    regions: ['石鼓区'],
    keywords: ['禁毒'],
    paperName: '衡阳日报',
  };

  it('carries the contract fields', () => {
    const ld = newsArticleJsonLd({ ...base, date: '2023-05-31', page: 2 });
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: 'T',
      articleBody: 'B',
      datePublished: '2023-05-31',
      genre: 'brief',
      identifier: 's',
      url: 'https://x/articles/s/',
      keywords: ['禁毒'],
      author: [{ '@type': 'Person', name: '胡亚华' }],
      contentLocation: [{ '@type': 'Place', name: '石鼓区' }],
      isPartOf: { name: '衡阳日报' },
      publisher: { name: '衡阳日报' },
      printPage: '2',
    });
  });

  it('leaves datePublished out when the date is unknown', () => {
    expect(newsArticleJsonLd({ ...base, date: null })).not.toHaveProperty('datePublished');
  });
});
