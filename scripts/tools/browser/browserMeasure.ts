/**
 * Measuring a built site in headless Chromium: a tiny static server on
 * 127.0.0.1 that counts the bytes it sends, and a runner that times queries
 * on a page. Generic: it takes a URL and a function that runs one query, so
 * the search evaluation can reuse it with its own queries and UI.
 */
import { closeSync, createReadStream, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileSlices, rangeResponse } from './rangeRequests.ts';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt']);

export interface RequestRecord {
  path: string;
  status: number;
  /** Bytes of the response body as sent (after compression, if any). */
  bytes: number;
  /** When the request arrived, in ms since the epoch (the browser on this machine reads the same clock). */
  at: number;
}

export interface CountingServer {
  url: string;
  /** Body bytes sent since the start or the last reset(). */
  bytes(): number;
  requests(): RequestRecord[];
  reset(): void;
  close(): Promise<void>;
}

export interface ServeOptions {
  host?: string;
  port?: number;
  /** Gzip text responses when the client accepts it, as a static host would (default true). */
  gzip?: boolean;
  /** Answer `Range` requests, several ranges at once included, as nginx does (default true). */
  ranges?: boolean;
}

/** Maps a URL path to a file below `root`: `/a/` → `/a/index.html`; refuses paths outside the root. */
export function resolvePath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const file = normalize(join(root, path));
  if (file !== normalize(root) && !file.startsWith(normalize(root) + sep)) return undefined;
  if (path.endsWith('/')) return join(file, 'index.html');
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
}

