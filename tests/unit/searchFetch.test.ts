import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchBytes } from '../../src/scripts/searchEngine.ts';

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
