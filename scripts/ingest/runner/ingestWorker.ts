/**
 * A worker thread of the ingest: loads the page parser, waits for the
 * parser's compiled data (shared memory, the first message), then parses
 * the pages it is sent and posts back their rendered files, one message a page.
 */
import { parentPort } from 'node:worker_threads';
import type { PageFacts } from '../manifest.ts';
import { createPageParser, type PageParser } from '../pageParser.ts';
import type { ParseReply, ParseRequest } from './parsePool.ts';

const port = parentPort;
if (!port) throw new Error('ingestWorker.ts runs only as a worker thread');
let parse: PageParser | undefined;
port.on('message', (message: { data: Uint8Array } | ParseRequest[]) => {
  if (!Array.isArray(message)) {
    parse = createPageParser(message.data);
    return;
  }
  for (const { slot, file, text, facts } of message) port.postMessage(parseOne(parse!, slot, file, text, facts));
});

function parseOne(
  parse: PageParser,
  slot: number,
  file: string,
  text: string,
  facts: PageFacts | undefined,
): ParseReply {
  try {
    return { slot, page: parse(text, file, facts) };
  } catch (error) {
    return { slot, error: (error as Error).message };
  }
}