/** Serves `root` on 127.0.0.1 (an ephemeral port unless given), counting the bytes of every response. */
export async function serveStatic(root: string, options: ServeOptions = {}): Promise<CountingServer> {
  const gzip = options.gzip ?? true;
  const ranges = options.ranges ?? true;
  let log: RequestRecord[] = [];
  const gzipCache = new Map<string, Buffer>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const at = performance.timeOrigin + performance.now();
    const file = resolvePath(root, req.url ?? '/');
    const send = (status: number, body: Buffer | string, headers: Record<string, string> = {}) => {
      const buffer = typeof body === 'string' ? Buffer.from(body) : body;
      log.push({ path: req.url ?? '', status, bytes: buffer.length, at });
      res.writeHead(status, { 'content-length': String(buffer.length), ...headers });
      res.end(buffer);
    };
    if (!file || !existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
    const ext = extname(file);
    const type = TYPES[ext] ?? 'application/octet-stream';
    if (ranges && req.headers.range) {
      // Only the ranges asked for are read, as nginx does: reading a whole pack cost each request ~2 ms at 10k.
      const fd = openSync(file, 'r');
      let partial;
      try {
        partial = rangeResponse(req.headers.range, fileSlices(fd), type, randomBytes(12).toString('hex'));
      } finally {
        closeSync(fd);
      }
      if (partial) return send(partial.status, partial.body, partial.headers);
    }
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip && accepts && COMPRESSIBLE.has(ext)) {
      let body = gzipCache.get(file);
      if (!body) {
        body = gzipSync(readFileSync(file));
        gzipCache.set(file, body);
      }
      return send(200, body, { 'content-type': type, 'content-encoding': 'gzip' });
    }
    const size = statSync(file).size;
    // Small files go out in one write: a piped stream answers in several, and with delayed ACKs on
    // loopback each small response then waited ~40 ms, which measured the server, not the page.
    if (size <= 1 << 20) return send(200, readFileSync(file), { 'content-type': type });
    log.push({ path: req.url ?? '', status: 200, bytes: size, at });
    res.writeHead(200, { 'content-type': type, 'content-length': String(size) });
    createReadStream(file).pipe(res);
  };
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address}:${port}`,
    bytes: () => log.reduce((sum, r) => sum + r.bytes, 0),
    requests: () => [...log],
    reset: () => {
      log = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** What a query runner may report: its own in-page duration and how many results it found. */
export interface QueryOutcome {
  ms?: number;
  hits?: number;
  /**
   * When the results were shown, in ms since the epoch (`performance.timeOrigin + performance.now()`
   * in the page). Requests that arrive later are the page's background work, not this query's.
   */
  shownAt?: number;
}

/**
 * Runs one query on the page. Returns the in-page duration in ms (a number, or
 * `ms` of an outcome) when it measures one itself (performance.now() around
 * the work); otherwise the call is timed from Node.
 */
export type QueryRunner<Q> = (page: Page, query: Q) => Promise<number | QueryOutcome | void>;

export interface QueryTiming<Q> {
  query: Q;
  ms: number;
  /** Bytes the server sent while the query ran. */
  bytes: number;
  /** Results found, when the runner reports them (a query with none is suspiciously fast). */
  hits?: number;
}

export interface QueryMeasurement<Q> {
  /** Bytes sent to load the page before any query. */
  pageLoadBytes: number;
  /** The first query on a fresh page (empty cache): what a visitor's first search costs. */
  cold: QueryTiming<Q>;
  /** The first `coldRuns` queries, each as the first query of its own fresh page. */
  colds: QueryTiming<Q>[];
  /** Every query once more, after the cold one warmed the engine up. */
  warm: QueryTiming<Q>[];
}

export interface MeasureOptions<Q> {
  url: string;
  queries: readonly Q[];
  runQuery: QueryRunner<Q>;
  /** Counts bytes when the page is served by serveStatic(). */
  server?: CountingServer;
  executablePath?: string;
  /** An already launched browser to reuse (not closed here). */
  browser?: Browser;
  /** How many queries to also run cold, each on a fresh page (default 1). */
  coldRuns?: number;
  /** Runs before each warm query, unmeasured (e.g. until the page's previous search is finished). */
  beforeQuery?: (page: Page) => Promise<void>;
  /**
   * Which request paths are search data. A cold query is charged for every one of them since the page
   * began to load, so data the page prefetches (on focus, say) counts as the first query's, not as
   * the page's; other requests are the page load. By default, nothing is prefetched search data.
   */
  isSearchData?: (path: string) => boolean;
}

export async function launchChromium(executablePath = CHROMIUM_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** Loads `url` in a fresh browser context, runs the first query cold, then every query warm. */
export async function measureQueries<Q>(options: MeasureOptions<Q>): Promise<QueryMeasurement<Q>> {
  if (options.queries.length === 0) throw new Error('measureQueries needs at least one query');
  const browser = options.browser ?? (await launchChromium(options.executablePath));
  const context = await browser.newContext();
  try {
    const isSearchData = options.isSearchData ?? (() => false);
    const server = options.server;
    const sum = (records: RequestRecord[]) => records.reduce((total, r) => total + r.bytes, 0);
    /** Loads the page; returns the bytes of search data it prefetched, and of everything else. */
    const load = async (page: Page) => {
      server?.reset();
      await page.goto(options.url, { waitUntil: 'load' });
      const records = server?.requests() ?? [];
      server?.reset();
      return {
        prefetched: records.filter((r) => isSearchData(r.path)),
        pageLoad: sum(records.filter((r) => !isSearchData(r.path))),
      };
    };
    /** The query's requests since the last reset: all, or those before its results were shown. */
    const queryRequests = (outcome: QueryOutcome) =>
      (server?.requests() ?? []).filter((r) => outcome.shownAt === undefined || r.at <= outcome.shownAt);
    // Everything since the page loaded is a cold query's: its own requests, and prefetches still under way.
    const coldBytes = (prefetched: RequestRecord[], outcome: QueryOutcome) =>
      sum(prefetched) + sum(queryRequests(outcome));
    const colds: QueryTiming<Q>[] = [];
    for (const query of options.queries.slice(1, options.coldRuns ?? 1)) {
      const fresh = await browser.newContext();
      try {
        const page = await fresh.newPage();
        const { prefetched } = await load(page);
        const started = performance.now();
        const outcome = await options.runQuery(page, query);
        const reported = typeof outcome === 'number' ? { ms: outcome } : (outcome ?? {});
        colds.push({ query, ms: reported.ms ?? performance.now() - started, bytes: coldBytes(prefetched, reported) });
      } finally {
        await fresh.close();
      }
    }
    const page = await context.newPage();
    const { prefetched, pageLoad: pageLoadBytes } = await load(page);
    let first = true;
    const timed = async (query: Q): Promise<QueryTiming<Q>> => {
      await options.beforeQuery?.(page);
      // The first query is cold: what the page prefetched, and anything since, is charged to it.
      if (!first) server?.reset();
      const started = performance.now();
      const outcome = await options.runQuery(page, query);
      const wall = performance.now() - started;
      const reported = typeof outcome === 'number' ? { ms: outcome } : (outcome ?? {});
      const bytes = first ? coldBytes(prefetched, reported) : sum(queryRequests(reported));
      first = false;
      const timing: QueryTiming<Q> = { query, ms: reported.ms ?? wall, bytes };
      if (reported.hits !== undefined) timing.hits = reported.hits;
      return timing;
    };
    const cold = await timed(options.queries[0]);
    const warm: QueryTiming<Q>[] = [];
    for (const query of options.queries) warm.push(await timed(query));
    return { pageLoadBytes, cold, colds: [cold, ...colds], warm };
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
}
