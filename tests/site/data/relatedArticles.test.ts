import { describe, expect, it } from 'vitest';
import type { ArticleFrontMatter } from '../../../src/schemas/articleContract.ts';
import { buildArchiveIndex } from '../../../src/data/archiveIndex.ts';
import { termWeight } from '../../../src/data/related.ts';

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

describe('related articles on a larger archive', () => {
  // A small deterministic pseudo-random generator, so failures reproduce.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const words = Array.from({ length: 40 }, (_, i) => `词${i}`);
  const places = ['衡阳市', '雁峰区', '石鼓区', '耒阳市'];
  const archive = Array.from({ length: 400 }, (_, i) => {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const keywords = Array.from({ length: Math.floor(random() * 6) }, () => pick(words));
    const regions = random() < 0.7 ? [pick(places)] : [];
    return article(`a${String(i).padStart(3, '0')}`, random() < 0.1 ? null : `2020-02-${day}`, keywords, regions, i);
  });
  const index = buildArchiveIndex(archive);

  // The straightforward definition: score every candidate in the windows, sort them all.
  function expected(target: (typeof archive)[number], limit: number, window = 50, regionWeight = 0.5) {
    const rank = new Map(index.all.map((a, i) => [a.slug, i]));
    const postings = (key: (a: (typeof archive)[number]) => readonly string[]) => {
      const map = new Map<string, (typeof archive)[number][]>();
      for (const a of index.all) for (const k of new Set(key(a))) map.set(k, [...(map.get(k) ?? []), a]);
      return map;
    };
    const byKeyword = postings((a) => a.data.keywords);
    const byRegion = postings((a) => a.data.regions);
    const r = rank.get(target.slug)!;
    const scores = new Map<string, number>();
    const consider = (posting: (typeof archive)[number][] | undefined, weight: number) => {
      if (!posting || posting.length < 2) return;
      const pos = posting.findIndex((a) => rank.get(a.slug)! >= r);
      const at = pos === -1 ? posting.length : pos;
      const w = weight * termWeight(posting.length, index.all.length);
      for (const a of posting.slice(Math.max(0, at - window), at + window + 1))
        if (a.slug !== target.slug) scores.set(a.slug, (scores.get(a.slug) ?? 0) + w);
    };
    for (const k of new Set(target.data.keywords)) consider(byKeyword.get(k), 1);
    for (const k of new Set(target.data.regions)) consider(byRegion.get(k), regionWeight);
    const distance = (slug: string) => Math.abs(rank.get(slug)! - r);
    return [...scores]
      .sort((a, b) => b[1] - a[1] || distance(a[0]) - distance(b[0]) || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([slug]) => slug);
  }

  it('keeps exactly the best candidates a full sort would keep', () => {
    for (const target of archive.slice(0, 80)) {
      expect(index.related(target, { limit: 5 }).map((a) => a.slug)).toEqual(expected(target, 5));
      expect(index.related(target, { limit: 12, window: 3 }).map((a) => a.slug)).toEqual(expected(target, 12, 3));
    }
  });

  it('gives the same answer when asked twice (scratch space is cleared)', () => {
    const target = archive.find((a) => a.data.keywords.length > 2)!;
    const first = index.related(target).map((a) => a.slug);
    expect(first.length).toBeGreaterThan(0);
    expect(index.related(target).map((a) => a.slug)).toEqual(first);
  });

  it('still returns candidates whose terms weigh nothing, once each', () => {
    const target = archive.find((a) => a.data.regions.length > 0 && a.data.keywords.length === 0)!;
    const related = index.related(target, { limit: 50, regionWeight: 0 }).map((a) => a.slug);
    expect(related.length).toBeGreaterThan(0);
    expect(new Set(related).size).toBe(related.length);
    expect(index.related(target, { limit: 0 })).toEqual([]);
  });
});
