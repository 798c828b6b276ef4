/**
 * The one static HTTP server of the browser tests, the bench and the search
 * evaluation: a built site served from disk on 127.0.0.1 the way a static host
 * (nginx) serves it, so what they measure or test is what a reader would get.
 *
 * - `/dir/` serves `dir/index.html`, `/dir` redirects there (siteFiles.ts);
 *   a missing file gets the site's `404.html` with status 404;
 * - `Range` requests, several ranges at once included, are answered reading
 *   only those bytes (rangeRequests.ts), unless `ranges: false`: a host that
 *   ignores them, as some CDNs do;
 * - text is gzipped when the client accepts it, unless `gzip: false`; images,
 *   fonts and Pagefind's files (gzip inside already) never are;
 * - every response is logged with the bytes of its body as sent, so a test can
 *   count requests and a measurement can count bytes;
 * - `Cache-Control: no-store`: each test and measurement sees the server's bytes, not a cache's.
 *
 * Bounded (few sockets, short timeouts), and `close()` ends every open
 * connection, so no run hangs on a keep-alive socket.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { contentTypeOf, isCompressible } from './contentTypes.ts';
import { fileSlices, rangeResponse } from './rangeRequests.ts';
import { encodePath, lookupPath, type SiteFolders } from './siteFiles.ts';

export interface ServeOptions {
  host?: string;
  /** An ephemeral port unless given. */
  port?: number;
  /** Answer `Range` requests (default true). */
  ranges?: boolean;
  /** Gzip text when the client accepts it (default true). */
  gzip?: boolean;
  /** Further folders served under URL prefixes, e.g. `{ '/__eval/': dir }`. */
  mounts?: SiteFolders['mounts'];
}

export interface ServedRequest {
  /** The percent-decoded URL path, without the query. */
  path: string;
  /** The `Range` header, when the request had one. */
  range?: string;
  status: number;
  /** Bytes of the response body as sent (compressed, if it was). */
  bytes: number;
  /** When the request arrived, in ms since the epoch (a browser on this machine reads the same clock). */
  at: number;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The absolute URL of a site path, e.g. `url('/regions/')`. */
  url(path: string): string;
  /** Requests answered since the start or the last reset(), in order. */
  requests(): ServedRequest[];
  /** Body bytes sent since the start or the last reset(). */
  bytes(): number;
  reset(): void;
  close(): Promise<void>;
}

/** Files up to this size go out in one write: a piped stream answers in several, and with delayed ACKs on
 * loopback each small response then waited ~40 ms, which measured the server, not the page. */
const ONE_WRITE_BYTES = 1 << 20;

export async function startStaticServer(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const folders: SiteFolders = { root, ...(options.mounts ? { mounts: options.mounts } : {}) };
  let log: ServedRequest[] = [];
  const gzipped = new Map<string, Buffer>();

  function gzipOf(file: string, mtimeMs: number): Buffer {
    const key = `${file}\0${mtimeMs}`;
    let body = gzipped.get(key);
    if (!body) gzipped.set(key, (body = gzipSync(readFileSync(file))));
    return body;
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const at = performance.timeOrigin + performance.now();
    const head = req.method === 'HEAD';
    const entry: ServedRequest = { path: '', status: 0, bytes: 0, at };
    if (req.headers.range) entry.range = req.headers.range;
    const send = (status: number, body: Buffer | string, headers: Record<string, string> = {}) => {
      const buffer = typeof body === 'string' ? Buffer.from(body) : body;
      log.push({ ...entry, status, bytes: head ? 0 : buffer.length });
      res.writeHead(status, { 'content-length': String(buffer.length), 'cache-control': 'no-store', ...headers });
      res.end(head ? undefined : buffer);
    };
    if (req.method !== 'GET' && !head) return send(405, '', { allow: 'GET, HEAD' });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      entry.path = decodeURIComponent(url.pathname);
    } catch {
      entry.path = url.pathname;
      return send(400, 'bad percent-encoding', { 'content-type': 'text/plain; charset=utf-8' });
    }
    /** A whole file, gzipped when it is text and the client accepts it, as a host sends it. */
    const sendFile = (status: number, file: string) => {
      const type = contentTypeOf(file);
      const { size, mtimeMs } = statSync(file);
      const headers: Record<string, string> = { 'content-type': type };
      if (options.ranges !== false) headers['accept-ranges'] = 'bytes';
      if (isCompressible(type)) {
        headers.vary = 'accept-encoding';
        if (options.gzip !== false && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''))) {
          return send(status, gzipOf(file, mtimeMs), { ...headers, 'content-encoding': 'gzip' });
        }
      }
      if (head) return send(status, '', { ...headers, 'content-length': String(size) });
      if (size <= ONE_WRITE_BYTES) return send(status, readFileSync(file), headers);
      log.push({ ...entry, status, bytes: size });
      res.writeHead(status, { ...headers, 'content-length': String(size), 'cache-control': 'no-store' });
      createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    };
    const found = lookupPath(folders, entry.path);
    if (found && 'redirect' in found) return send(301, '', { location: `${encodePath(found.redirect)}${url.search}` });
    if (!found) {
      const page404 = lookupPath(folders, '/404.html');
      if (page404 && 'file' in page404) return sendFile(404, page404.file);
      return send(404, 'not found', { 'content-type': 'text/plain; charset=utf-8' });
    }
    if (req.headers.range && options.ranges !== false) {
      const fd = openSync(found.file, 'r');
      try {
        const type = contentTypeOf(found.file);
        const partial = rangeResponse(req.headers.range, fileSlices(fd), type, randomBytes(12).toString('hex'));
        if (partial) return send(partial.status, partial.body, { ...partial.headers, 'accept-ranges': 'bytes' });
      } finally {
        closeSync(fd);
      }
    }
    sendFile(200, found.file);
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  server.maxConnections = 32;
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { address, port } = server.address() as AddressInfo;
  const origin = `http://${address}:${port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    requests: () => [...log],
    bytes: () => log.reduce((sum, r) => sum + r.bytes, 0),
    reset: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
