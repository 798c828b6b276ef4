/**
 * Parses the pages that missed the cache, in this thread or spread over
 * worker threads. Pages are handed out in file order a few at a time, and
 * each result is passed on as it arrives, so the caller can write outputs
 * in file order while later pages are still being parsed.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PageFacts } from '../manifest.ts';
import type { RenderedPage } from '../pageParser.ts';

export interface ParseRequest {
  /** The caller's own number for the page: replies carry it back. */
  slot: number;
  file: string;
  text: string;
  facts: PageFacts | undefined;
}

export type ParseReply = { slot: number; page: RenderedPage } | { slot: number; error: string };

/** Below this many pages, starting workers (each loads the dictionaries) costs more than it saves. */
export const MIN_PAGES_PER_WORKER = 32;
const BATCH = 4;

/**
 * How many workers to start for `pages` pages: none for a few pages or where
 * Node cannot load TypeScript in a worker; otherwise one per core, at most `max`.
 */
export function workerCount(pages: number, cores: number, canLoadTypeScript: boolean, max = 4): number {
  if (!canLoadTypeScript) return 0;
  const n = Math.min(max, cores, Math.floor(pages / MIN_PAGES_PER_WORKER));
  return n >= 2 ? n : 0;
}

export function defaultWorkerCount(pages: number): number {
  const features = process.features as { typescript?: string | false };
  return workerCount(pages, availableParallelism(), Boolean(features.typescript));
}

export interface PoolOptions {
  workers: number;
  /** Where the parser's compiled data (parserData.ts) is kept between runs; none when undefined. */
  dataPath?: string;
}

export async function parsePages(
  requests: ParseRequest[],
  options: PoolOptions,
  onReply: (reply: ParseReply) => void,
): Promise<void> {
  if (requests.length === 0) return;
  const loadData = async () => {
    const { loadParserData } = await import('../keywords/parserData.ts');
    return loadParserData(options.dataPath);
  };
  if (options.workers < 1) {
    const { createPageParser } = await import('../pageParser.ts');
    const parse = createPageParser(await loadData());
    for (const { slot, file, text, facts } of requests) {
      try {
        onReply({ slot, page: parse(text, file, facts) });
      } catch (error) {
        onReply({ slot, error: (error as Error).message });
      }
    }
    return;
  }
  let next = 0;
  let pending = requests.length;
  let done = false;
  let settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  let failure: Error | undefined;
  const pool: Worker[] = [];
  const finish = (error?: Error) => {
    if (done) return;
    done = true;
    for (const worker of pool) void worker.terminate();
    if (error) failure = error;
    if (settle) {
      if (failure) settle.reject(failure);
      else settle.resolve();
    }
  };
  /** Hands the worker the next few pages; returns how many. */
  const send = (worker: Worker): number => {
    const batch = requests.slice(next, next + BATCH);
    next += batch.length;
    if (batch.length > 0) worker.postMessage(batch);
    return batch.length;
  };
  const outstanding = new Map<Worker, number>();
  const { Worker } = await import('node:worker_threads');
  // Workers start first: they load their modules while this thread reads or builds the parser's data.
  for (let i = 0; i < options.workers; i += 1) {
    const worker = new Worker(new URL('./ingestWorker.ts', import.meta.url));
    worker.on('message', (reply: ParseReply) => {
      try {
        onReply(reply);
      } catch (error) {
        finish(error as Error);
        return;
      }
      pending -= 1;
      const left = outstanding.get(worker)! - 1;
      // Two batches in flight per worker, so it never waits for the next one.
      outstanding.set(worker, left <= BATCH ? left + send(worker) : left);
      if (pending === 0) finish();
    });
    worker.on('error', (error: Error) => finish(new Error(`ingest worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (pending > 0) finish(new Error(`ingest worker stopped (exit code ${code}) with pages unparsed`));
    });
    pool.push(worker);
  }
  try {
    const data = await loadData();
    // One copy of the data in shared memory for all workers.
    const shared = new Uint8Array(new SharedArrayBuffer(data.byteLength));
    shared.set(data);
    for (const worker of pool) {
      worker.postMessage({ data: shared });
      outstanding.set(worker, send(worker) + send(worker));
    }
  } catch (error) {
    finish(error as Error);
  }
  await new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
    if (done) {
      if (failure) reject(failure);
      else resolve();
    }
  });
}
