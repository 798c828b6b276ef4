/**
 * Writes article pages that follow the site's article-page contract (see
 * docs/search.md) into a directory, so the index and its evaluation can run
 * before, and independently of, the real site build. Sources: the Markdown in
 * tests/fixtures/content/, plus synthetic articles stitched from their
 * sentences and those of seeds/ (deterministic for a given seed).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ARTICLE_KINDS } from '../../../src/schemas/articleContract.ts';
import { countyLevelRegions } from '../../../src/schemas/gazetteer.ts';
import { escapeXml } from '../../../src/utils/text/xml.ts';

export interface FixtureArticle {
  slug: string;
  title: string;
  kind: string;
  date: string;
  regions: string[];
  keywords: string[];
  paragraphs: string[];
}

const ROOT = new URL('../../../', import.meta.url);

/** One page in the shape scripts/indexer/searchPages.ts reads (and the site engineer builds). */
export function articleHtml(a: FixtureArticle): string {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    articleBody: a.paragraphs.join('\n\n'),
    datePublished: a.date || undefined,
    keywords: a.keywords,
    contentLocation: a.regions.map((name) => ({ '@type': 'Place', name })),
    genre: a.kind,
    identifier: a.slug,
  }).replace(/</gu, '\\u003c');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeXml(a.title)}</title>
<script type="application/ld+json">${jsonLd}</script></head>
<body><main>
<article data-article data-slug="${a.slug}" data-kind="${a.kind}" data-year="${a.date.slice(0, 4)}" data-date="${a.date}" data-regions="${escapeXml(a.regions.join(','))}">
<h1 data-article-title>${escapeXml(a.title)}</h1>
<div data-article-body>${a.paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join('\n')}</div>
</article>
<div data-search-highlight></div>
</main></body></html>
`;
}

async function fixtureArticles(): Promise<FixtureArticle[]> {
  const dir = new URL('tests/fixtures/content/', ROOT);
  const out: FixtureArticle[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
    const text = await readFile(new URL(name, dir), 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(text);
    if (!m) continue;
    const fm = parse(m[1]) as {
      title: string;
      kind: string;
      date: string | null;
      regions?: string[];
      keywords?: string[];
    };
    out.push({
      slug: name.replace(/\.md$/u, ''),
      title: fm.title,
      kind: fm.kind,
      date: fm.date ?? '',
      regions: fm.regions ?? [],
      keywords: fm.keywords ?? [],
      paragraphs: m[2]
        .split(/\n\s*\n/u)
        .map((p) => p.replace(/\s*\n\s*/gu, '').trim())
        .filter(Boolean),
    });
  }
  return out;
}

/** Sentences (ending in 。！？；) from the fixtures and the seeds, de-duplicated. */
async function sentencePool(fixtures: FixtureArticle[]): Promise<string[]> {
  let text = fixtures.map((f) => f.paragraphs.join('')).join('');
  const seeds = new URL('seeds/', ROOT);
  for (const name of (await readdir(seeds).catch(() => [])).filter((n) => n.endsWith('.txt'))) {
    text += (await readFile(new URL(name, seeds), 'utf8')).replace(/[\s□]+/gu, '');
  }
  return [...new Set(text.match(/[^。！？；]{6,}[。！？；]/gu) ?? [])];
}

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fixture articles plus `count − fixtures` synthetic ones. */
export async function fixtureSet(count: number, seed = 1): Promise<FixtureArticle[]> {
  const fixtures = await fixtureArticles();
  const pool = await sentencePool(fixtures);
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const regions = countyLevelRegions().map((r) => r.name);
  const out = [...fixtures];
  for (let i = out.length; i < count; i++) {
    const sentences = Array.from({ length: 3 + Math.floor(random() * 14) }, () => pick(pool));
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences.length; s += 3) paragraphs.push(sentences.slice(s, s + 3).join(''));
    const lead = pick(pool).replace(/[。！？；]$/u, '');
    const year = 2010 + Math.floor(random() * 15);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    out.push({
      slug: `s${String(i).padStart(6, '0')}`,
      title: lead.slice(0, 8 + Math.floor(random() * 12)),
      kind: random() < 0.7 ? 'article' : pick(ARTICLE_KINDS),
      date: random() < 0.05 ? '' : `${year}-${month}-${day}`,
      regions:
        random() < 0.2
          ? []
          : [pick(regions), ...(random() < 0.2 ? [pick(regions)] : [])].filter((r, k, all) => all.indexOf(r) === k),
      keywords: [],
      paragraphs,
    });
  }
  return out;
}

/** Writes <dir>/articles/<slug>/index.html for each article. */
export async function writeFixtureSite(dir: string, articles: readonly FixtureArticle[]): Promise<void> {
  for (const a of articles) {
    const pageDir = join(dir, 'articles', a.slug);
    await mkdir(pageDir, { recursive: true });
    await writeFile(join(pageDir, 'index.html'), articleHtml(a));
  }
}
