import { describe, expect, it } from 'vitest';
import {
  chineseWeekday,
  formatChineseDate,
  groupByDate,
  monthGrid,
  parseIsoDate,
} from '../../src/utils/calendarDates.ts';

describe('monthGrid', () => {
  it('starts weeks on Monday and pads with nulls', () => {
    // 1 March 2020 was a Sunday.
    const weeks = monthGrid(2020, 3);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('knows leap years', () => {
    expect(
      Math.max(
        ...monthGrid(2020, 2)
          .flat()
          .map((d) => d ?? 0),
      ),
    ).toBe(29);
    expect(
      Math.max(
        ...monthGrid(2023, 2)
          .flat()
          .map((d) => d ?? 0),
      ),
    ).toBe(28);
  });
});

describe('date formatting', () => {
  it('writes Chinese dates without leading zeros', () => {
    expect(formatChineseDate('2020-03-09')).toBe('2020年3月9日');
  });

  it('names the weekday', () => {
    expect(chineseWeekday('2020-03-09')).toBe('星期一');
    expect(chineseWeekday('2020-03-08')).toBe('星期日');
  });

  it('rejects malformed dates', () => {
    expect(() => parseIsoDate('2020-3-9')).toThrow();
  });
});

describe('groupByDate', () => {
  const items = [
    { date: '2020-03-09', dateInferred: false },
    { date: '2020-03-09', dateInferred: true },
    { date: '2020-03-09', dateInferred: false },
    { date: '2023-05-31', dateInferred: true },
    { date: '2020-04-16', dateInferred: false },
    { date: null, dateInferred: false },
  ];

  it('counts recorded and inferred dates apart at every level', () => {
    const [y2020, y2023] = groupByDate(items);
    expect(y2020).toMatchObject({ year: 2020, known: 3, inferred: 1 });
    expect(y2020.months.get(3)).toMatchObject({ known: 2, inferred: 1 });
    expect(y2020.months.get(3)!.days.get(9)).toEqual({ known: 2, inferred: 1 });
    expect(y2023.months.get(5)!.days.get(31)).toEqual({ known: 0, inferred: 1 });
  });

  it('skips undated items and sorts years and months ascending', () => {
    const years = groupByDate(items);
    expect(years.map((y) => y.year)).toEqual([2020, 2023]);
    expect([...years[0].months.keys()]).toEqual([3, 4]);
    expect(years.reduce((n, y) => n + y.known + y.inferred, 0)).toBe(5);
  });
});
