import { describe, expect, test } from 'vitest';
import { decodeEntities, parseArticlePage } from '../../scripts/indexer/searchPages.ts';
import { articleHtml } from '../../scripts/tools/eval/searchFixtures.ts';
import { indexDocument } from '../../scripts/indexer/searchIndex.ts';
import { parseT2s } from '../../src/search/text/fold.ts';

const article = {
  slug: 'a1',
  title: '钟表产业<b>&',
  kind: 'brief',
  date: '2020-03-09',
  regions: ['衡南县', '祁东县'],
  keywords: ['复工复产'],
  paragraphs: ['第一段，钟表。', '第二段 <script>alert(1)</script>'],
};

describe('parseArticlePage', () => {
  test('reads the contract: attributes, title, JSON-LD body and keywords', () => {
    expect(parseArticlePage(articleHtml(article), '/articles/a1/')).toEqual({
      slug: 'a1',
      url: '/articles/a1/',
      kind: 'brief',
      year: '2020',
      date: '2020-03-09',
      regions: ['衡南县', '祁东县'],
      title: '钟表产业<b>&',
      body: '第一段，钟表。\n\n第二段 <script>alert(1)</script>',
      keywords: ['复工复产'],
    });
  });
  test('pages without <article data-article> are skipped', () => {
    expect(parseArticlePage('<html lang="zh-CN"><body><h1>x</h1></body></html>', '/')).toBeUndefined();
  });
  test('an article page without lang="zh-…" is an error', () => {
    expect(() => parseArticlePage(articleHtml(article).replace('zh-CN', 'en'), '/a/')).toThrow(/lang/u);
  });
  test('entities decode', () => {
    expect(decodeEntities('&lt;&#x4e2d;&#25991;&amp;&nbsp;')).toBe('<中文&\u00a0');
  });
});

describe('indexDocument', () => {
  const html = indexDocument(parseArticlePage(articleHtml(article), '/articles/a1/')!, parseT2s('鐘钟'));
  test('escapes text and carries meta, filters and the date sort', () => {
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('data-pagefind-filter="region[data-v]" data-v="祁东县"');
    expect(html).toContain('data-pagefind-filter="year[data-v]" data-v="2020"');
    expect(html).toContain('data-pagefind-sort="date[data-v]" data-v="2020-03-09"');
    expect(html).toContain('<html lang="zxx">');
  });
  test('indexes bigrams, and region aliases as weighted extra text', () => {
    expect(html).toContain('<h1>钟表 表产 产业 业 &lt;b&gt;&amp; ¶</h1>');
    expect(html).toMatch(/data-pagefind-weight="3">.*衡南 南.*复工/u);
  });
});
