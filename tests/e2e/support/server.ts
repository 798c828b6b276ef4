/**
 * A tiny static file server for browser tests: serves a built site from disk
 * on 127.0.0.1 at a random port, the way a static host would.
 *
 * - `/dir/` serves `dir/index.html`; `/dir` redirects to `/dir/` (301) when
 *   `dir/index.html` exists;
 * - a missing file gets the site's `404.html` with status 404 (plain text when
 *   the site has none), and is recorded in `notFound`;
 * - only GET and HEAD; paths are percent-decoded and may not leave the root;
 * - `Range` requests are answered as nginx answers them, several ranges at
 *   once included, unless `ranges: false` (a host that ignores them).
 *
 * It is bounded (few sockets, short timeouts) and `close()` ends every open
 * connection, so a test run never hangs on a keep-alive socket.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { rangeResponse } from '../../../scripts/tools/browser/rangeRequests.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Pagefind and similar tools write extension-less or unusual files; they are served as bytes. */
const FALLBACK_TYPE = 'application/octet-stream';

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The absolute URL of a site path, e.g. `url('/regions/')`. */
  url(path: string): string;
  /** Decoded paths that were answered with 404, in request order. */
  readonly notFound: readonly string[];
  /** Every request's decoded path, with ` range=…` when it asked for byte ranges, in request order. */
  readonly requested: readonly string[];
  close(): Promise<void>;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? FALLBACK_TYPE;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function startStaticServer(rootDir: string, options: { ranges?: boolean } = {}): Promise<StaticServer> {
  const root = resolve(rootDir);
  const notFound: string[] = [];
  const requested: string[] = [];

  /** The file a decoded URL path names, or undefined; `redirect` when only `path/` exists. */
  async function lookup(path: string): Promise<{ file: string } | { redirect: string } | undefined> {
    const target = resolve(root, `.${path}`);
    if (target !== root && !target.startsWith(root + sep)) return undefined;
    if (path.endsWith('/')) {
      const index = join(target, 'index.html');
      return (await isFile(index)) ? { file: index } : undefined;
    }
    if (await isFile(target)) return { file: target };
    if (await isFile(join(target, 'index.html'))) return { redirect: `${path}/` };
    return undefined;
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, file: string): void {
    res.writeHead(status, { 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad percent-encoding');
      return;
    }
    requested.push(req.headers.range ? `${path} range=${req.headers.range}` : path);
    const found = path.includes('\0') ? undefined : await lookup(path);
    if (found && 'redirect' in found) {
      res
        .writeHead(301, { Location: `${found.redirect.split('/').map(encodeURIComponent).join('/')}${url.search}` })
        .end();
      return;
    }
    if (found && req.headers.range && options.ranges !== false) {
      const partial = rangeResponse(
        req.headers.range,
        await readFile(found.file),
        contentTypeOf(found.file),
        randomBytes(12).toString('hex'),
      );
      if (partial) {
        res.writeHead(partial.status, { ...partial.headers, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : partial.body);
        return;
      }
    }
    if (found) {
      send(req, res, 200, found.file);
      return;
    }
    notFound.push(path);
    const page404 = join(root, '404.html');
    if (await isFile(page404)) {
      send(req, res, 404, page404);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.maxConnections = 32;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: (path) => new URL(path, origin).href,
    notFound,
    requested,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
