/**
 * The static server the browser tests use behaves like a static host.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startStaticServer, type StaticServer } from './support/server.ts';

const root = mkdtempSync(join(tmpdir(), 'hyrb-server-'));
let server: StaticServer;

before(async () => {
  mkdirSync(join(root, 'a', '中'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<p>home</p>');
  writeFileSync(join(root, '404.html'), '<p>not here</p>');
  writeFileSync(join(root, 'a', '中', 'index.html'), '<p>zhong</p>');
  for (const ext of ['xml', 'json', 'svg', 'css', 'js', 'wasm', 'pf_meta']) writeFileSync(join(root, `f.${ext}`), 'x');
  writeFileSync(join(tmpdir(), 'hyrb-server-secret.txt'), 'secret');
  server = await startStaticServer(root);
});
after(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'hyrb-server-secret.txt'), { force: true });
});

describe('the static test server', () => {
  test('listens on 127.0.0.1 at a random port', () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/u);
  });

  test('serves dir/index.html for directory URLs, percent-decoded', async () => {
    const response = await fetch(server.url('/a/%E4%B8%AD/'));
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '<p>zhong</p>');
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  test('redirects a directory URL without its trailing slash', async () => {
    const response = await fetch(server.url('/a/%E4%B8%AD?q=1'), { redirect: 'manual' });
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/a/%E4%B8%AD/?q=1');
  });

  test('answers a missing file with 404.html and status 404, and records it', async () => {
    const response = await fetch(server.url('/nope/'));
    assert.equal(response.status, 404);
    assert.equal(await response.text(), '<p>not here</p>');
    assert.ok(server.notFound.includes('/nope/'));
  });

  test('gives each kind of file its content type', async () => {
    const expected: Record<string, string> = {
      xml: 'application/xml; charset=utf-8',
      json: 'application/json; charset=utf-8',
      svg: 'image/svg+xml',
      css: 'text/css; charset=utf-8',
      js: 'text/javascript; charset=utf-8',
      wasm: 'application/wasm',
      pf_meta: 'application/octet-stream',
    };
    for (const [ext, type] of Object.entries(expected)) {
      const response = await fetch(server.url(`/f.${ext}`));
      assert.equal(response.status, 200, ext);
      assert.equal(response.headers.get('content-type'), type, ext);
      await response.arrayBuffer();
    }
  });

  test('never serves files outside its root', async () => {
    for (const path of [
      '/../hyrb-server-secret.txt',
      '/%2e%2e/hyrb-server-secret.txt',
      '/a/..%2f..%2fhyrb-server-secret.txt',
    ]) {
      const response = await fetch(`${server.origin}${path}`);
      assert.notEqual(await response.text(), 'secret', path);
    }
  });

  test('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(server.url('/'), { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    const post = await fetch(server.url('/'), { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
  });
});
