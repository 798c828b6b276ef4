import { describe, expect, it } from 'vitest';
import {
  FULL_DATE,
  PAPER_NAME,
  creditOf,
  creditsOf,
  isSectionName,
  isoDate,
  readFacts,
  splitSegments,
} from '../../../scripts/ingest/parse/labels/runningHead.ts';

describe('creditOf', () => {
  it('reads a role and a name, taking the typesetting space out of the name', () => {
    expect(creditOf('责任编辑：谢 凡')).toEqual({ role: '责任编辑', name: '谢凡' });
    expect(creditOf('编辑: 周　敏')).toEqual({ role: '编辑', name: '周敏' });
    expect(creditOf('  校对：欧阳晓燕  ')).toEqual({ role: '校对', name: '欧阳晓燕' });
  });

  it('reads 美术编辑 as itself, not as 编辑', () => {
    expect(creditOf('美术编辑：邝雨桐')).toEqual({ role: '美术编辑', name: '邝雨桐' });
    expect(creditOf('图片编辑：唐 宁')).toEqual({ role: '图片编辑', name: '唐宁' });
  });

  it('rejects roles that are not page credits and names that are not names', () => {
    expect(creditOf('记者：王明远')).toBeUndefined();
    expect(creditOf('联系电话：0734-8123456')).toBeUndefined();
    expect(creditOf('责任编辑：Lily')).toBeUndefined();
    expect(creditOf('责任编辑：')).toBeUndefined();
    // Two credits in one segment are not one name.
    expect(creditOf('责任编辑：龙浩然　美术编辑：邝雨桐')).toBeUndefined();
    // A sentence that happens to open with a role word.
    expect(creditOf('编辑：这篇稿子写得很好，值得一读。')).toBeUndefined();
  });
});

describe('creditsOf', () => {
  it('finds every credit and says when the line holds nothing else', () => {
    expect(creditsOf('本版编辑：刘 芳　美术编辑：邝雨桐　校对：肖 雪')).toEqual({
      credits: [
        { role: '本版编辑', name: '刘芳' },
        { role: '美术编辑', name: '邝雨桐' },
        { role: '校对', name: '肖雪' },
      ],
      only: true,
    });
  });

  it('is not `only` when the line also prints something else', () => {
    const read = creditsOf('第3版　要闻　　责任编辑：龙浩然');
    expect(read.credits).toEqual([{ role: '责任编辑', name: '龙浩然' }]);
    expect(read.only).toBe(false);
    expect(creditsOf('本版编辑：刘 芳　新闻热线：0734-8123456').only).toBe(false);
  });

  it('finds no credit in prose or a byline', () => {
    expect(creditsOf('编辑部的同志们冒雨赶到现场，记录下感人一幕。')).toEqual({ credits: [], only: false });
    expect(creditsOf('■全媒体记者 颜子钧 通讯员 何 灵')).toEqual({ credits: [], only: false });
  });
});

describe('splitSegments', () => {
  it('splits at wide spaces, tabs and runs of narrow spaces but not at a single space', () => {
    expect(splitSegments('  衡阳日报　2022年3月8日\t星期二  第2版　要 闻 ')).toEqual([
      '衡阳日报',
      '2022年3月8日',
      '星期二',
      '第2版',
      '要 闻',
    ]);
  });

  it('gives nothing for a blank line', () => {
    expect(splitSegments('　　  ')).toEqual([]);
  });
});

describe('FULL_DATE and isoDate', () => {
  it('reads a printed date, spaces and all', () => {
    const match = FULL_DATE.exec('出版日期 2022 年 3 月 8 日');
    expect(match).not.toBeNull();
    expect(isoDate(match!)).toBe('2022-03-08');
  });

  it('rejects days the calendar does not have', () => {
    expect(isoDate(FULL_DATE.exec('2023年2月29日')!)).toBeUndefined();
    expect(isoDate(FULL_DATE.exec('2022年4月31日')!)).toBeUndefined();
    expect(isoDate(FULL_DATE.exec('2024年2月29日')!)).toBe('2024-02-29');
  });

  it('needs a year of this century or the last', () => {
    expect(FULL_DATE.test('3月8日')).toBe(false);
    expect(FULL_DATE.test('1850年3月8日')).toBe(false);
  });
});

