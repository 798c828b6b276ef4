import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tempDir.ts';
import { startStaticServer, type StaticServer } from '../../scripts/tools/server/staticServer.ts';
import { isCompressible } from '../../scripts/tools/server/contentTypes.ts';

const outside = tempDir('server-outside');
const root = join(outside, 'site');
const evalDir = tempDir('server-mount');
const bytes = Buffer.from(Array.from({ length: 1234 }, (_, i) => i % 251));
const text = '衡阳日报 '.repeat(2000);
const files: Record<string, string | Buffer> = {
  'index.html': '<p>home</p>',
  '404.html': '<p>not here</p>',
  'a/中/index.html': '<p>zhong</p>',
  'page.html': text,
  'data.json': JSON.stringify({ text }),
  'style.css': text,
  'icon.svg': `<svg>${text}</svg>`,
  'photo.png': bytes,
  'font.woff2': bytes,
  'pagefind/0/shard.pack': bytes,
  'pagefind/0/pagefind.zxx_1.pf_meta': bytes,
};
let server: StaticServer;
let plain: StaticServer;

beforeAll(async () => {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  writeFileSync(join(outside, 'secret.txt'), 'secret');
  writeFileSync(join(evalDir, 'index.html'), '<p>eval</p>');
  server = await startStaticServer(root, { mounts: { '/__eval/': evalDir } });
  plain = await startStaticServer(root, { ranges: false, gzip: false });
});
afterAll(async () => {
  await server.close();
  await plain.close();
});

const gzip = { 'accept-encoding': 'gzip' };

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 at a random port', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/u);
    expect(plain.origin).not.toBe(server.origin);
  });

  it('serves dir/index.html for directory URLs, percent-decoded, and redirects a directory without its slash', async () => {
    const page = await fetch(server.url('/a/%E4%B8%AD/'));
    expect(await page.text()).toBe('<p>zhong</p>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const moved = await fetch(server.url('/a/%E4%B8%AD?q=1'), { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe('/a/%E4%B8%AD/?q=1');
  });

  it('serves a mounted folder under its prefix', async () => {
    expect(await (await fetch(server.url('/__eval/'))).text()).toBe('<p>eval</p>');
  });

  it('answers a missing file with the site’s 404.html, gzipped like any page, and status 404', async () => {
    const response = await fetch(server.url('/nope/'), { headers: gzip });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe('<p>not here</p>');
  });

  it('never serves files outside its folders', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/a/..%2f..%2f..%2fsecret.txt', '/__eval/..%2fsite/']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(await response.text(), path).not.toBe('secret');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(server.url('/page.html'), { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(await head.text()).toBe('');
    expect((await fetch(server.url('/'), { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('gzips text types when the client accepts it, and nothing else', async () => {
    for (const path of ['/page.html', '/data.json', '/style.css', '/icon.svg']) {
      const response = await fetch(server.url(path), { headers: gzip });
      expect(response.headers.get('content-encoding'), path).toBe('gzip');
      expect(await response.text(), path).toBe(String(files[path.slice(1)]));
    }
    for (const path of ['/photo.png', '/font.woff2', '/pagefind/0/shard.pack', '/pagefind/0/pagefind.zxx_1.pf_meta']) {
      const response = await fetch(server.url(path), { headers: gzip });
      expect(response.headers.get('content-encoding'), path).toBeNull();
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes), path).toBe(true);
    }
    const unasked = await fetch(server.url('/page.html'), { headers: { 'accept-encoding': 'identity' } });
    expect(unasked.headers.get('content-encoding')).toBeNull();
    expect(isCompressible('application/octet-stream')).toBe(false);
  });

  it('logs every response with the bytes it sent, compressed when it was', async () => {
    server.reset();
    await (await fetch(server.url('/photo.png'))).arrayBuffer();
    expect(server.bytes()).toBe(bytes.length);
    server.reset();
    const raw = await import('node:http').then(
      ({ get }) =>
        new Promise<Buffer>((resolve) =>
          get(server.url('/page.html'), { headers: gzip }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
          }),
        ),
    );
    expect(gunzipSync(raw).toString()).toBe(text);
    expect(server.bytes()).toBe(raw.length);
    expect(server.bytes()).toBeLessThan(Buffer.byteLength(text) / 10);
    await (await fetch(server.url('/missing.js'))).arrayBuffer();
    expect(server.requests().map((r) => [r.path, r.status])).toEqual([
      ['/page.html', 200],
      ['/missing.js', 404],
    ]);
  });

  it('answers one byte range with the bytes asked for, uncompressed', async () => {
    const response = await fetch(server.url('/page.html'), { headers: { ...gzip, range: 'bytes=3-12' } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 3-12/${Buffer.byteLength(text)}`);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(text).subarray(3, 13))).toBe(true);
    expect(server.requests().at(-1)?.range).toBe('bytes=3-12');
  });

  it('answers several ranges in one multipart response, each part the bytes asked for', async () => {
    const response = await fetch(server.url('/pagefind/0/shard.pack'), { headers: { range: 'bytes=0-9,100-199' } });
    expect(response.status).toBe(206);
    const boundary = /^multipart\/byteranges; boundary=(\S+)$/u.exec(response.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    const body = Buffer.from(await response.arrayBuffer());
    const parts = body
      .toString('latin1')
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((part) => Buffer.from(part.slice(part.indexOf('\r\n\r\n') + 4, -2), 'latin1'));
    expect(parts).toHaveLength(2);
    expect(parts[0].equals(bytes.subarray(0, 10))).toBe(true);
    expect(parts[1].equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('refuses ranges that miss the file with 416', async () => {
    const response = await fetch(server.url('/photo.png'), { headers: { range: 'bytes=5000-6000' } });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('with ranges off, answers a range request with the whole file, like a host that ignores them', async () => {
    const response = await fetch(plain.url('/pagefind/0/shard.pack'), { headers: { range: 'bytes=0-9,100-199' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBeNull();
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('with gzip off, sends text as it is', async () => {
    const response = await fetch(plain.url('/page.html'), { headers: gzip });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(text);
  });
});
