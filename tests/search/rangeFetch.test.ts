import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchRanges, openRangeCache, RANGE_CACHE_PREFIX } from '../../src/search/fetch/rangeFetch.ts';
import { rangeResponse } from '../../scripts/tools/server/rangeRequests.ts';

/** A Cache Storage stand-in: a map of keys to responses, refusing a 206 as browsers do. */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  match(key: string): Promise<Response | undefined> {
    return Promise.resolve(this.entries.get(key)?.clone());
  }
  put(key: string, response: Response): Promise<void> {
    if (response.status === 206) return Promise.reject(new TypeError('partial response'));
    this.entries.set(key, response);
    return Promise.resolve();
  }
}

describe('fetchRanges with a cache', () => {
  afterEach(() => vi.unstubAllGlobals());
  const file = Buffer.from(Array.from({ length: 400 }, (_, i) => i % 251));

  const host = () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('range');
      seen.push(range);
      expect(init?.cache).toBeUndefined();
      const partial = rangeResponse(range!, file, 'application/octet-stream', 'zz')!;
      return Promise.resolve(
        new Response(new Blob([new Uint8Array(partial.body)]), { status: partial.status, headers: partial.headers }),
      );
    });
    return seen;
  };

  it('answers a repeated request from the cache, several ranges or one', async () => {
    const seen = host();
    const cache = new MemoryCache();
    const load = fetchRanges(Promise.resolve(cache as unknown as Cache));
    const ranges = [
      { start: 10, end: 19 },
      { start: 300, end: 301 },
    ];
    const first = await load('/p/shard.pack', ranges);
    await new Promise((r) => setTimeout(r, 0));
    const again = await load('/p/shard.pack', ranges);
    expect(again?.map((p) => [p.start, Buffer.from(p.bytes)])).toEqual(
      first?.map((p) => [p.start, Buffer.from(p.bytes)]),
    );
    await load('/p/shard.pack', [{ start: 5, end: 6 }]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await load('/p/shard.pack', [{ start: 5, end: 6 }]))?.[0]?.bytes).toEqual(
      new Uint8Array(file.subarray(5, 7)),
    );
    expect(seen).toEqual(['bytes=10-19,300-301', 'bytes=5-6']);
  });

  it('remembers a host that sent the whole file, and does not ask it again on a later visit', async () => {
    let refused = false;
    const memory = { refused: () => refused, setRefused: () => (refused = true) };
    const calls: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      calls.push(url);
      return Promise.resolve(new Response(new Blob([new Uint8Array(file)]), { status: 200 }));
    });
    expect(await fetchRanges(undefined, memory)('/p/shard.pack.idx', [{ start: 0, end: 0 }, { start: 2 }])).toBeNull();
    expect(refused).toBe(true);
    // A new page (a new loader) with the same memory asks nothing.
    expect(await fetchRanges(undefined, memory)('/q/shard.pack.idx', [{ start: 0, end: 0 }])).toBeNull();
    expect(calls).toEqual(['/p/shard.pack.idx']);
  });

  it('keeps one cache per index build and drops older ones', async () => {
    const deleted: string[] = [];
    vi.stubGlobal('caches', {
      keys: () => Promise.resolve([`${RANGE_CACHE_PREFIX}dir-old/`, 'other', `${RANGE_CACHE_PREFIX}dir-new/`]),
      delete: (name: string) => Promise.resolve((deleted.push(name), true)),
      open: (name: string) => Promise.resolve({ name }),
    });
    expect(await openRangeCache('dir-new/')).toEqual({ name: `${RANGE_CACHE_PREFIX}dir-new/` });
    expect(deleted).toEqual([`${RANGE_CACHE_PREFIX}dir-old/`]);
  });
});
