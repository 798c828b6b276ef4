import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir.ts';
import {
  defaultCommands,
  expandCommand,
  formatBytes,
  formatMs,
  formatResult,
  textTable,
  type BenchResult,
} from '../../scripts/tools/bench/benchHarness.ts';
import {
  dirStats,
  linkedStylesheets,
  listFiles,
  median,
  pageWeight,
  percentile,
  spreadSample,
} from '../../scripts/tools/bench/dirStats.ts';
import {
  descendants,
  parseCpuBusyMs,
  parseGnuTime,
  parseStat,
  TreeCpu,
  readProcs,
  runMeasured,
} from '../../scripts/tools/bench/procTree.ts';

describe('procTree', () => {
  it('parses /proc/<pid>/stat, even with spaces and parentheses in the command name', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i));
    fields[0] = 'S'; // state
    fields[1] = '77'; // ppid
    fields[11] = '150'; // utime in ticks
    fields[12] = '25'; // stime in ticks
    fields[21] = '1000'; // rss in pages
    const stat = `4242 (node (worker) x) ${fields.join(' ')}`;
    expect(parseStat(stat, 4096, 100)).toEqual({ pid: 4242, ppid: 77, rssBytes: 1000 * 4096, cpuMs: 1750 });
  });

  it('sums each process’s latest CPU reading over the samples of a tree, processes that left included', () => {
    const cpu = new TreeCpu();
    const proc = (pid: number, cpuMs: number) => ({ pid, ppid: 1, rssBytes: 0, cpuMs });
    cpu.add([proc(10, 100), proc(11, 50)]);
    cpu.add([proc(10, 300), proc(12, 40)]); // 11 has exited (or been orphaned) since
    expect(cpu.totalMs).toBe(300 + 50 + 40);
    expect(new TreeCpu().totalMs).toBe(0);
  });

  it('reads this process from /proc with a positive RSS', () => {
    const me = readProcs().find((p) => p.pid === process.pid);
    expect(me?.rssBytes).toBeGreaterThan(0);
  });

  it('reads busy CPU time from /proc/stat and CPU time from GNU time', () => {
    expect(parseCpuBusyMs('cpu  100 0 50 9000 30 5 5 0 0 0\ncpu0 1 2 3', 100)).toBe(1600);
    expect(parseGnuTime('Command exited with non-zero status 1\n12.34 20.50 1.50 812345\n')).toEqual({
      cpuMs: 22000,
      maxRssBytes: 812345 * 1024,
    });
    expect(parseGnuTime('garbage')).toBeUndefined();
  });

  it('runs a command and reports its exit code and output', async () => {
    const run = await runMeasured('echo hello; exit 3');
    expect(run.exitCode).toBe(3);
    expect(run.tail).toContain('hello');
    expect(run.killedForRss).toBeUndefined();
  });

  it('kills a tree that passes the RSS limit', async () => {
    const run = await runMeasured(`${JSON.stringify(process.execPath)} -e "setInterval(() => {}, 1000)"`, {
      maxRssBytes: 1,
      pollMs: 20,
    });
    expect(run.killedForRss).toBe(true);
    expect(run.exitCode).not.toBe(0);
  });

  it('collects a process tree', () => {
    const procs = [
      { pid: 1, ppid: 0, rssBytes: 1, cpuMs: 0 },
      { pid: 10, ppid: 1, rssBytes: 10, cpuMs: 0 },
      { pid: 11, ppid: 10, rssBytes: 11, cpuMs: 0 },
      { pid: 12, ppid: 10, rssBytes: 12, cpuMs: 0 },
      { pid: 13, ppid: 12, rssBytes: 13, cpuMs: 0 },
      { pid: 20, ppid: 1, rssBytes: 20, cpuMs: 0 },
    ];
    expect(
      descendants(procs, 10)
        .map((p) => p.pid)
        .sort(),
    ).toEqual([10, 11, 12, 13]);
    expect(descendants(procs, 99)).toEqual([]);
  });
});

