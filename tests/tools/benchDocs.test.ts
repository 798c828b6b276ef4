import { describe, expect, it } from 'vitest';
import type { BenchResult, StageResult } from '../../scripts/tools/bench/benchHarness.ts';
import {
  benchmarksChart,
  benchmarksMarkdown,
  KEPT_SECTIONS_MARKER,
  scalingRatio,
  targetChecks,
  withKeptSections,
} from '../../scripts/tools/bench/benchDocs.ts';
import { escapeXml, lineChart, ticks } from '../../scripts/tools/bench/svgChart.ts';

function stage(name: StageResult['name'], wallMs: number, stub = false): StageResult {
  return {
    name,
    label: name,
    command: name,
    stub,
    exitCode: 0,
    wallMs,
    peakRssBytes: wallMs * 1e4,
    output: { dir: '/x', bytes: 1, files: 1 },
  };
}

function result(articles: number, astroMs: number, withStubs = false): BenchResult {
  const stages = [
    stage('ingest', astroMs / 10, withStubs),
    stage('astro', astroMs),
    stage('index', astroMs / 5, withStubs),
  ];
  return {
    version: 1,
    finished: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, memoryBytes: 24e9, node: 'v24', platform: 'linux' },
    options: { seed: 's', pages: articles / 5, probe: true, direct: false },
    archive: {
      pages: articles / 5,
      articles,
      rawBytes: articles * 2000,
      firstDate: '2015-01-01',
      lastDate: '2024-12-31',
    },
    stages,
    endToEndMs: stages.reduce((n, s) => n + s.wallMs, 0),
    peakRssBytes: Math.max(...stages.map((s) => s.peakRssBytes)),
    notes: ['a note'],
  };
}

describe('svgChart', () => {
  it('chooses 1-2-5 ticks on a linear axis and powers of ten on a log axis', () => {
    expect(ticks(0, 47, false)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(ticks(0, 1.2, false)).toEqual([0, 0.5, 1, 1.5]);
    expect(ticks(1000, 100_000, true)).toEqual([1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]);
    expect(ticks(3, 40, true)).toEqual([5, 10, 20]);
  });

  it('escapes text and draws one path per series with a legend', () => {
    expect(escapeXml('a<b & "c"')).toBe('a&#60;b &#38; &#34;c&#34;');
    const svg = lineChart(
      [
        {
          name: 'one <1>',
          color: '#f00',
          points: [
            { x: 1, y: 1 },
            { x: 10, y: 5 },
          ],
        },
        {
          name: 'two',
          color: '#00f',
          dashed: true,
          points: [
            { x: 1, y: 2 },
            { x: 10, y: 3 },
          ],
        },
      ],
      { title: 'T', xLabel: 'x', yLabel: 'y' },
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('one &#60;1&#62;');
    expect(svg).toContain('stroke-dasharray');
    expect(svg).not.toContain('NaN');
  });
});

describe('benchDocs', () => {
  const runs = [result(10_000, 40_000, true), result(1000, 8000, true)];

  it('tabulates runs by article count and marks stand-in stages', () => {
    const md = benchmarksMarkdown(runs);
    const rows = md.split('\n').filter((l) => /^\| [\d,]+ \| [\d,]+ \|/.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 1,000 \|/);
    expect(rows[1]).toMatch(/^\| 10,000 \|/);
    expect(md).toContain('(stub)');
    expect(md).toContain('**Stand-ins:**');
    expect(md).toContain('- 1,000 articles: a note');
    expect(md).toContain('benchmarks.svg');
  });

  it('does not mention stand-ins when every stage was real', () => {
    expect(benchmarksMarkdown([result(1000, 8000)])).not.toContain('Stand-ins');
  });

  it('shows astro CPU time per article when measured', () => {
    const withCpu = result(1000, 8000);
    const astro = withCpu.stages[1];
    if (astro) astro.cpuMs = 5000;
    expect(benchmarksMarkdown([withCpu])).toContain('| 5.0 ms |');
  });

  it('computes how time per article changes with size', () => {
    expect(scalingRatio(runs, (r) => r.stages[1]?.wallMs ?? 0)).toBeCloseTo(0.5);
    expect(scalingRatio([runs[0]], () => 1)).toBeUndefined();
  });

  it('judges targets only on complete runs with real stages and the real site', () => {
    const stubbed = targetChecks(runs);
    expect(stubbed.every((t) => t.verdict === 'not measurable yet')).toBe(true);
    expect(stubbed[0]?.measured).toContain('ingest is a stub');

    const fast = result(10_000, 40_000);
    fast.options.probe = false;
    fast.incremental = {
      baseArticles: 10_000,
      addedPages: 8,
      fullMs: 4000,
      incrementalMs: 100,
      percent: 2.5,
      newFiles: 40,
      changedFiles: 0,
      stub: false,
    };
    const slow = result(100_000, 380_000);
    slow.options.probe = false;
    slow.peakRssBytes = 13e9; // over the 12 GB target; time per article is below the 10k run's
    const checks = targetChecks([fast, slow]);
    expect(checks.map((t) => t.verdict)).toEqual([
      'met',
      'missed',
      'met',
      'not measurable yet',
      'met',
      'not measurable yet',
      'not measurable yet',
    ]);
  });

  it('judges the search budgets on the largest cold first query and the warm median', () => {
    const search = (coldBytes: number, warmMedianMs: number) => ({
      url: '/search/',
      queries: ['衡阳'],
      pageLoadBytes: 1,
      coldQuery: '衡阳',
      coldMs: 10,
      coldBytes,
      coldBytesMedian: 50_000,
      coldRuns: 5,
      warmMedianMs,
      warmP95Ms: warmMedianMs,
      stubIndex: false,
    });
    const small = result(10_000, 40_000);
    small.search = search(140_000, 25);
    const large = result(100_000, 400_000);
    large.search = search(160_000, 25);
    const verdicts = targetChecks([small, large]).slice(-2);
    expect(verdicts.map((t) => t.verdict)).toEqual(['met', 'missed']);
    expect(verdicts[1]?.measured).toContain('median 50.0 kB');
  });

  it('charts each stage and the end-to-end time', () => {
    const svg = benchmarksChart(runs);
    // ingest, astro, index, end to end, and the linear-growth reference.
    expect(svg.match(/<path /g)).toHaveLength(5);
    expect(svg).toContain('linear growth');
    expect(svg).toContain('astro');
    expect(svg).toContain('index (stub)');
    expect(svg).not.toContain('NaN');
  });
});

describe('withKeptSections', () => {
  it('keeps the hand-written sections after the marker and nothing else of the old page', () => {
    const old = `# Old table\n\nstale figures\n\n${KEPT_SECTIONS_MARKER}\n\n## Site size per article\n\nfigures\n`;
    const page = withKeptSections('# Benchmarks\n\nnew figures\n', old);
    expect(page).toBe(
      `# Benchmarks\n\nnew figures\n\n${KEPT_SECTIONS_MARKER}\n\n## Site size per article\n\nfigures\n`,
    );
    expect(withKeptSections('# Benchmarks\n', '# no marker\n')).toBe('# Benchmarks\n');
    expect(withKeptSections('# Benchmarks\n', undefined)).toBe('# Benchmarks\n');
  });
});
