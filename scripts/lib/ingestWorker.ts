/**
 * A worker thread of the ingest: loads the page parser once, then parses the
 * pages it is sent and posts back their rendered files, one message a page.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PageFacts } from './manifest.ts';
import { createPageParser } from './pageParser.ts';
import type { ParseReply, ParseRequest } from './parsePool.ts';

const port = parentPort;
if (!port) throw new Error('ingestWorker.ts runs only as a worker thread');
// The compiled keyword dictionary, shared with the other workers.
const parse = createPageParser((workerData as { tables: Uint8Array }).tables);
port.on('message', (batch: ParseRequest[]) => {
  for (const { slot, file, text, facts } of batch) port.postMessage(parseOne(slot, file, text, facts));
});

function parseOne(slot: number, file: string, text: string, facts: PageFacts | undefined): ParseReply {
  try {
    return { slot, page: parse(text, file, facts) };
  } catch (error) {
    return { slot, error: (error as Error).message };
  }
}
