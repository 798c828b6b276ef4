import { describe, expect, it } from 'vitest';
import { inferPageDate } from '../../scripts/ingest/parse/pageDate.ts';

describe('inferPageDate', () => {
  it('dates a page the day after the latest event it reports', () => {
    expect(inferPageDate('2020年全市工作。3月7日，朱健赴常宁市。3月8日，朱健赴衡南县。').date).toBe('2020-03-09');
  });

  it('reads a date whose number a narrow column broke across lines', () => {
    // Read line by line, the second column line would be 2月26日, two months after the page.
    const page =
      '2014年12月24日，记者从市发改委获悉。本报讯 1\n\n2月26日，衡山县开展宣传活动。2014年12\n\n月27日，记者获悉。';
    expect(inferPageDate(page).date).toBe('2014-12-28');
  });

  it('reads 明日 announcements: the page comes out the day before', () => {
    expect(inferPageDate('雁峰区明日停水。2023年科技周。6月1日，记者获悉，拟定于6月3日停水。').date).toBe('2023-06-02');
  });

  it('does not date a page before the end of a period it reports on', () => {
    expect(inferPageDate('2022年前三季度，我市规模工业增加值增长。7月8日，论坛开幕。').date).toBe('2022-10-01');
    expect(inferPageDate('2020年3月13日招聘会。今年一季度，总产值14亿元。').date).toBe('2020-04-01');
  });

  it('ignores future targets and other years when choosing the year', () => {
    expect(inferPageDate('2019年投入研发经费。到2035年基本实现。今年4月15日，记者看到。2020年招聘会。').date).toBe(
      '2020-04-16',
    );
    expect(inferPageDate('2023年力争实现产值。2022年实现产值。10月31日，他说。').date).toBe('2023-11-01');
  });

  it('gives a January paper last December’s events', () => {
    expect(inferPageDate('2015年工作部署。2014年12月30日，签约仪式举行。12月31日，衡南县举行活动。').date).toBe(
      '2015-01-01',
    );
  });

  it('ignores last year’s periods', () => {
    expect(inferPageDate('2022年5月10日，签约。去年前三季度，全市增长8%。').date).toBe('2022-05-11');
  });

  it('never invents a year', () => {
    expect(inferPageDate('3月8日，常宁市隆源铜业有限公司内一派繁忙。')).toMatchObject({ date: null });
    expect(inferPageDate('2020年，全市工作取得成效。').date).toBeNull();
  });

  it('reads full-width digits and rejects impossible days', () => {
    expect(inferPageDate('２０２１年５月４日，青年节活动。').date).toBe('2021-05-05');
    expect(inferPageDate('2021年2月30日，不存在的日子。').date).toBeNull();
  });
});
