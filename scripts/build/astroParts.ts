/**
 * The site in parallel: `astro build` prerenders one page at a time, so the
 * driver runs `parts` builds side by side, each rendering the share of the
 * pages that `src/utils/buildPart.ts` gives it (`ARCHIVE_BUILD_PART="k/n"`),
 * into its own folder next to the output, then merges them into one tree.
 *
 * Every part still loads the whole collection (the list pages need all of it)
 * and renders the pages that have no `getStaticPaths` (home, indexes, feeds):
 * those are identical in every part, and the merge checks that.
 * The sitemap needs every page, so parts write their page lists
 * (`ARCHIVE_PAGE_LIST`, src/integrations/sitemapIntegration.ts) and the driver writes
 * the sitemap from all of them after the merge.
 *
 * With one part, this is a plain `astro build` into the output folder.
 */
import { spawn } from 'node:child_process';
import { availableParallelism, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { lstat, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import type { PageList } from '../../src/integrations/sitemapIntegration.ts';
import { sitemapFiles, sitemapUrls } from '../../src/integrations/sitemap.ts';

export interface BuildSiteOptions {
  /** The project root: where `astro.config.mjs` and `node_modules/` are. */
  root: string;
  /** The final site folder. */
  outDir: string;
  /** How many `astro build` processes to run side by side (≥ 1). */
  parts: number;
  /** The environment of the builds (ARCHIVE_CONTENT_DIR, SITE_URL, …); process.env by default. */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface BuildSiteSummary {
  parts: number;
  /** Distinct pages in the sitemap (0 with one part: Astro's own build wrote it). */
  pages: number;
  /** Files moved from parts 1… into part 0's tree. */
  moved: number;
  /** Files several parts wrote with the same bytes (assets, pages without getStaticPaths). */
  shared: number;
}

/** A build part that failed: which one, and how it ended. */
export class PartFailed extends Error {
  readonly part: string;
  readonly exit: number | string;
  constructor(part: string, exit: number | string) {
    super(`astro build part ${part} failed (exit ${exit})`);
    this.part = part;
    this.exit = exit;
  }
}

/**
 * Where part `index` of a build into `outDir` writes. Next to `outDir`, so moves are renames on one
 * file system; `/dist.*` is in .gitignore, so Tailwind's source scan never reads these pages.
 */
export function partPaths(root: string, outDir: string, index: number, count: number) {
  return {
    outDir: `${outDir}.part-${index}`,
    pageList: `${outDir}.part-${index}.pages.json`,
    // One content cache per part: parallel builds must not write one data-store.json, and
    // Astro clears that cache whenever its config (here: the outDir) differs from the last build's.
    // It is also the part's working folder: Astro bundles the pages to prerender into
    // `<outDir>/.prerender/` when the outDir is inside the working folder, else into
    // `<cwd>/.astro/.prerender/`, and deletes it when done, so parts sharing a working
    // folder delete each other's bundle.
    cacheDir: join(root, 'node_modules/.astro', `part-${index}-of-${count}`),
  };
}

/** Astro's log line once a build has bundled and starts to render pages. */
const RENDERING = /generating static routes/u;

/**
 * Every part's content sync writes `<root>/.astro/content-assets.mjs` (and
 * content-modules.mjs) through one temporary name, which Astro does not let us
 * move: when two syncs end together, one part's rename finds the file already
 * renamed and the build fails. The other part has written the same file by
 * then, so running the failed part again is safe.
 */
export const SHARED_WRITE_RACE = /ENOENT[^\n]*rename[^\n]*\.astro[\\/]content-[a-z]+\.mjs\.tmp/u;

/**
 * Runs `astro build` of the project in `root` from the folder `cwd`, with `env`,
 * prefixing its output lines; resolves to its exit code or signal. `rendering`
 * is called once the build has bundled and renders pages, or when it ends;
 * `onLine` sees every line of its output.
 */
function runAstro(
  root: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  prefix: string,
  rendering: () => void = () => {},
  onLine: (line: string) => void = () => {},
): Promise<number | string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', root], {
      cwd,
      env,
      stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    if (prefix) {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        process.stdout.write(`${prefix}${line}\n`);
        onLine(line);
        if (RENDERING.test(line)) rendering();
      });
      createInterface({ input: child.stderr! }).on('line', (line) => {
        process.stderr.write(`${prefix}${line}\n`);
        onLine(line);
      });
    }
    child.on('error', (error) => {
      rendering();
      fail(error);
    });
    child.on('close', (code, signal) => {
      rendering();
      done(code ?? signal ?? 'unknown');
    });
  });
}

