import { describe, expect, it } from 'vitest';
import { buildArchiveIndex, type PrintedPage } from '../../../src/data/archiveIndex.ts';
import { sourcePageLabel, sourcePageShortLabel } from '../../../src/utils/labels.ts';
import { fixtureArticle } from '../../support/articles.ts';

const articles = [
  fixtureArticle('a', { date: '2021-07-14', dateInferred: true, source: { file: 'p1.txt', index: 0 } }),
  fixtureArticle('b', { date: '2021-07-14', dateInferred: true, source: { file: 'p2.txt', index: 0 } }),
  fixtureArticle('c', { date: '2021-07-14', dateInferred: true, source: { file: 'p3.txt', index: 0 } }),
];
const record: PrintedPage = {
  file: 'p1.txt',
  date: '2021-07-15',
  dateSource: 'printed',
  edition: '衡阳日报',
  page: 1,
  pageName: '要闻',
  editors: [{ role: '责任编辑', name: '谢凡' }],
  furniture: [{ line: 1, text: '衡阳日报 2021年7月15日' }],
};

describe('source pages with and without page records', () => {
  const withRecords = buildArchiveIndex(articles, [record]);
  const without = buildArchiveIndex(articles);

  it('takes the printed date, 版次, 版名, editors and furniture from the record', () => {
    const page = withRecords.sourcePages.find((p) => p.file === 'p1.txt')!;
    expect(page).toMatchObject({ date: '2021-07-15', dateInferred: false, page: 1, pageName: '要闻' });
    expect(page.editors).toEqual(record.editors);
    expect(page.furniture).toEqual(record.furniture);
    expect(sourcePageLabel(page)).toBe('2021年7月15日 第1版 要闻');
    expect(withRecords.sourcePagesByDate.get('2021-07-15')).toEqual([page]);
  });

  it('falls back to the articles’ front matter without a record', () => {
    const page = without.sourcePages.find((p) => p.file === 'p1.txt')!;
    expect(page).toMatchObject({ date: '2021-07-14', dateInferred: true, editors: [], furniture: [] });
    expect(page.page).toBeUndefined();
  });

  it('names pages that would share a name by their order, and never by file name', () => {
    const day = without.sourcePagesByDate.get('2021-07-14')!;
    const labels = day.map((p) => sourcePageLabel(p));
    expect(new Set(labels).size).toBe(3);
    expect(labels[0]).toBe('2021年7月14日（推断） 版次不详 之1');
    for (const label of labels) expect(label).not.toMatch(/p\d\.txt|\.txt/);
    // With the record, p1 is on another day and the two left still differ.
    const left = withRecords.sourcePagesByDate.get('2021-07-14')!.map((p) => sourcePageShortLabel(p));
    expect(left).toEqual(['版次不详 之1', '版次不详 之2']);
  });

  it('says what is not known', () => {
    expect(sourcePageLabel({ date: null, dateInferred: false })).toBe('日期不详 版次不详');
  });
});
