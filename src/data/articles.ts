/**
 * The one place pages get articles from. The collection is read and indexed
 * once per build; every question a page asks is then a lookup, so nothing is
 * quadratic in the size of the archive and no page filters a collection itself.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { buildArchiveIndex, type ArchiveIndex, type KeywordEntry, type SourcePage } from './archiveIndex.ts';
import type { YearCoverage } from '../utils/calendarDates.ts';
import { memoisePerObject } from '../utils/memo.ts';
import { htmlToPlainText } from '../utils/text/htmlText.ts';
import { excerpt } from '../utils/text/plainText.ts';
import { articlePath, regionPath, sourcePagePath } from '../utils/paths.ts';
import { keywordParam } from '../utils/text/urlSlugs.ts';
import { allRegions, regionNamed, type Region } from './regions.ts';

export interface Article {
  /** The content entry id; also the article's URL slug. */
  slug: string;
  data: CollectionEntry<'articles'>['data'];
  entry: CollectionEntry<'articles'>;
}

export type { KeywordEntry, SourcePage, YearCoverage };

let indexPromise: Promise<ArchiveIndex<Article>> | undefined;

function archive(): Promise<ArchiveIndex<Article>> {
  // Page records are optional: before the ingest writes them (or for an archive without them) the source pages
  // are described from their articles' front matter alone.
  indexPromise ??= Promise.all([getCollection('articles'), getCollection('pages')]).then(([entries, pages]) =>
    buildArchiveIndex(
      entries.map((entry): Article => ({ slug: entry.id, data: entry.data, entry })),
      pages.map((page) => page.data),
    ),
  );
  return indexPromise;
}

/** Every article, newest first, undated last. */
export async function allArticles(): Promise<Article[]> {
  return (await archive()).all;
}

export async function latestArticles(count: number): Promise<Article[]> {
  return (await archive()).all.slice(0, count);
}

export async function articleBySlug(slug: string): Promise<Article | undefined> {
  return (await archive()).bySlug.get(slug);
}

/** Articles filed under a region (by canonical name), newest first. */
export async function articlesByRegion(name: string): Promise<Article[]> {
  return (await archive()).byRegion.get(name) ?? [];
}

/** A day's articles in printed order, recorded dates and inferred ones apart. */
export async function articlesByDate(isoDate: string): Promise<{ known: Article[]; inferred: Article[] }> {
  return (await archive()).byDate.get(isoDate) ?? { known: [], inferred: [] };
}

export async function undatedArticles(): Promise<Article[]> {
  return (await archive()).undated;
}

/** Year → month → day counts of dated articles, ascending. */
export async function dateCoverage(): Promise<YearCoverage[]> {
  return (await archive()).coverage;
}

/** Every date that has articles, ascending. */
export async function archiveDates(): Promise<string[]> {
  return [...(await archive()).byDate.keys()].sort();
}

/** The source page (版面) a file became, with its articles in printed order. */
export async function articlesBySourcePage(file: string): Promise<SourcePage<Article> | undefined> {
  const index = await archive();
  const slug = index.sourcePageSlugOf.get(file);
  return slug === undefined ? undefined : index.bySourcePage.get(slug);
}

export async function sourcePageBySlug(slug: string): Promise<SourcePage<Article> | undefined> {
  return (await archive()).bySourcePage.get(slug);
}

/** Source pages newest first. */
export async function allSourcePages(): Promise<SourcePage<Article>[]> {
  return (await archive()).sourcePages;
}

/** The source pages of a date, in page order. */
export async function sourcePagesOnDate(isoDate: string): Promise<SourcePage<Article>[]> {
  return (await archive()).sourcePagesByDate.get(isoDate) ?? [];
}

export async function articlesByKeyword(keyword: string): Promise<Article[]> {
  return (await archive()).byKeyword.get(keywordParam(keyword))?.articles ?? [];
}

/** Keywords by how many articles use them, then in code-point order. */
export async function allKeywords(): Promise<KeywordEntry<Article>[]> {
  const entries = [...(await archive()).byKeyword.values()];
  return entries.sort(
    (a, b) => b.articles.length - a.articles.length || (a.keyword < b.keyword ? -1 : a.keyword > b.keyword ? 1 : 0),
  );
}

export async function relatedArticles(article: Article, limit = 5): Promise<Article[]> {
  return (await archive()).related(article, { limit });
}

/** The articles printed just before and after this one on its source page. */
export async function pageNeighbours(article: Article): Promise<{ previous?: Article; next?: Article }> {
  const page = await articlesBySourcePage(article.data.source.file);
  if (!page) return {};
  const i = page.articles.indexOf(article);
  return { previous: page.articles[i - 1], next: page.articles[i + 1] };
}

export interface RegionSummary {
  region: Region;
  count: number;
  parent?: Region;
  children: Region[];
}

/** Each gazetteer region with its article count, parent and child zones. */
export async function regionSummaries(): Promise<Map<string, RegionSummary>> {
  const index = await archive();
  const summaries = new Map<string, RegionSummary>();
  for (const region of allRegions) {
    const summary: RegionSummary = { region, count: index.byRegion.get(region.name)?.length ?? 0, children: [] };
    const parent = region.parent === undefined ? undefined : regionNamed(region.parent);
    if (parent) summary.parent = parent;
    summaries.set(region.name, summary);
  }
  for (const summary of summaries.values()) {
    if (summary.parent) summaries.get(summary.parent.name)?.children.push(summary.region);
  }
  return summaries;
}

/** The region's gazetteer entry, when a front-matter name is a known region. */
export const knownRegion = regionNamed;

/**
 * The visible text of an article's body. Not kept: it is wanted whole only by
 * the article's own page and the data dump, and keeping it for every article
 * would hold a second copy of the archive's text in every build part.
 */
export function articlePlainText(article: Article): string {
  return htmlToPlainText(article.entry.rendered?.html ?? '');
}

// An article shows up in many listings (its date, source page, regions and up
// to eight keywords), so each excerpt is computed once per article and length.
const excerptsOfLength = new Map<number, (article: Article) => string>();

/** The first `max` characters of an article's text on one line (see `excerpt`). */
export function articleExcerpt(article: Article, max: number): string {
  let ofLength = excerptsOfLength.get(max);
  if (!ofLength) {
    ofLength = memoisePerObject((a: Article) => excerpt(articlePlainText(a), max));
    excerptsOfLength.set(max, ofLength);
  }
  return ofLength(article);
}

/** Canonical paths, for pages that link to an article or its facets. */
export const hrefs = {
  article: (article: Article) => articlePath(article.slug),
  region: (region: Region) => regionPath(region.slug),
  sourcePage: (page: SourcePage<Article>) => sourcePagePath(page.slug),
};
