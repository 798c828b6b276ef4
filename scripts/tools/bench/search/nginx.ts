/**
 * Serves a built site with nginx and the project's own site rules
 * (deploy/nginx-site.conf, included as written) on 127.0.0.1, logging every
 * response's size, for measuring what a reader's browser downloads. With
 * `ranges: false` it adds `max_ranges 0`: a host that ignores byte ranges, as
 * object storage behind a plain CDN or GitHub Pages may.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, connect, type AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const NGINX_PATHS = ['/usr/sbin/nginx', '/usr/bin/nginx'];

/** nginx's path, installed with apt-get first when missing (Debian's 1.22 serves several ranges by default). */
export function ensureNginx(log: (line: string) => void = () => {}): string {
  let path = NGINX_PATHS.find((p) => existsSync(p));
  if (!path && existsSync('/usr/bin/apt-get')) {
    log('nginx is not installed: apt-get install -y nginx');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], { stdio: 'inherit', env });
    path = NGINX_PATHS.find((p) => existsSync(p));
  }
  if (!path) throw new Error('the search-cost bench needs nginx (apt-get install -y nginx)');
  return path;
}
export const SITE_RULES = resolve(import.meta.dirname, '../../../../deploy/nginx-site.conf');

export interface LoggedResponse {
  /** When nginx finished the response, ms since the epoch. */
  at: number;
  status: number;
  /** Bytes sent, headers included. */
  bytes: number;
  path: string;
}

export interface NginxHost {
  url: string;
  /** Where the access log ends now (pass to `since`). */
  mark(): number;
  since(mark: number): LoggedResponse[];
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}`);
    const up = await new Promise<boolean>((r) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), r(true)));
      socket.on('error', () => r(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port}`);
}

export async function startNginx(dist: string, work: string, options: { ranges: boolean }): Promise<NginxHost> {
  mkdirSync(work, { recursive: true });
  const port = await freePort();
  const log = join(work, 'access.log');
  writeFileSync(log, '');
  const temp = (name: string) => `${name}_temp_path ${join(work, name)};`;
  writeFileSync(
    join(work, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(work, 'nginx.pid')};`,
      `error_log ${join(work, 'error.log')};`,
      'events {}',
      'http {',
      "  log_format bench '$msec $status $bytes_sent $request_uri';",
      `  access_log ${log} bench;`,
      `  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}`,
      '  server {',
      `    listen 127.0.0.1:${port};`,
      `    root ${resolve(dist)};`,
      options.ranges ? '' : '    max_ranges 0;',
      `    include ${SITE_RULES};`,
      '  }',
      '}',
    ].join('\n'),
  );
  const child = spawn(ensureNginx(), ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    url: `http://127.0.0.1:${port}`,
    mark: () => statSync(log).size,
    since: (mark) =>
      readFileSync(log)
        .subarray(mark)
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [at, status, bytes, path] = line.split(' ');
          return { at: Number(at) * 1000, status: Number(status), bytes: Number(bytes), path: path ?? '' };
        }),
    close: () =>
      new Promise<void>((r) => {
        child.once('exit', () => r());
        child.kill('SIGQUIT');
      }),
  };
}