/**
 * Moves every file of `source` into `target`. A folder `target` lacks moves whole;
 * a file both have must have the same bytes (it is then left where it is),
 * else its path is a conflict. Returns the counts and the conflicting paths
 * (relative); `source` is left holding only what was not moved.
 */
export async function mergeTree(
  target: string,
  source: string,
): Promise<{ moved: number; shared: number; conflicts: string[] }> {
  const result = { moved: 0, shared: 0, conflicts: [] as string[] };
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(join(source, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const from = join(source, path);
      const to = join(target, path);
      const existing = await lstat(to).catch(() => undefined);
      if (existing === undefined) {
        await mkdir(dirname(to), { recursive: true });
        await rename(from, to);
        result.moved++;
      } else if (entry.isDirectory() && existing.isDirectory()) {
        await walk(path);
      } else if (entry.isFile() && existing.isFile() && (await readFile(from)).equals(await readFile(to))) {
        result.shared++;
      } else {
        result.conflicts.push(path);
      }
    }
  }
  await walk('');
  return result;
}

/**
 * The V8 old-space limit given to each part, in MB. Left alone, V8 lets each
 * part's heap grow far beyond what it keeps alive (two parts at 10,000 articles
 * peaked at 5.2 GB together); a limit sized to the archive made them collect
 * sooner and finish faster (2.6 GB, 54 s instead of 70 s). The size per article
 * is measured with room to spare. A part first reads its content cache whole
 * (left by the last build, which may have been of a larger archive), so the
 * cache's size counts too: four times its bytes on the heap while it is parsed.
 */
export function partHeapMb(articles: number, cacheBytes = 0): number {
  return Math.round(768 + 64 * (articles / 1000) + (4 * cacheBytes) / 2 ** 20);
}

/** The size of a part's content cache (Astro's data store), 0 when there is none yet. */
async function cacheSize(cacheDir: string): Promise<number> {
  try {
    return (await stat(join(cacheDir, 'data-store.json'))).size;
  } catch {
    return 0;
  }
}

/**
 * Whether parts should start one after another: each starts once the one before
 * has bundled and is rendering. A part's start (the content sync, which renders
 * and stores the whole collection, then bundling it) is its memory peak, about
 * 0.7 GB + 46 MB per 1,000 articles measured (1.15 GB at 10k, 5.3 GB at 100k);
 * parts starting together add those peaks (11.9 GB at 100k on 2 parts). Started
 * in turn, a part's peak meets the others' lower rendering memory instead, for
 * the time of one start (~50 s at 100k). Done only where the peaks together would
 * take more than 40% of the machine's memory, so small archives keep full speed.
 */
export function staggerParts(articles: number, parts: number, memoryBytes = totalmem()): boolean {
  const startPeak = 0.7e9 + 46e6 * (articles / 1000);
  return parts > 1 && parts * startPeak > 0.4 * memoryBytes;
}

/** Markdown files in the content folder: the archive's size, for `partHeapMb`. */
async function countArticles(contentDir: string): Promise<number | undefined> {
  try {
    return (await readdir(contentDir)).filter((name) => name.endsWith('.md')).length;
  } catch {
    return undefined;
  }
}

