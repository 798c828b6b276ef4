import { describe, expect, it } from 'vitest';
import { COST_TARGETS, costChecks, searchCostSection, summarize } from '../../scripts/tools/bench/search/costDocs.ts';
import { NO_RESULT_QUERY, type HostCost, type QueryCost } from '../../scripts/tools/bench/search/searchCost.ts';
import type { BenchResult } from '../../scripts/tools/bench/benchHarness.ts';

const q = (query: string, firstBytes: number, idleBytes: number, firstMs = 100, repeatBytes = 300): QueryCost => ({
  query,
  firstMs,
  firstBytes,
  idleBytes,
  repeatBytes,
  results: 10,
});

const run = (hosts: HostCost[]): BenchResult =>
  ({ archive: { articles: 9_933 }, searchCost: hosts }) as unknown as BenchResult;

describe('search cost in the benchmarks page', () => {
  const ok: HostCost = {
    host: 'ranges',
    queries: [q(NO_RESULT_QUERY, 40_000, 40_000), q('衡阳', 80_000, 200_000), q('农村公路', 90_000, 250_000)],
  };

  it('summarizes the bench queries apart from the no-result one', () => {
    const s = summarize(ok);
    expect(s.noResult?.idleBytes).toBe(40_000);
    expect(s.firstMax).toBe(90_000);
    expect(s.idleMedian).toBe(225_000);
    expect(s.queries).toHaveLength(2);
  });

  it('meets the targets only when every figure is within its own', () => {
    expect(costChecks([run([ok])]).map((c) => c.met)).toEqual([true]);
    const slowNone = {
      ...ok,
      queries: [q(NO_RESULT_QUERY, 40_000, 40_000, COST_TARGETS.noResultMs + 1), ...ok.queries.slice(1)],
    };
    const heavyIdle = { ...ok, host: 'no-ranges' as const, queries: [...ok.queries, q('公路', 90_000, 300_001)] };
    const heavyRepeat = { ...ok, queries: [...ok.queries, q('公路', 90_000, 1, 1, 5_001)] };
    expect(costChecks([run([slowNone, heavyIdle, heavyRepeat])]).map((c) => c.met)).toEqual([false, false, false]);
    expect(costChecks([run([{ host: 'ranges', queries: ok.queries.slice(1) }])])[0].met).toBe(false);
  });

  it('writes a row per run and host, and nothing without measurements', () => {
    const section = searchCostSection([run([ok, { ...ok, host: 'no-ranges' }])]);
    expect(section.filter((l) => l.startsWith('| 9,933 |'))).toHaveLength(2);
    expect(searchCostSection([run([])])).toEqual([]);
  });
});
