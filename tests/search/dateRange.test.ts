import { describe, expect, it } from 'vitest';
import { dateRangeHolds, monthBounds, monthRange, overlapsRange, parseIsoDate } from '../../src/search/dateRange.ts';

describe('date ranges', () => {
  it('accepts only ISO dates from the URL', () => {
    expect(parseIsoDate('2024-03-01')).toBe('2024-03-01');
    expect(parseIsoDate('2024-3-1')).toBeUndefined();
    expect(parseIsoDate(null)).toBeUndefined();
  });

  it('holds dates inside, ends included, and no undated article once a range is set', () => {
    const range = { from: '2024-03-01', to: '2024-03-31' };
    expect(dateRangeHolds(range, '2024-03-01')).toBe(true);
    expect(dateRangeHolds(range, '2024-03-31')).toBe(true);
    expect(dateRangeHolds(range, '2024-04-01')).toBe(false);
    expect(dateRangeHolds(range, '不详')).toBe(false);
    expect(dateRangeHolds({}, '不详')).toBe(true);
    expect(dateRangeHolds({ to: '2020-01-01' }, '2019-12-31')).toBe(true);
  });

  it('keeps a shard whose dates overlap the range', () => {
    expect(overlapsRange('2024-05-01', '2024-01-01', { from: '2024-04-30' })).toBe(true);
    expect(overlapsRange('2024-05-01', '2024-01-01', { from: '2024-05-02' })).toBe(false);
    expect(overlapsRange('2024-05-01', '2024-01-01', { to: '2023-12-31' })).toBe(false);
    expect(overlapsRange('', '', { to: '2023-12-31' })).toBe(false);
    expect(overlapsRange('', '', {})).toBe(true);
  });

  it('gives a month its first and last day, leap years included', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthRange('2023-02').to).toBe('2023-02-28');
    expect(monthRange('2023-12').to).toBe('2023-12-31');
    expect(monthBounds({ from: '2024-02-10' })).toEqual({ fromMonth: '2024-02' });
  });
});
