import { describe, expect, it } from 'vitest';
import { fixtureArticle } from '../../support/articles.ts';
import { buildArchiveIndex, sourcePageDate } from '../../../src/data/archiveIndex.ts';

const article = fixtureArticle;

const articles = [
  article('undated', { source: { file: 'b.txt', index: 0 } }),
  article('old', { date: '2020-03-09', source: { file: 'a.txt', index: 1 }, regions: ['衡阳市'] }),
  article('old-first', { date: '2020-03-09', source: { file: 'a.txt', index: 0 }, keywords: ['复工复产'] }),
  article('old-inferred', { date: '2020-03-09', dateInferred: true, source: { file: 'c.txt', index: 0 } }),
  article('new', { date: '2023-05-31', dateInferred: true, source: { file: 'd.txt', index: 2 }, regions: ['衡阳市'] }),
];
const index = buildArchiveIndex(articles);

describe('buildArchiveIndex', () => {
  it('orders newest first, recorded before inferred, printed order within a day, undated last', () => {
    expect(index.all.map((a) => a.slug)).toEqual(['new', 'old-first', 'old', 'old-inferred', 'undated']);
  });

  it('keeps a day’s recorded and inferred articles apart', () => {
    const day = index.byDate.get('2020-03-09')!;
    expect(day.known.map((a) => a.slug)).toEqual(['old-first', 'old']);
    expect(day.inferred.map((a) => a.slug)).toEqual(['old-inferred']);
  });

  it('lists a source page in printed order', () => {
    expect(index.bySourcePage.get('a')!.articles.map((a) => a.slug)).toEqual(['old-first', 'old']);
  });

  it('indexes regions and keywords', () => {
    expect(index.byRegion.get('衡阳市')!.map((a) => a.slug)).toEqual(['new', 'old']);
    expect(index.byKeyword.get('复工复产')!.articles.map((a) => a.slug)).toEqual(['old-first']);
    expect(index.undated.map((a) => a.slug)).toEqual(['undated']);
  });

  it('rejects duplicate slugs', () => {
    expect(() => buildArchiveIndex([articles[0], articles[0]])).toThrow(/slug undated/);
  });
});

describe('sourcePageDate', () => {
  it('prefers a recorded date to a more common inferred one', () => {
    const page = [
      article('x', { date: '2020-01-02', dateInferred: true }),
      article('y', { date: '2020-01-02', dateInferred: true }),
      article('z', { date: '2020-01-01', dateInferred: false }),
    ];
    expect(sourcePageDate(page)).toEqual({ date: '2020-01-01', dateInferred: false });
  });

  it('falls back to the commonest inferred date, and to null', () => {
    const page = [
      article('x', { date: '2020-01-02', dateInferred: true }),
      article('y', { date: '2020-01-03', dateInferred: true }),
      article('w', { date: '2020-01-03', dateInferred: true }),
    ];
    expect(sourcePageDate(page)).toEqual({ date: '2020-01-03', dateInferred: true });
    expect(sourcePageDate([article('n', {})])).toEqual({ date: null, dateInferred: false });
  });
});
