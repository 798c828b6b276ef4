/** A worker thread of buildSearchIndex: builds the shards it is dealt, in its own Pagefind service. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildShards, type ShardContext, type ShardJob } from './searchIndex.ts';

const { jobs, context } = workerData as { jobs: ShardJob[]; context: ShardContext };
parentPort?.postMessage(await buildShards(jobs, context));
