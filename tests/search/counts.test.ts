import { describe, expect, it } from 'vitest';
import { addTally, emptyTally, estimateMonths, matchRatio, rounded, scaleFacets } from '../../src/search/counts.ts';

describe('matchRatio', () => {
  it('is the share of the bound the searched shards matched, 1 before any', () => {
    expect(matchRatio([])).toBe(1);
    expect(
      matchRatio([
        { hits: 10, bound: 40 },
        { hits: 0, bound: 10 },
      ]),
    ).toBeCloseTo(0.2);
    expect(matchRatio([{ hits: 5, bound: 2 }])).toBe(1);
  });
});

describe('estimateMonths', () => {
  const months = { '2024-01': 60, '2024-02': 40 };

  it('spreads the expected results over the months in proportion to the articles', () => {
    const t = estimateMonths(months, 50, {});
    expect(t.total).toBe(50);
    expect(t.months).toEqual({ '2024-01': 30, '2024-02': 20 });
  });

  it('spreads them over the months in range only, when the shard has any', () => {
    expect(estimateMonths(months, 40, { fromMonth: '2024-02' }).months).toEqual({ '2024-02': 40 });
    expect(estimateMonths(months, 40, { toMonth: '2023-12' }).months).toEqual({ '2024-01': 24, '2024-02': 16 });
  });

  it('puts undated articles under 不详 and expects nothing of a shard bounded at 0', () => {
    expect(estimateMonths({ '': 10 }, 5, {}).months).toEqual({ 不详: 5 });
    expect(estimateMonths(months, 0, {})).toEqual(emptyTally());
  });
});

describe('tallies', () => {
  it('scales the exact facet mix up to the estimated total', () => {
    const exact = { total: 4, facets: { region: { 衡南县: 3, 雁峰区: 1 } }, months: {} };
    expect(scaleFacets(exact, 4)).toEqual({ region: { 衡南县: 6, 雁峰区: 2 } });
    expect(scaleFacets(emptyTally(), 4)).toEqual({});
  });

  it('adds tallies value by value and rounds estimates, keeping a small one listed', () => {
    const a = { total: 2, facets: { region: { 衡南县: 2 } }, months: { '2024-01': 2 } };
    const b = { total: 0.4, facets: { region: { 衡南县: 0.2, 雁峰区: 0.2 } }, months: { '2024-02': 0.4 } };
    const sum = emptyTally();
    addTally(sum, a);
    addTally(sum, b);
    expect(rounded(sum, true)).toEqual({
      total: 2,
      facets: { region: { 衡南县: 2, 雁峰区: 1 } },
      months: { '2024-01': 2, '2024-02': 1 },
      estimated: true,
    });
  });
});
