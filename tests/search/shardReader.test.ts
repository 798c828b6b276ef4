/**
 * A shard reader over the frozen Pagefind fixture, packed by the indexer's own
 * writer, on a host that serves byte ranges and on one that does not: which
 * files it asks for, and that both ways find the same pages.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
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
  // Chunks of a few locations, so that a query's tokens sit in several.
  await writeShardPack(dir, metaName, 4);
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
  const info = { path: '0/', newest: '2021-10-20', oldest: '2019-06-01', articles: 4 };
  return { shard: new ShardReader(info, '/s/', load, loadRanges), requests };
}

describe('ShardReader', () => {
  const query = parseQuery('雁峰区 复工复产');

  test('where the host serves ranges: the page list, then a query’s chunks in one request from the pack', async () => {
    const { shard, requests } = reader(true);
    const hits = await shard.find(query);
    expect(hits.length).toBeGreaterThan(0);
    expect(requests).toContain('shard.meta');
    expect(requests.filter((r) => /^shard\.pack bytes=\d+-\d+,/u.test(r))).toHaveLength(1);
    expect(requests.some((r) => r.startsWith('chunk/'))).toBe(false);
  });

  test('where it does not: the same page list and results, each chunk a numbered file', async () => {
    const { shard, requests } = reader(false);
    const hits = await shard.find(query);
    expect(hits).toEqual(await reader(true).shard.find(query));
    expect(requests).toContain('shard.meta');
    expect(requests.filter((r) => r.startsWith('chunk/')).length).toBeGreaterThan(1);
    expect(requests.some((r) => r.startsWith('shard.pack '))).toBe(false);
    expect(requests.filter((r) => r.startsWith('shard.pack.idx'))).toHaveLength(1);
  });

  test('Pagefind’s own page list and chunks are gone: nothing names a file by hash any more', () => {
    expect(readdirSync(dir)).not.toContain(`${metaName}.pf_meta`);
    expect(readdirSync(dir)).not.toContain('index');
    expect(readdirSync(join(dir, 'fragment')).every((f) => /^\d+\.pf_fragment$/u.test(f))).toBe(true);
  });

  test('the probe for ranges goes out with the page list, once a shard', async () => {
    const { shard, requests } = reader(true);
    await shard.find(query);
    await shard.find(parseQuery('耒阳'));
    expect(requests.slice(0, 2).sort()).toEqual(['shard.meta', 'shard.pack.idx bytes=0-0,2-']);
    expect(requests.filter((r) => r.startsWith('shard.pack.idx'))).toHaveLength(1);
  });

  test('a query’s postings are prefetched only once the page list is loaded, and not fetched again', async () => {
    const { shard, requests } = reader(true);
    const tokens = query.flatMap((t) => t.tokens);
    shard.prefetchTokens(tokens);
    await Promise.resolve();
    expect(requests).toEqual([]);
    await shard.meta();
    const before = requests.length;
    shard.prefetchTokens(tokens);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requests.slice(before).map((r) => r.split(' ')[0])).toContain('shard.pack');
    const fetched = requests.length;
    await shard.find(query);
    expect(requests).toHaveLength(fetched);
  });

  test('a phrase only the regions list holds is found, but not counted as held verbatim', async () => {
    // b2's region is 耒阳市; its title and body say 耒阳 only.
    const { shard } = reader(true);
    const [listed] = await shard.find(parseQuery('耒阳市'));
    const [inText] = await shard.find(parseQuery('耒阳油茶'));
    expect(listed).toMatchObject({ page: inText.page, aligned: 0 });
    expect(inText.aligned).toBe(1);
  });
});
