import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../src/utils/cite/citation.ts';

const url = 'https://archive.example/articles/b2c3d4e5f6/';

describe('formatCitation', () => {
  it('formats a dated article with one author in GB/T 7714 order', () => {
    const text = formatCitation({
      title: '在建水利工程质量和进度如何？',
      authors: [{ name: '胡亚华' }],
      date: '2020-03-09',
      dateInferred: false,
      url,
    });
    expect(text).toBe(`胡亚华. 在建水利工程质量和进度如何？[N]. 衡阳日报, 2020-03-09. ${url}`);
  });

  it('adds the printed page number after the date', () => {
    const text = formatCitation({ title: '标题', authors: [], date: '2020-03-09', dateInferred: false, page: 4, url });
    expect(text).toBe(`标题[N]. 衡阳日报, 2020-03-09(4). ${url}`);
  });

  it('brackets an inferred date, as the standard marks a supplied date', () => {
    const text = formatCitation({ title: '标题', authors: [], date: '2023-05-31', dateInferred: true, url });
    expect(text).toContain('衡阳日报, [2023-05-31].');
  });

  it('omits the date honestly when there is none, and the page number with it', () => {
    const text = formatCitation({
      title: '图片新闻',
      authors: [{ name: '王翟' }],
      date: null,
      dateInferred: false,
      page: 2,
      url,
    });
    expect(text).toBe(`王翟. 图片新闻[N]. 衡阳日报. ${url}`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}|\(2\)/);
  });

  it('starts with the title when there is no author', () => {
    expect(formatCitation({ title: 'T', authors: [], date: null, dateInferred: false, url })).toMatch(/^T\[N\]\./);
  });

  it('lists three authors, then 等, and drops duplicates', () => {
    const authors = ['甲', '乙', '乙', '丙', '丁'].map((name) => ({ name }));
    const text = formatCitation({ title: 'T', authors, date: null, dateInferred: false, url });
    expect(text.startsWith('甲, 乙, 丙, 等. T[N].')).toBe(true);
  });

  it('flattens line breaks in a title', () => {
    const text = formatCitation({ title: '上行\n下行', authors: [], date: null, dateInferred: false, url });
    expect(text).toContain('上行 下行[N].');
  });
});
