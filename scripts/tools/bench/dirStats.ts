/** Sizes of build outputs: bytes and file counts of a folder, gzip weight of pages. */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface DirStats {
  bytes: number;
  files: number;
}

/** Every file below `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return out.sort();
}

export function dirStats(dir: string, exclude?: (path: string) => boolean): DirStats {
  let bytes = 0;
  let files = 0;
  for (const path of listFiles(dir)) {
    if (exclude?.(path)) continue;
    bytes += statSync(join(dir, path)).size;
    files++;
  }
  return { bytes, files };
}

/** The stylesheets a page links, as site-absolute paths. */
export function linkedStylesheets(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?stylesheet/i.test(tag)) continue;
    const href = /\bhref=["']?([^"' >]+)/i.exec(tag)?.[1];
    if (href && href.startsWith('/') && !href.startsWith('//')) out.push(href.split(/[?#]/)[0]);
  }
  return out;
}

export interface PageWeight {
  path: string;
  htmlGzip: number;
  cssGzip: number;
  totalGzip: number;
}

/** Gzip (level 9) size of a built page plus the stylesheets it links. */
export function pageWeight(distDir: string, path: string): PageWeight {
  const html = readFileSync(join(distDir, path));
  const htmlGzip = gzipSync(html, { level: 9 }).length;
  let cssGzip = 0;
  for (const href of new Set(linkedStylesheets(html.toString('utf8')))) {
    const file = join(distDir, href);
    if (existsSync(file)) cssGzip += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  return { path, htmlGzip, cssGzip, totalGzip: htmlGzip + cssGzip };
}

/** `count` items spread evenly over a sorted list (deterministic, includes the first). */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The value below which `p` (0–1) of the values fall, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
