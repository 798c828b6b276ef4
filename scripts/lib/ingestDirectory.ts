/**
 * Ingests a folder of page files into a folder of Markdown articles.
 *
 * One bad page never stops the others: it is reported with its file name and
 * the reason, and the run fails at the end. Pages already ingested with the
 * same text, rules and dictionaries come from a content-hash cache, so adding
 * a day's pages re-parses only those pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../src/lib/gazetteer.ts';
import { decodePage } from './decode.ts';
import { ingestPage, type IngestedArticle } from './ingestPage.ts';
import { createKeywordExtractor, type KeywordExtractor } from './keywords.ts';
import { parseManifest, type Manifest, type PageFacts } from './manifest.ts';
import { toMarkdownFile } from './markdown.ts';
import { createRegionMatcher, type RegionMatcher } from './regions.ts';
import { baseSlug, createSlugAllocator } from './slug.ts';
import { loadVocabulary, type Vocabulary } from './vocabulary.ts';

export interface IngestOptions {
  seedsDir: string;
  outDir: string;
  /** Where parsed pages are cached by content hash; none when undefined. */
  cacheDir?: string;
}

export interface IngestSummary {
  pagesRead: number;
  pagesParsed: number;
  pagesFromCache: number;
  articlesWritten: number;
  filesChanged: number;
  filesRemoved: number;
  warnings: string[];
  /** Pages that could not be read: the command fails when there are any. */
  errors: string[];
}

const MANIFEST = 'manifest.yaml';

export function ingestDirectory(options: IngestOptions): IngestSummary {
  const summary: IngestSummary = {
    pagesRead: 0,
    pagesParsed: 0,
    pagesFromCache: 0,
    articlesWritten: 0,
    filesChanged: 0,
    filesRemoved: 0,
    warnings: [],
    errors: [],
  };
  if (!existsSync(options.seedsDir)) throw new Error(`${options.seedsDir}: the seeds folder does not exist`);
  const manifest = readManifest(options.seedsDir);
  const files = readdirSync(options.seedsDir)
    .filter((name) => name.endsWith('.txt'))
    .sort();
  let tools: { vocabulary: Vocabulary; regions: RegionMatcher; keywords: KeywordExtractor } | undefined;
  const rulesVersion = rulesFingerprint();
  const seenPages = new Map<string, string>();
  // Pages are written as they are parsed, in file order, so memory stays flat however large the archive.
  const writer = createWriter(options.outDir, summary);

  for (const file of files) {
    const path = join(options.seedsDir, file);
    summary.pagesRead += 1;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      summary.errors.push(`${path}: unreadable: ${(error as Error).message}`);
      continue;
    }
    const decoded = decodePage(bytes);
    if (!decoded.ok) {
      summary.errors.push(`${path}: skipped: ${decoded.reason}`);
      continue;
    }
    const contentHash = createHash('sha256').update(decoded.text).digest('hex');
    const original = seenPages.get(contentHash);
    if (original) {
      summary.warnings.push(`${path}: duplicate of ${original}; ingested once`);
      continue;
    }
    seenPages.set(contentHash, file);

    const facts = manifest.get(file);
    const key = createHash('sha256')
      .update(`${rulesVersion}\n${file}\n${JSON.stringify(facts ?? {})}\n${contentHash}`)
      .digest('hex');
    const cachePath = options.cacheDir ? join(options.cacheDir, `${key}.json`) : undefined;
    const cached = cachePath && existsSync(cachePath) ? readCache(cachePath) : undefined;
    if (cached) {
      summary.pagesFromCache += 1;
      summary.warnings.push(...cached.warnings);
      writer.write(cached.articles);
      continue;
    }
    tools ??= createTools();
    const result = ingestPage(decoded.text, file, { ...tools, ...(facts ? { facts } : {}) });
    summary.pagesParsed += 1;
    summary.warnings.push(...result.warnings);
    if (decoded.encoding !== 'utf-8') summary.warnings.push(`${path}: decoded from ${decoded.encoding}`);
    if (cachePath) {
      mkdirSync(options.cacheDir!, { recursive: true });
      writeFileSync(cachePath, JSON.stringify({ articles: result.articles, warnings: result.warnings }));
    }
    writer.write(result.articles);
  }

  writer.finish();
  return summary;
}

function createTools() {
  const gazetteer = loadGazetteer();
  return {
    vocabulary: loadVocabulary(),
    regions: createRegionMatcher(gazetteer),
    keywords: createKeywordExtractor(gazetteer),
  };
}

/** Writes articles under unique slugs, touching only files whose bytes change; `finish` removes the rest. */
function createWriter(outDir: string, summary: IngestSummary) {
  mkdirSync(outDir, { recursive: true });
  const wanted = new Set<string>();
  return {
    write(articles: IngestedArticle[]) {
      const allocate = createSlugAllocator();
      for (const article of articles) {
        const { source, title } = article.frontMatter;
        const name = `${allocate(baseSlug(source.file, title, article.text))}.md`;
        wanted.add(name);
        const content = toMarkdownFile(article.frontMatter, article.body);
        const path = join(outDir, name);
        if (!existsSync(path) || readFileSync(path, 'utf8') !== content) {
          writeFileSync(path, content);
          summary.filesChanged += 1;
        }
        summary.articlesWritten += 1;
      }
    },
    finish() {
      for (const name of readdirSync(outDir)) {
        if (name.endsWith('.md') && !wanted.has(name)) {
          rmSync(join(outDir, name));
          summary.filesRemoved += 1;
        }
      }
    },
  };
}

function readManifest(seedsDir: string): Manifest {
  const path = join(seedsDir, MANIFEST);
  return existsSync(path) ? parseManifest(readFileSync(path, 'utf8'), path) : new Map<string, PageFacts>();
}

function readCache(path: string): { articles: IngestedArticle[]; warnings: string[] } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { articles: IngestedArticle[]; warnings: string[] };
  } catch {
    return undefined; // A damaged cache entry is re-parsed.
  }
}

/** A hash of the parsing code and its data files: a change to either invalidates the cache. */
function rulesFingerprint(): string {
  const hash = createHash('sha256');
  const libDir = fileURLToPath(new URL('.', import.meta.url));
  const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
  const srcLib = fileURLToPath(new URL('../../src/lib/', import.meta.url));
  for (const dir of [libDir, dataDir, srcLib]) {
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(?:ts|ya?ml|txt)$/u.test(name)) continue;
      hash.update(`${basename(dir)}/${name}\n`).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}
