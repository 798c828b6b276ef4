import { describe, expect, it } from 'vitest';
import { buildPeopleIndex } from '../../../src/data/peopleIndex.ts';
import { personName, personSlug } from '../../../src/utils/text/urlSlugs.ts';
import { fixtureArticle } from '../../support/articles.ts';

const articles = [
  fixtureArticle('a', { date: '2021-07-15', authors: [{ name: '周健', role: '记者' }] }),
  fixtureArticle('b', {
    date: '2021-03-01',
    authors: [
      { name: '周 健', role: '通讯员' },
      { name: '周　健', role: '摄影' },
      { name: '王晓辉', role: '记者' },
    ],
  }),
  fixtureArticle('c', { date: '2020-01-02', authors: [{ name: '周健', role: '记者' }] }),
  fixtureArticle('d', {
    date: null,
    authors: [
      { name: '王晓辉', role: '摄影' },
      { name: 'a/b?', role: '作者' },
    ],
  }),
];
const { people, bySlug, byName } = buildPeopleIndex(articles);

describe('people', () => {
  it('treats a name printed with a space, ASCII or ideographic, as the same person', () => {
    expect(personName('周 健')).toBe('周健');
    expect(personName('周　健')).toBe('周健');
    const zhou = byName.get('周健')!;
    expect(zhou.articles.map((a) => a.slug)).toEqual(['a', 'b', 'c']);
    expect(people.filter((p) => p.name.startsWith('周'))).toHaveLength(1);
  });

  it('counts roles (most frequent first) and articles per year, newest year first, undated last', () => {
    const zhou = byName.get('周健')!;
    expect(zhou.roles[0]).toEqual({ role: '记者', count: 2 });
    expect(zhou.roles.map((r) => r.role).sort()).toEqual(['摄影', '记者', '通讯员'].sort());
    expect(zhou.years).toEqual([
      { year: '2021', count: 2 },
      { year: '2020', count: 1 },
    ]);
    expect(byName.get('王晓辉')!.years).toEqual([
      { year: '2021', count: 1 },
      { year: null, count: 1 },
    ]);
  });

  it('orders people by number of articles, then by name', () => {
    expect(people.map((p) => [p.name, p.articles.length])).toEqual([
      ['周健', 3],
      ['王晓辉', 2],
      ['a/b?', 1],
    ]);
  });

  it('gives stable slugs that are one safe path segment', () => {
    expect(personSlug('周 健')).toBe(personSlug('周健'));
    expect(byName.get('周健')!.slug).toBe('周健');
    const hostile = byName.get('a/b?')!.slug;
    expect(hostile).toMatch(/^~[0-9a-z]{7,}$/);
    expect(bySlug.get(hostile)?.name).toBe('a/b?');
    for (const bad of ['..', '~x', 'a#b', '100%', '\u202e周健'])
      expect(personSlug(bad)).not.toMatch(/[/#%?\s]|^\.\.?$/);
  });
});