/** Builds the site into `outDir` with `parts` parallel `astro build`s (see the module comment). */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteSummary> {
  const { root, parts } = options;
  const outDir = resolve(options.outDir);
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));
  if (!Number.isInteger(parts) || parts < 1) throw new Error(`parts must be a whole number ≥ 1, not ${parts}`);

  if (parts === 1) {
    const exit = await runAstro(root, root, { ...env, ARCHIVE_OUT_DIR: outDir }, '');
    if (exit !== 0) throw new PartFailed('1/1', exit);
    return { parts, pages: 0, moved: 0, shared: 0 };
  }

  const paths = Array.from({ length: parts }, (_, k) => partPaths(root, outDir, k, parts));
  await Promise.all(
    paths.flatMap((p) => [rm(p.outDir, { recursive: true, force: true }), rm(p.pageList, { force: true })]),
  );
  // The last build's site is moved aside at once and deleted while the parts build:
  // deleting 20,000 pages takes seconds, which a plain `astro build` also spends.
  const stale = `${outDir}.stale-${process.pid}`;
  const clearing = rename(outDir, stale).then(
    () => rm(stale, { recursive: true, force: true }),
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    },
  );
  const articles = await countArticles(env.ARCHIVE_CONTENT_DIR ?? join(root, 'src/content/articles'));
  const nodeOptions = async (cacheDir: string) =>
    articles === undefined
      ? env.NODE_OPTIONS
      : [env.NODE_OPTIONS, `--max-old-space-size=${partHeapMb(articles, await cacheSize(cacheDir))}`]
          .filter(Boolean)
          .join(' ');
  const staggered = articles !== undefined && staggerParts(articles, parts);
  if (staggered) log(`build-site: ${articles} articles: each part starts once the one before is rendering`);
  // Resolved when part k is rendering (or has ended); with staggered starts, part k + 1 waits for it.
  const rendering = paths.map(() => Promise.withResolvers<void>());
  const started = performance.now();
  const exits = await Promise.all(
    paths.map(async (p, k) => {
      if (staggered && k > 0) await rendering[k - 1].promise;
      await mkdir(p.cacheDir, { recursive: true });
      const partNodeOptions = await nodeOptions(p.cacheDir);
      let raced = false;
      const run = () =>
        runAstro(
          root,
          p.cacheDir,
          {
            ...env,
            ARCHIVE_BUILD_PART: `${k}/${parts}`,
            ARCHIVE_OUT_DIR: p.outDir,
            ARCHIVE_PAGE_LIST: p.pageList,
            ARCHIVE_CACHE_DIR: p.cacheDir,
            ...(partNodeOptions ? { NODE_OPTIONS: partNodeOptions } : {}),
          },
          `[${k}/${parts}] `,
          () => rendering[k].resolve(),
          (line) => (raced ||= SHARED_WRITE_RACE.test(line)),
        );
      let exit = await run();
      if (exit !== 0 && raced) {
        log(
          `build-site: part ${k}/${parts} lost a race with another part for .astro/ (an Astro limit); running it again`,
        );
        exit = await run();
      }
      log(
        `build-site: part ${k}/${parts} ended (exit ${exit}) after ${((performance.now() - started) / 1000).toFixed(1)}s`,
      );
      return exit;
    }),
  );
  await clearing;
  const failed = exits.flatMap((exit, k) => (exit === 0 ? [] : [new PartFailed(`${k}/${parts}`, exit)]));
  if (failed.length > 0) {
    throw failed.length === 1 ? failed[0] : new AggregateError(failed, failed.map((e) => e.message).join('; '));
  }

  const merging = performance.now();
  const summary: BuildSiteSummary = { parts, pages: 0, moved: 0, shared: 0 };
  for (const p of paths.slice(1)) {
    const merged = await mergeTree(paths[0].outDir, p.outDir);
    if (merged.conflicts.length > 0) {
      const shown = merged.conflicts.slice(0, 10).join(', ');
      throw new Error(
        `build-site: ${merged.conflicts.length} file(s) differ between ${relative(root, paths[0].outDir)} and ${relative(root, p.outDir)}: ${shown}`,
      );
    }
    summary.moved += merged.moved;
    summary.shared += merged.shared;
    await rm(p.outDir, { recursive: true, force: true });
  }
  await rename(paths[0].outDir, outDir);

  const lists = await Promise.all(paths.map(async (p) => JSON.parse(await readFile(p.pageList, 'utf8')) as PageList));
  await Promise.all(paths.map((p) => rm(p.pageList, { force: true })));
  const site = lists[0].site;
  if (lists.some((list) => list.site !== site)) throw new Error('build-site: the parts disagree on the site URL');
  if (site === undefined) {
    log('build-site: no `site` in the Astro config: no sitemap written');
  } else {
    const urls = sitemapUrls(
      lists.flatMap((list) => list.pathnames),
      new URL(site),
    );
    const files = sitemapFiles(urls, new URL(site));
    await Promise.all([...files].map(([name, xml]) => writeFile(join(outDir, name), xml)));
    summary.pages = urls.length;
    log(`build-site: sitemap-index.xml and ${files.size - 1} sitemap file(s) for ${urls.length} pages`);
  }
  log(
    `build-site: ${parts} parts merged in ${((performance.now() - merging) / 1000).toFixed(1)}s: ${summary.moved} moved, ${summary.shared} identical in several parts`,
  );
  return summary;
}

/**
 * How many parts to build in: `value` (a `--parts` option), else `$ARCHIVE_BUILD_PARTS`,
 * else one per core — the parts are CPU-bound and single-threaded.
 */
export function buildSiteParts(value = process.env.ARCHIVE_BUILD_PARTS): number {
  if (value === undefined || value === '') return availableParallelism();
  const parts = Number(value);
  if (!Number.isInteger(parts) || parts < 1)
    throw new Error(`the number of parts must be ≥ 1, not ${JSON.stringify(value)}`);
  return parts;
}
