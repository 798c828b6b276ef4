import { describe, expect, it } from 'vitest';
import type { ArticleFrontMatter } from '../../src/lib/articleContract.ts';
import { buildArchiveIndex } from '../../src/lib/archiveIndex.ts';
import { termWeight } from '../../src/lib/related.ts';

function article(slug: string, date: string | null, keywords: string[], regions: string[] = [], index = 0) {
  const data: ArticleFrontMatter = {
    title: slug,
    kind: 'article',
    authors: [],
    date,
    dateInferred: false,
    regions,
    keywords,
    source: { file: `${date ?? 'x'}.txt`, index },
  };
  return { slug, data };
}

describe('termWeight', () => {
  it('weights rare terms above common ones', () => {
    expect(termWeight(2, 1000)).toBeGreaterThan(termWeight(500, 1000));
  });
});

describe('related articles', () => {
  const target = article('t', '2020-03-09', ['复工复产', '联络员'], ['衡阳市']);
  const others = [
    article('both', '2020-03-01', ['复工复产', '联络员']),
    article('rare', '2020-03-02', ['联络员']),
    article('common', '2020-03-03', ['复工复产']),
    article('region-only', '2020-03-04', [], ['衡阳市']),
    article('unrelated', '2020-03-05', ['禁毒'], ['石鼓区']),
    ...Array.from({ length: 6 }, (_, i) => article(`filler${i}`, '2019-01-01', ['复工复产'], [], i)),
  ];
  const index = buildArchiveIndex([target, ...others]);

  it('ranks by shared terms, rarer keywords first, and never returns the article itself', () => {
    const related = index.related(target, { limit: 4 }).map((a) => a.slug);
    expect(related[0]).toBe('both');
    expect(related[1]).toBe('rare');
    expect(related).not.toContain('t');
    expect(related).not.toContain('unrelated');
  });

  it('counts a shared region for less than an equally rare shared keyword', () => {
    const t = article('t', '2020-03-09', ['督查'], ['雁峰区']);
    const byRegion = article('by-region', '2020-03-09', [], ['雁峰区'], 1);
    const byKeyword = article('by-keyword', '2020-03-01', ['督查']);
    const small = buildArchiveIndex([t, byRegion, byKeyword]);
    // by-region is nearer in time, so only the weights can put by-keyword first.
    expect(small.related(t).map((a) => a.slug)).toEqual(['by-keyword', 'by-region']);
  });

  it('breaks ties by nearness in time', () => {
    const related = index.related(target, { limit: 20 }).map((a) => a.slug);
    // "common" (2020-03-03) and the 2019 fillers share the same single keyword.
    expect(related.indexOf('common')).toBeLessThan(related.indexOf('filler0'));
  });

  it('only looks at a window of each posting list', () => {
    const related = index.related(target, { limit: 20, window: 1 }).map((a) => a.slug);
    expect(related.some((s) => s.startsWith('filler'))).toBe(false);
  });
});
