import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBytes, fetchRanges } from '../../src/search/engine.ts';
import { rangeResponse } from '../../scripts/tools/server/rangeRequests.ts';

// As a Blob: the DOM typings of Response take no Uint8Array view of a shared buffer.
const serve = (body: Uint8Array, status = 200) =>
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Blob([new Uint8Array(body)]), { status })));

describe('fetchBytes', () => {
  afterEach(() => vi.unstubAllGlobals());
  const text = new TextEncoder().encode('{"衡阳":["雁峰区","石鼓区"]}'.repeat(50));

  it('gunzips a file the server sent as stored', async () => {
    serve(gzipSync(text));
    expect(await fetchBytes('/pagefind/0/fragment/x.pf_fragment')).toEqual(text);
  });

  it('passes through bytes the server already decompressed', async () => {
    serve(text);
    expect(await fetchBytes('/pagefind/0/fragment/x.pf_fragment')).toEqual(text);
  });

  it('names the file when the server answers with an error', async () => {
    serve(new Uint8Array(), 404);
    await expect(fetchBytes('/pagefind/0/fragment/gone.pf_fragment')).rejects.toThrow(/gone\.pf_fragment: HTTP 404/u);
  });
});

describe('fetchRanges', () => {
  afterEach(() => vi.unstubAllGlobals());
  const file = Buffer.from(Array.from({ length: 500 }, (_, i) => i % 251));

  /** A host that answers ranges as nginx does, or ignores them; counts the requests. */
  const host = (ranges: boolean) => {
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', (_url: string, init?: RequestInit) => {
      const range = new Headers(init?.headers).get('range');
      seen.push(range);
      const partial = ranges && range ? rangeResponse(range, file, 'application/octet-stream', 'zz') : undefined;
      return Promise.resolve(
        partial
          ? new Response(new Blob([new Uint8Array(partial.body)]), { status: partial.status, headers: partial.headers })
          : new Response(new Blob([new Uint8Array(file)]), { status: 200 }),
      );
    });
    return seen;
  };

  it('returns the parts of a multipart answer, and a plain 206 for one range', async () => {
    const seen = host(true);
    const load = fetchRanges();
    const parts = await load('/p', [
      { start: 10, end: 19 },
      { start: 300, end: 301 },
    ]);
    expect(parts?.map((p) => [p.start, Buffer.from(p.bytes)])).toEqual([
      [10, file.subarray(10, 20)],
      [300, file.subarray(300, 302)],
    ]);
    expect((await load('/p', [{ start: 5, end: 6 }]))?.map((p) => [p.start, p.end])).toEqual([[5, 6]]);
    expect(seen).toEqual(['bytes=10-19,300-301', 'bytes=5-6']);
  });

  it('gives up on a host that sends the whole file, without asking it again', async () => {
    const seen = host(false);
    const load = fetchRanges();
    expect(await load('/p', [{ start: 0, end: 0 }, { start: 2 }])).toBeNull();
    expect(await load('/p', [{ start: 0, end: 9 }])).toBeNull();
    expect(seen).toHaveLength(1);
  });
});
