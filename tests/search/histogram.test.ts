import { describe, expect, it } from 'vitest';
import { histogramBars } from '../../src/search/ui/histogram.ts';
import { readState, stateUrl, type State } from '../../src/search/ui/searchState.ts';

const base: State = { q: '衡阳', filters: {}, range: {}, sort: 'relevance' };
const months = { '2023-11': 3, '2024-01': 5, '2024-03': 2, 不详: 4 };

describe('histogramBars', () => {
  it('draws a bar per year with results, oldest first, each choosing its year', () => {
    const bars = histogramBars(months, base);
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['2023', 3],
      ['2024', 7],
    ]);
    expect(bars[1].state.filters.year).toBe('2024');
    expect(bars[1].state.q).toBe('衡阳');
  });

  it('draws the twelve months of a chosen year, each limiting the search to its dates', () => {
    const bars = histogramBars(months, { ...base, filters: { year: '2024' } });
    expect(bars).toHaveLength(12);
    expect(bars.map((b) => b.count).slice(0, 4)).toEqual([5, 0, 2, 0]);
    expect(bars[1].state.range).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(bars[1].state.filters.year).toBe('2024');
  });
});

describe('search state in the URL', () => {
  it('round-trips every part of a search', () => {
    const state: State = {
      q: '"衡阳日报" -体育',
      filters: { region: '衡南县', year: '2024', kind: 'brief' },
      range: { from: '2024-02-01', to: '2024-02-29' },
      sort: 'date',
    };
    const url = new URL(stateUrl('/search/', state), 'http://x');
    expect(readState(url)).toEqual(state);
  });

  it('drops a date that is not ISO', () => {
    expect(readState(new URL('http://x/search/?q=a&from=yesterday')).range).toEqual({});
  });
});
