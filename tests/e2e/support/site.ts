/**
 * The built site under test: where it is, what it holds, and how its files
 * map to URL paths. Tests run against an existing build; they never build
 * `dist/` themselves.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleFrontMatter } from '../../../src/schemas/articleContract.ts';
import { attr, elements, parseHtml } from './html.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The site the tests read: `dist/`, or `$E2E_DIST_DIR`. */
export const DIST_DIR = resolve(process.env.E2E_DIST_DIR ?? join(REPO_ROOT, 'dist'));

/** One entry of `/articles.json`. */
export interface ArticleRecord extends ArticleFrontMatter {
  slug: string;
  /** The canonical permalink. */
  url: string;
  /** The plain-text body. */
  text: string;
}

/** Throws a clear error unless `dir` holds a built site. */
export function requireBuiltSite(dir: string = DIST_DIR): void {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`no built site at ${dir} (index.html is missing): run npm run build first`);
  }
}

export function readArticles(dir: string = DIST_DIR): ArticleRecord[] {
  return JSON.parse(readFileSync(join(dir, 'articles.json'), 'utf8')) as ArticleRecord[];
}

export function articlePath(slug: string): string {
  return `/articles/${slug.split('/').map(encodeURIComponent).join('/')}/`;
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path a built file is served at: `a/b/index.html` → `/a/b/`, `404.html` → `/404.html`. */
export function urlPathOf(file: string): string {
  return file === 'index.html'
    ? '/'
    : file.endsWith('/index.html')
      ? `/${file.slice(0, -'index.html'.length)}`
      : `/${file}`;
}

/**
 * The file a decoded URL path names in `dir`: the file itself, or
 * `index.html` of the directory; undefined when neither exists.
 */
export function fileForPath(siteDir: string, decodedPath: string): string | undefined {
  const dir = resolve(siteDir);
  const target = resolve(dir, `.${decodedPath}`);
  if (target !== dir && !target.startsWith(dir + sep)) return undefined;
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  if (!decodedPath.endsWith('/') && isFile(target)) return target;
  const index = join(target, 'index.html');
  return isFile(index) ? index : undefined;
}

/**
 * The region (district) pages of the build with the number of articles each
 * lists on its first page, most first (ties by path).
 */
export function regionPages(dir: string = DIST_DIR): { path: string; articles: number }[] {
  const regionsDir = join(dir, 'regions');
  if (!existsSync(regionsDir)) return [];
  return readdirSync(regionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(regionsDir, entry.name, 'index.html')))
    .map((entry) => {
      const document = parseHtml(readFileSync(join(regionsDir, entry.name, 'index.html'), 'utf8'));
      const main = [...elements(document)].find((element) => element.tagName === 'main');
      const links = main
        ? [...elements(main)].filter((a) => a.tagName === 'a' && attr(a, 'href')?.startsWith('/articles/'))
        : [];
      return { path: `/regions/${entry.name}/`, articles: new Set(links.map((a) => attr(a, 'href'))).size };
    })
    .sort((a, b) => b.articles - a.articles || a.path.localeCompare(b.path));
}

/**
 * The pages of a section with one folder per entry (`people`, `places`), as URL paths, the index pages
 * (`~`) left out, sorted.
 */
export function entryPages(section: string, dir: string = DIST_DIR): string[] {
  const sectionDir = join(dir, section);
  if (!existsSync(sectionDir)) return [];
  return readdirSync(sectionDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== '~' && existsSync(join(sectionDir, e.name, 'index.html')))
    .map((e) => `/${section}/${encodeURIComponent(e.name)}/`)
    .sort();
}
