/**
 * A shard reader over the frozen Pagefind fixture, packed by the indexer's own
 * writer, on a host that serves byte ranges and on one that does not: which
 * files it asks for, and that both ways find the same pages.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { writeShardPack } from '../../scripts/indexer/searchPack.ts';
import { FIXTURE_DIR } from '../../scripts/tools/fixtures/pagefindFixture.ts';
import { ShardReader, type RangeLoader } from '../../src/search/shard.ts';
import { parseByteRanges } from '../../src/search/fetch/byteRanges.ts';
import { inflate } from '../../src/search/pagefind/inflate.ts';
import { parseQuery } from '../../src/search/text/query.ts';
import { rangeHeader } from '../../src/search/fetch/byteRanges.ts';
import { rangeResponse } from '../../scripts/tools/server/rangeRequests.ts';

const entry = JSON.parse(readFileSync(join(FIXTURE_DIR, 'pagefind-entry.json'), 'utf8')) as {
  languages: Record<string, { hash: string }>;
};
const metaName = `pagefind.${Object.values(entry.languages)[0].hash}`;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shard-reader-'));
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  await writeShardPack(dir, metaName);
});

/** A reader of the packed fixture; `requests` lists each request as `file` or `file bytes=…`. */
function reader(ranges: boolean) {
  const requests: string[] = [];
  const file = (url: string) => readFileSync(join(dir, url.slice('/s/'.length)));
  const load = (url: string) => {
    requests.push(url.slice('/s/'.length));
    return Promise.resolve(inflate(new Uint8Array(file(url))));
  };
  const loadRanges: RangeLoader = (url, wanted) => {
    const header = rangeHeader(wanted);
    requests.push(`${url.slice('/s/'.length)} ${header}`);
    const answer = ranges ? rangeResponse(header, file(url), 'application/octet-stream', 'b') : undefined;
    if (!answer) return Promise.resolve(null);
    const type = String(answer.headers['content-type']);
    const boundary = /boundary=(\S+)/u.exec(type)?.[1];
    if (boundary) return Promise.resolve(parseByteRanges(new Uint8Array(answer.body), boundary));
    const [start, end] = (/bytes (\d+)-(\d+)/u.exec(String(answer.headers['content-range'])) ?? [])
      .slice(1)
      .map(Number);
    return Promise.resolve([{ start, end, bytes: new Uint8Array(answer.body) }]);
  };
  const info = { path: '0/', meta: metaName, newest: '2021-10-20', oldest: '2019-06-01', articles: 4 };
  return { shard: new ShardReader(info, '/s/', load, loadRanges), requests };
}

describe('ShardReader', () => {
  test('where the host serves ranges: the page list without file names, chunks from the pack', async () => {
    const { shard, requests } = reader(true);
    const hits = await shard.find(parseQuery('复工复产'));
    expect(hits.length).toBeGreaterThan(0);
    expect(requests).toContain('shard.meta');
    expect(requests.some((r) => r.startsWith('shard.pack bytes='))).toBe(true);
    expect(requests.some((r) => r.endsWith('.pf_meta') || r.endsWith('.pf_index'))).toBe(false);
  });

  test('where it does not: only Pagefind’s own page list and files, never the pack’s page list', async () => {
    const { shard, requests } = reader(false);
    const hits = await shard.find(parseQuery('复工复产'));
    expect(hits.map((h) => h.page)).toEqual((await reader(true).shard.find(parseQuery('复工复产'))).map((h) => h.page));
    expect(requests).not.toContain('shard.meta');
    expect(requests).toContain(`${metaName}.pf_meta`);
    expect(requests.filter((r) => r.startsWith('shard.pack.idx'))).toHaveLength(1);
  });

  test('a probe started early is the one the page list waits for', async () => {
    const { shard, requests } = reader(true);
    shard.warm();
    await shard.meta();
    expect(requests.filter((r) => r.startsWith('shard.pack.idx'))).toHaveLength(1);
    expect(requests.indexOf('shard.meta')).toBeGreaterThan(0);
  });

  test('a phrase only the regions list holds is found, but not counted as held verbatim', async () => {
    // b2's region is 耒阳市; its title and body say 耒阳 only.
    const { shard } = reader(true);
    const [listed] = await shard.find(parseQuery('耒阳市'));
    const [inText] = await shard.find(parseQuery('耒阳油茶'));
    expect(listed).toMatchObject({ page: inText.page, aligned: 0 });
    expect(inText.aligned).toBe(1);
  });

  test('a query’s postings are prefetched only once the page list is loaded, and not fetched again', async () => {
    const { shard, requests } = reader(true);
    const tokens = parseQuery('复工复产').flatMap((t) => t.tokens);
    shard.prefetchTokens(tokens);
    await Promise.resolve();
    expect(requests).toEqual([]);
    await shard.meta();
    const before = requests.length;
    shard.prefetchTokens(tokens);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests.slice(before).map((r) => r.split(' ')[0])).toEqual(['shard.pack']);
    await shard.find(parseQuery('复工复产'));
    expect(requests).toHaveLength(before + 1);
  });
});
