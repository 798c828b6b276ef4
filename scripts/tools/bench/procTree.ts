/**
 * Runs a command as a child process and measures it: wall time, and the peak
 * resident memory of its whole process tree, sampled from /proc (Linux).
 *
 * The tree's RSS is the sum of every descendant's VmRSS at one instant; pages
 * shared between processes are counted once per process, so it errs high.
 *
 * Why not pidtree + pidusage (the maintained pair for a tree's usage): pidtree
 * spawns `ps` for every sample, which then appears in the tree it lists, and a
 * sample cost 24.6 ms against 4.5 ms for one scan of /proc here (110 processes,
 * 2 cores, 2026-12-07; measured over 50 samples of a tree of 3 children). At the
 * bench's 100 ms sampling interval that is a quarter of a core spent measuring
 * the build it measures. pidusage reads the same /proc/<pid>/stat fields as parseStat.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface ProcInfo {
  pid: number;
  ppid: number;
  rssBytes: number;
  /** User + system CPU time so far. */
  cpuMs: number;
}

/** Parses /proc/<pid>/stat: the command name may contain spaces and parentheses. */
export function parseStat(text: string, pageSize = 4096, ticksPerSecond = 100): ProcInfo {
  const close = text.lastIndexOf(')');
  const pid = Number(text.slice(0, text.indexOf(' ')));
  // After "(comm) ": state ppid pgrp … ; utime and stime (fields 14, 15) are at offsets 11 and 12 from state,
  // rss (field 24) at 21.
  const rest = text.slice(close + 2).split(' ');
  return {
    pid,
    ppid: Number(rest[1]),
    rssBytes: Number(rest[21]) * pageSize,
    cpuMs: ((Number(rest[11]) + Number(rest[12])) * 1000) / ticksPerSecond,
  };
}

/**
 * The CPU time of every process seen in a tree, from samples of it: each
 * process's latest reading, summed. It misses what a process used after its
 * last sample, but it sees processes whose parents never waited for them
 * (Pagefind's services are killed, not waited for), which GNU time does not.
 */
export class TreeCpu {
  private readonly byPid = new Map<number, number>();

  add(tree: readonly ProcInfo[]): void {
    for (const p of tree) this.byPid.set(p.pid, Math.max(this.byPid.get(p.pid) ?? 0, p.cpuMs));
  }

  get totalMs(): number {
    let total = 0;
    for (const ms of this.byPid.values()) total += ms;
    return total;
  }
}

/** `root` and every process below it. */
export function descendants(procs: readonly ProcInfo[], root: number): ProcInfo[] {
  const children = new Map<number, ProcInfo[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out: ProcInfo[] = [];
  const self = procs.find((p) => p.pid === root);
  if (self) out.push(self);
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      out.push(child);
      queue.push(child.pid);
    }
  }
  return out;
}

/** A snapshot of all processes (those that vanish while being read are skipped). */
export function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      out.push(parseStat(readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // The process ended between readdir and read.
    }
  }
  return out;
}

/** Busy CPU time of the whole machine so far, in ms, from the first line of /proc/stat. */
export function parseCpuBusyMs(procStat: string, ticksPerSecond = 100): number {
  const fields = (procStat.split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const busy = fields.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
  return (busy * 1000) / ticksPerSecond;
}

function machineBusyMs(): number {
  try {
    return parseCpuBusyMs(readFileSync('/proc/stat', 'utf8'));
  } catch {
    return Number.NaN;
  }
}

/** Parses GNU time's `-f '%e %U %S %M'` output: elapsed s, user s, system s, max RSS kB. */
export function parseGnuTime(text: string): { cpuMs: number; maxRssBytes: number } | undefined {
  const line = text.trim().split('\n').at(-1) ?? '';
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+)$/.exec(line);
  if (!m) return undefined;
  return { cpuMs: (Number(m[2]) + Number(m[3])) * 1000, maxRssBytes: Number(m[4]) * 1024 };
}

export const GNU_TIME = '/usr/bin/time';

export interface RunResult {
  command: string;
  exitCode: number;
  wallMs: number;
  peakRssBytes: number;
  /** The largest number of processes seen at once in the tree. */
  peakProcs: number;
  /**
   * User + system CPU time of the command and its descendants, when GNU time is available: what GNU time
   * counts (the descendants that were waited for) or, when larger, what sampling the tree saw (TreeCpu).
   */
  cpuMs?: number;
  /** The tree's CPU time as sampled (TreeCpu). */
  sampledCpuMs?: number;
  /** CPU time the rest of the machine used meanwhile (other users' work slows a run down). */
  othersCpuMs?: number;
  /** True when the tree was killed for passing `maxRssBytes`. */
  killedForRss?: boolean;
  /** The last lines the command printed (stdout and stderr interleaved). */
  tail: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  pollMs?: number;
  /** Echo the command's output to this process's stderr as it runs. */
  echo?: boolean;
  /**
   * Kill the whole tree when its RSS passes this (the machine is shared: a
   * runaway stage must not push the kernel into killing other people's work).
   */
  maxRssBytes?: number;
}

/**
 * Runs `command` with `sh -c` (under GNU time when present, for CPU time) and
 * measures it. Never throws for a non-zero exit: check `exitCode`.
 */
export function runMeasured(command: string, options: RunOptions = {}): Promise<RunResult> {
  const started = process.hrtime.bigint();
  const busyBefore = machineBusyMs();
  const timeFile = join(mkdtempSync(join(tmpdir(), 'bench-time-')), 'time.txt');
  const timed = existsSync(GNU_TIME);
  const argv = timed ? [GNU_TIME, '-f', '%e %U %S %M', '-o', timeFile, 'sh', '-c', command] : ['sh', '-c', command];
  const child = spawn(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the whole tree can be stopped at once.
    detached: true,
  });
  const killTree = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  process.once('SIGINT', killTree);
  let killedForRss = false;
  let peakRssBytes = 0;
  let peakProcs = 0;
  let tail = '';
  const keep = (chunk: Buffer) => {
    if (options.echo) process.stderr.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const treeCpu = new TreeCpu();
  const sample = () => {
    if (child.pid === undefined) return;
    const tree = descendants(readProcs(), child.pid);
    treeCpu.add(tree);
    const rss = tree.reduce((sum, p) => sum + p.rssBytes, 0);
    peakRssBytes = Math.max(peakRssBytes, rss);
    peakProcs = Math.max(peakProcs, tree.length);
    if (options.maxRssBytes !== undefined && rss > options.maxRssBytes && !killedForRss) {
      killedForRss = true;
      killTree();
    }
  };
  const timer = setInterval(sample, options.pollMs ?? 100);
  sample();
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      process.removeListener('SIGINT', killTree);
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const result: RunResult = {
        command,
        exitCode: code ?? (signal ? 128 : 1),
        wallMs,
        peakRssBytes,
        peakProcs,
        tail,
      };
      if (killedForRss) result.killedForRss = true;
      const gnu = timed && existsSync(timeFile) ? parseGnuTime(readFileSync(timeFile, 'utf8')) : undefined;
      rmSync(dirname(timeFile), { recursive: true, force: true });
      result.sampledCpuMs = treeCpu.totalMs;
      if (gnu) {
        result.cpuMs = Math.max(gnu.cpuMs, treeCpu.totalMs);
        const others = machineBusyMs() - busyBefore - result.cpuMs;
        if (Number.isFinite(others)) result.othersCpuMs = Math.max(0, others);
      }
      resolve(result);
    });
  });
}