describe('benchHarness', () => {
  it('fills command slots, quoting values that need it, and rejects unknown slots', () => {
    expect(expandCommand('{node} a.ts --out {out}', { node: '/usr/bin/node', out: '/tmp/x y' })).toBe(
      "/usr/bin/node a.ts --out '/tmp/x y'",
    );
    expect(() => expandCommand('{nope}', {})).toThrow(/nope/);
  });

  it('labels stand-in stages as stubs and uses the real ones when they exist', () => {
    const missing = defaultCommands({ hasIngest: false, hasSearchIndex: false, direct: false });
    expect(missing.map((c) => [c.name, c.stub])).toEqual([
      ['ingest', true],
      ['astro', false],
      ['index', true],
    ]);
    const present = defaultCommands({ hasIngest: true, hasSearchIndex: true, direct: false });
    expect(present.every((c) => !c.stub)).toBe(true);
    expect(present[0]?.command).toContain('scripts/ingest/ingest.ts --seeds {seeds} --out {content}');
    // The astro stage is the parallel build, measured as one process tree.
    expect(present[1]?.command).toBe('{node} {root}/scripts/build/build-site.ts');
    expect(defaultCommands({ hasIngest: true, hasSearchIndex: true, direct: true })[0]?.stub).toBe(true);
  });

  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(30_500)).toBe('30.5 kB');
    expect(formatBytes(2_500_000_000)).toBe('2.50 GB');
    expect(formatMs(5.25)).toBe('5.3 ms');
    expect(formatMs(42_000)).toBe('42.0 s');
    expect(formatMs(905_000)).toBe('15 min 5 s');
    expect(formatMs(719_800)).toBe('12 min 0 s');
  });

  it('lays out a text table and a result', () => {
    expect(textTable(['a', 'bb'], [['xyz', '1']])).toBe('a    bb\n---  --\nxyz   1');
    const result: BenchResult = {
      version: 1,
      finished: '2026-01-01T00:00:00.000Z',
      machine: { cpus: 2, memoryBytes: 24e9, node: 'v24', platform: 'linux' },
      options: { seed: 's', pages: 8, probe: false, direct: false },
      archive: { pages: 8, articles: 40, rawBytes: 80_000, firstDate: '2015-01-01', lastDate: '2015-01-01' },
      stages: [
        {
          name: 'astro',
          label: 'astro build',
          command: 'astro build',
          stub: false,
          exitCode: 0,
          wallMs: 5000,
          peakRssBytes: 6e8,
          output: { dir: 'dist', bytes: 1e6, files: 42 },
        },
      ],
      endToEndMs: 5000,
      peakRssBytes: 6e8,
      notes: ['hello'],
    };
    const text = formatResult(result);
    expect(text).toContain('40 articles');
    expect(text).toMatch(/astro\s+5\.0 s\s+600\.0 MB\s+–\s+–\s+1\.00 MB\s+42/);
    expect(text).toContain('note: hello');
    expect(text).not.toContain('incremental');
    result.incremental = {
      baseArticles: 40,
      addedPages: 8,
      fullMs: 4000,
      incrementalMs: 120,
      runsMs: [190, 120, 110],
      percent: 3,
      newFiles: 96,
      changedFiles: 0,
      stub: false,
    };
    expect(formatResult(result)).toContain(
      'incremental ingest: +8 pages on 40 articles: 120 ms (median of 190 ms, 120 ms, 110 ms, a day each) vs full 4.0 s = 3.0%',
    );
  });
});

describe('dirStats', () => {
  const dir = tempDir('bench-test');
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  mkdirSync(join(dir, '_astro'), { recursive: true });
  writeFileSync(join(dir, 'a/b/index.html'), '<link rel="stylesheet" href="/_astro/x.css"><p>' + '衡阳'.repeat(500));
  writeFileSync(join(dir, '_astro/x.css'), 'body{color:red}'.repeat(100));

  it('lists, counts and sizes files', () => {
    expect(listFiles(dir)).toEqual(['_astro/x.css', 'a/b/index.html']);
    const stats = dirStats(dir);
    expect(stats.files).toBe(2);
    expect(stats.bytes).toBeGreaterThan(3000);
    expect(dirStats(dir, (p) => p.startsWith('_astro/')).files).toBe(1);
    expect(dirStats(join(dir, 'missing'))).toEqual({ bytes: 0, files: 0 });
  });

  it('weighs a page with its linked CSS, gzipped', () => {
    expect(linkedStylesheets('<link href="/a.css" rel="stylesheet"><link rel=stylesheet href=/b.css?v=1>')).toEqual([
      '/a.css',
      '/b.css',
    ]);
    const w = pageWeight(dir, 'a/b/index.html');
    expect(w.cssGzip).toBeGreaterThan(0);
    expect(w.htmlGzip).toBeGreaterThan(0);
    expect(w.totalGzip).toBe(w.cssGzip + w.htmlGzip);
    expect(w.totalGzip).toBeLessThan(3000);
  });

  it('samples and summarises', () => {
    expect(spreadSample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toEqual([1, 3, 5, 7, 9]);
    expect(spreadSample([1, 2], 5)).toEqual([1, 2]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
  });
});