describe('PAPER_NAME', () => {
  it('matches a paper’s name alone', () => {
    expect(PAPER_NAME.test('衡阳日报')).toBe(true);
    expect(PAPER_NAME.test('衡阳晚报')).toBe(true);
    expect(PAPER_NAME.test('潇湘都市报')).toBe(true);
  });

  it('does not match a headline that names the paper', () => {
    expect(PAPER_NAME.test('衡阳日报社举行新春团拜会')).toBe(false);
    expect(PAPER_NAME.test('衡阳日报　2022年3月8日')).toBe(false);
    expect(PAPER_NAME.test('日报')).toBe(false);
  });
});

describe('isSectionName', () => {
  it('accepts short names, with a middle dot or typesetting spaces', () => {
    expect(isSectionName('要闻')).toBe(true);
    expect(isSectionName('县域经济')).toBe(true);
    expect(isSectionName('体育·文化')).toBe(true);
    expect(isSectionName('要　闻')).toBe(true);
  });

  it('rejects sentences, numbers and long lines', () => {
    expect(isSectionName('今天，我们出发。')).toBe(false);
    expect(isSectionName('第2版')).toBe(false);
    expect(isSectionName('要')).toBe(false);
    expect(isSectionName('全市重点项目建设推进会召开')).toBe(false);
  });
});

describe('readFacts', () => {
  it('reads a full running head', () => {
    expect(readFacts('衡阳日报　2022年3月8日　星期二　第2版　要闻　　责任编辑：龙浩然　美术编辑：邝雨桐')).toEqual({
      edition: '衡阳日报',
      date: '2022-03-08',
      page: 2,
      pageName: '要闻',
      editors: [
        { role: '责任编辑', name: '龙浩然' },
        { role: '美术编辑', name: '邝雨桐' },
      ],
      unknown: [],
    });
  });

  it('reads page numbers written in Chinese numerals', () => {
    expect(readFacts('第二版').page).toBe(2);
    expect(readFacts('第十版').page).toBe(10);
    expect(readFacts('第十二版').page).toBe(12);
    expect(readFacts('第二十版').page).toBe(20);
    expect(readFacts('第0版').page).toBeUndefined();
  });

  it('reads a section name glued to the date', () => {
    const facts = readFacts('理论2022年6月21日　第十一版');
    expect(facts).toMatchObject({ date: '2022-06-21', page: 11, pageName: '理论' });
  });

  it('takes the section name with a dot and without its typesetting spaces', () => {
    expect(readFacts('第6版　　体育 · 文化　　本版编辑：刘 芳')).toMatchObject({
      page: 6,
      pageName: '体育·文化',
      editors: [{ role: '本版编辑', name: '刘芳' }],
    });
    expect(readFacts('第5版　县 域 经 济').pageName).toBe('县域经济');
  });

  it('skips the weekday, the lunar date and the page count', () => {
    const facts = readFacts('2023年1月20日　星期五　农历壬寅年腊月廿九　今日8版');
    expect(facts).toEqual({ date: '2023-01-20', editors: [], unknown: [] });
  });

  it('keeps no date that the calendar does not have', () => {
    const facts = readFacts('2022年2月30日　第3版');
    expect(facts.date).toBeUndefined();
    expect(facts.page).toBe(3);
  });

  it('keeps the first of each fact', () => {
    const facts = readFacts('第3版　要闻　第4版　评论');
    expect(facts.page).toBe(3);
    expect(facts.pageName).toBe('要闻');
  });

  it('lists what it cannot read instead of taking it as the section name', () => {
    const facts = readFacts('第2版　今天，全市召开大会。　新闻热线：0734-8123456');
    expect(facts.page).toBe(2);
    expect(facts.pageName).toBeUndefined();
    expect(facts.unknown).toEqual(['今天，全市召开大会。', '新闻热线：0734-8123456']);
  });

  // Bug (reported): with single spaces between its parts the head is one segment; once the date is cut out, the
  // paper's name and the weekday are left and read as a 版名: observed pageName '衡阳日报星期二'.
  it('reads a single-spaced `衡阳日报 2022年3月8日 星期二` word by word', () => {
    const facts = readFacts('衡阳日报 2022年3月8日 星期二');
    expect(facts).toMatchObject({ date: '2022-03-08', edition: '衡阳日报' });
    expect(facts.pageName).toBeUndefined();
    expect(readFacts('2022年3月8日 星期二 第7版 副 刊').pageName).toBe('副刊');
  });
});
