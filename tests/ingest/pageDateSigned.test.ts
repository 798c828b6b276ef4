import { describe, expect, it } from 'vitest';
import { inferPageDate } from '../../scripts/ingest/parse/pageDate.ts';

const notice = [
  '关于城区部分路段停水的通告',
  '',
  '因管网改造，定于2022年4月20日至4月25日对城区部分路段停水，请用户于4月30日前办理登记。',
  '',
  '　　　　衡阳市自来水有限公司',
  '　　　　2022年4月12日',
].join('\n');

describe('inferPageDate: a date signed alone on its line', () => {
  it('dates the page the day after the signature, not after the deadlines the notice names', () => {
    const inferred = inferPageDate(notice);
    expect(inferred.date).toBe('2022-04-13');
    expect(inferred.reason).toContain('signed');
  });

  it('takes the latest of several signatures', () => {
    const page = [
      '招聘公告',
      '　　　2022年4月9日',
      '',
      '遗失声明',
      '　　　2022年4月12日',
      '报名截止2022年5月30日。',
    ].join('\n');
    expect(inferPageDate(page).date).toBe('2022-04-13');
  });

  it('crosses into the next year', () => {
    expect(inferPageDate('特此公告。\n　　　　2021年12月31日').date).toBe('2022-01-01');
  });

  it('reads full-width digits', () => {
    expect(inferPageDate('特此公告。\n　　　　２０２２年４月１２日').date).toBe('2022-04-13');
  });

  it('ignores a signature the calendar does not have', () => {
    const inferred = inferPageDate('特此公告。\n　　2022年2月30日\n3月1日，活动在市文化馆举行。');
    expect(inferred.date).toBe('2022-03-02');
    expect(inferred.reason).not.toContain('signed');
  });

  it('does not take a date inside a sentence for a signature', () => {
    const inferred = inferPageDate('会议定于2022年4月12日召开。\n各单位于4月20日前报送材料。');
    expect(inferred.reason).not.toContain('signed');
    expect(inferPageDate('全文于2022年4月12日发布。\n3月1日，活动举行。').date).toBe('2022-04-13');
  });

  it('does not take a date followed by other words on its line for a signature', () => {
    expect(inferPageDate('报名截至2022年4月20日。\n　　2022年4月12日（星期二）').reason).not.toContain('signed');
  });

  // Bug (reported): joinWrappedNumbers glues a signed date to a line above that ends in a digit (a contact line),
  // even across a blank line: '…0734-8123456\n\n\u3000\u30002022年4月12日' becomes '…81234562022年4月12日', so the date is
  // no longer alone and its year is no longer printed. Observed { date: null, reason: 'no year is printed on the
  // page' }; expected 2022-04-13.
  it('reads a signature under a contact line that ends in a digit', () => {
    const page = '关于停水的通告\n因管网改造，定于4月20日停水。\n咨询电话：0734-8123456\n\n　　　　　　2022年4月12日';
    expect(inferPageDate(page).date).toBe('2022-04-13');
  });
});

describe('inferPageDate: a year printed only in an event’s name', () => {
  it('takes the year from the event’s name when no `YYYY年` is printed', () => {
    const page = '2023衡阳马拉松鸣枪开跑\n\n3月26日，2023衡阳马拉松在市体育中心鸣枪开跑，两万余名选手参赛。';
    expect(inferPageDate(page).date).toBe('2023-03-27');
  });

  it('prefers a printed `YYYY年` to the year in an event’s name', () => {
    expect(inferPageDate('2022年工作总结。2023衡阳马拉松定档，3月26日举行开跑仪式。').date).toBe('2022-03-27');
  });

  it('leaves the date null when no year is printed at all', () => {
    expect(inferPageDate('3月26日，衡阳马拉松鸣枪开跑。')).toEqual({
      date: null,
      reason: 'no year is printed on the page',
    });
  });

  it('does not take a target year or a decimal for an event’s year', () => {
    expect(inferPageDate('到2025衡阳将建成区域中心城市。3月26日，开会。').date).toBeNull();
    expect(inferPageDate('增长1.2023亿元。3月26日，开会。').date).toBeNull();
  });

  // Bug (reported): any number from 1900 to 2099 followed by a Chinese character counts as a year, so counts and
  // sums do: '共有2023名选手参赛。3月26日，开跑。' gives 2023-03-27, '投资1999万元。5月3日，开工。' gives 1999-05-04;
  // expected null (no year is printed).
  it('does not take a count or a sum (`2023名选手`, `1999万元`) for an event’s year', () => {
    expect(inferPageDate('共有2023名选手参赛。3月26日，开跑。').date).toBeNull();
    expect(inferPageDate('投资1999万元。5月3日，开工。').date).toBeNull();
    expect(inferPageDate('全市共建成2021个充电桩。5月3日，记者获悉。').date).toBeNull();
  });
});
