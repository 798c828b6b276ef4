import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir.ts';
import { measureQueries } from '../../scripts/tools/browser/browserMeasure.ts';
import { CHROMIUM_PATH } from '../../scripts/tools/browser/chromium.ts';
import { startStaticServer } from '../../scripts/tools/server/staticServer.ts';

// Drives headless Chromium (installed by .ci/run); skipped where there is none.
describe.skipIf(!existsSync(CHROMIUM_PATH))('measureQueries', () => {
  it('loads the page once, runs the first query cold and every query warm, counting bytes', async () => {
    // The page prefetches the search data as it loads: that is the first query's cost, not the page's.
    const dir = tempDir('bench-browser');
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><link rel="icon" href="data:,"><title>t</title><p>home</p><script>fetch("/data.json")</script>',
    );
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ words: ['衡阳', '雁峰区', '耒阳'] }));
    const server = await startStaticServer(dir);
    try {
      const m = await measureQueries({
        url: server.url('/'),
        queries: ['衡阳', '耒阳', '长沙'],
        server,
        isSearchData: (path) => path === '/data.json',
        runQuery: (page, query) =>
          page.evaluate(async (q) => {
            const response = await fetch('/data.json', { cache: 'no-store' });
            const { words } = (await response.json()) as { words: string[] };
            return { hits: words.filter((w) => w.includes(q)).length };
          }, query),
      });
      expect(m.pageLoadBytes).toBeGreaterThan(0);
      expect(m.cold.query).toBe('衡阳');
      const oneFetch = m.warm[1].bytes;
      expect(oneFetch).toBeGreaterThan(0);
      expect(m.cold.bytes).toBe(2 * oneFetch);
      expect(m.warm[0].bytes).toBe(oneFetch);
      expect(m.cold.hits).toBe(1);
      expect(m.warm.map((t) => [t.query, t.hits])).toEqual([
        ['衡阳', 1],
        ['耒阳', 1],
        ['长沙', 0],
      ]);
      for (const t of m.warm) expect(t.ms).toBeGreaterThanOrEqual(0);
    } finally {
      await server.close();
    }
  });

  it('does not charge a query for what the page fetches after it showed the results', async () => {
    const dir = tempDir('bench-browser');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><link rel="icon" href="data:,"><title>t</title>');
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ words: ['衡阳'] }));
    const server = await startStaticServer(dir);
    try {
      const m = await measureQueries({
        url: server.url('/'),
        queries: ['衡阳', '耒阳'],
        server,
        runQuery: (page) =>
          page.evaluate(async () => {
            await (await fetch('/data.json', { cache: 'no-store' })).arrayBuffer();
            const shownAt = performance.timeOrigin + performance.now();
            // Background work once the results are on screen (older shards, counts).
            await (await fetch('/data.json?later', { cache: 'no-store' })).arrayBuffer();
            return { shownAt };
          }),
      });
      const served = server.requests().filter((r) => r.path.startsWith('/data.json'));
      expect(served.length).toBeGreaterThan(0);
      expect(m.warm.map((t) => t.bytes)).toEqual([served[0].bytes, served[0].bytes]);
      expect(m.cold.bytes).toBe(served[0].bytes);
    } finally {
      await server.close();
    }
  });
});
