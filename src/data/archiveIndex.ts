import type { ArticleFrontMatter } from '../schemas/articleContract.ts';
import { groupByDate, type YearCoverage } from '../utils/calendarDates.ts';
import { buildRelatedIndex, relatedArticles, type RelatedOptions } from './related.ts';
import { keywordParam, sourcePageSlug } from '../utils/text/urlSlugs.ts';
import type { PageCredit, PageRecord } from '../schemas/pageRecord.ts';

/** What the site reads of a page record: what the page printed about itself. */
export type PrintedPage = Pick<
  PageRecord,
  'file' | 'date' | 'dateSource' | 'edition' | 'page' | 'pageName' | 'editors' | 'furniture'
>;

/** The least an article needs for the archive's indexes: its slug and its front matter. */
export interface IndexableArticle {
  slug: string;
  data: ArticleFrontMatter;
}

export interface KeywordEntry<T> {
  /** The keyword as first seen in front matter. */
  keyword: string;
  /** Its URL parameter (see keywordParam). */
  param: string;
  articles: T[];
}

export interface SourcePage<T> {
  slug: string;
  file: string;
  /** The articles in printed order (`source.index`). */
  articles: T[];
  /** The page's date: the recorded one if any article has it, else the commonest inferred one. */
  date: string | null;
  dateInferred: boolean;
  edition?: string;
  page?: number;
  /** 版名 as printed, from the page record. */
  pageName?: string;
  /** Editor credits and furniture lines as printed, from the page record (empty without one). */
  editors: PageCredit[];
  furniture: PageRecord['furniture'];
  /**
   * 1-based, when another page of the same date shares this one's 版次 and 版名 (or both lack them), so that
   * titles built from what was printed still tell the pages apart; the file name is never shown.
   */
  ordinal?: number;
}

export interface DayArticles<T> {
  /** Articles whose date is recorded in the manifest, in printed order. */
  known: T[];
  /** Articles whose date was inferred from their text, in printed order. */
  inferred: T[];
}

export interface ArchiveIndex<T extends IndexableArticle> {
  /** Newest first; same-day articles in printed order; undated last. */
  all: T[];
  bySlug: Map<string, T>;
  byRegion: Map<string, T[]>;
  byKeyword: Map<string, KeywordEntry<T>>;
  byDate: Map<string, DayArticles<T>>;
  bySourcePage: Map<string, SourcePage<T>>;
  /** Source page slug of each source file. */
  sourcePageSlugOf: Map<string, string>;
  /** Source pages newest first, then by page number and file name. */
  sourcePages: SourcePage<T>[];
  /** Source pages of each date (a page's own date, recorded or inferred), in page order. */
  sourcePagesByDate: Map<string, SourcePage<T>[]>;
  undated: T[];
  coverage: YearCoverage[];
  related: (article: T, options?: RelatedOptions) => T[];
}

/** Orders by printed position: source file, then position on the page. */
export function comparePrinted(a: IndexableArticle, b: IndexableArticle): number {
  return (
    compareStrings(a.data.source.file, b.data.source.file) ||
    a.data.source.index - b.data.source.index ||
    compareStrings(a.slug, b.slug)
  );
}

/** Newest first, undated last; on the same day recorded dates before inferred ones, then printed order. */
export function compareNewestFirst(a: IndexableArticle, b: IndexableArticle): number {
  const da = a.data.date;
  const db = b.data.date;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? 1 : -1;
  }
  return Number(a.data.dateInferred) - Number(b.data.dateInferred) || comparePrinted(a, b);
}

/** Code-point order: deterministic and independent of the build machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The date a source page carries, preferring a recorded date to the commonest inferred one. */
export function sourcePageDate(articles: readonly IndexableArticle[]): { date: string | null; dateInferred: boolean } {
  const recorded = articles.find((a) => a.data.date !== null && !a.data.dateInferred);
  if (recorded) return { date: recorded.data.date, dateInferred: false };
  const counts = new Map<string, number>();
  for (const a of articles) if (a.data.date) counts.set(a.data.date, (counts.get(a.data.date) ?? 0) + 1);
  let best: string | null = null;
  for (const [date, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best) && date < best)) best = date;
  return { date: best, dateInferred: best !== null };
}

/** Sets `ordinal` on pages whose title (date, 版次, 版名) would be the same as another's, in their list order. */
function numberAlikePages(pages: readonly SourcePage<IndexableArticle>[]): void {
  const alike = new Map<string, SourcePage<IndexableArticle>[]>();
  for (const page of pages) push(alike, `${page.date}|${page.page}|${page.pageName}`, page);
  for (const group of alike.values()) if (group.length > 1) group.forEach((page, i) => (page.ordinal = i + 1));
}

/**
 * Builds every index the site's pages ask for in one pass over the articles
 * (plus sorts): pages only look things up, so the build stays O(n log n).
 */
export function buildArchiveIndex<T extends IndexableArticle>(
  articles: readonly T[],
  /** What the ingest recorded about each source page (src/schemas/pageRecord.ts); none before it writes them. */
  records: readonly PrintedPage[] = [],
): ArchiveIndex<T> {
  const recordOf = new Map(records.map((r) => [r.file, r]));
  const all = [...articles].sort(compareNewestFirst);
  const bySlug = new Map<string, T>();
  const byRegion = new Map<string, T[]>();
  const byKeyword = new Map<string, KeywordEntry<T>>();
  const dated = new Map<string, T[]>();
  const byFile = new Map<string, T[]>();
  const undated: T[] = [];

  for (const article of all) {
    if (bySlug.has(article.slug)) throw new Error(`two articles share the slug ${article.slug}`);
    bySlug.set(article.slug, article);
    for (const region of new Set(article.data.regions)) push(byRegion, region, article);
    const seen = new Set<string>();
    for (const keyword of article.data.keywords) {
      const param = keywordParam(keyword);
      if (seen.has(param)) continue;
      seen.add(param);
      const entry = byKeyword.get(param);
      if (entry) entry.articles.push(article);
      else byKeyword.set(param, { keyword, param, articles: [article] });
    }
    if (article.data.date === null) undated.push(article);
    else push(dated, article.data.date, article);
    push(byFile, article.data.source.file, article);
  }

  const byDate = new Map<string, DayArticles<T>>();
  for (const [date, list] of dated) {
    const printed = [...list].sort(comparePrinted);
    byDate.set(date, {
      known: printed.filter((a) => !a.data.dateInferred),
      inferred: printed.filter((a) => a.data.dateInferred),
    });
  }

  const sourcePageSlugOf = new Map<string, string>();
  const bySourcePage = new Map<string, SourcePage<T>>();
  for (const file of [...byFile.keys()].sort(compareStrings)) {
    let slug = sourcePageSlug(file);
    // Two file names can slug alike (A.txt and a.txt); number the later one.
    for (let n = 2; bySourcePage.has(slug); n++) slug = `${sourcePageSlug(file)}-${n}`;
    const printed = [...byFile.get(file)!].sort(comparePrinted);
    const withMeta = printed.find((a) => a.data.edition !== undefined || a.data.page !== undefined);
    const record = recordOf.get(file);
    const page: SourcePage<T> = {
      slug,
      file,
      articles: printed,
      ...(record?.date
        ? { date: record.date, dateInferred: record.dateSource === 'inferred' }
        : sourcePageDate(printed)),
      editors: record?.editors ?? [],
      furniture: record?.furniture ?? [],
    };
    const edition = record?.edition ?? withMeta?.data.edition;
    const printedPage = record?.page ?? withMeta?.data.page;
    if (edition !== undefined) page.edition = edition;
    if (printedPage !== undefined) page.page = printedPage;
    if (record?.pageName !== undefined) page.pageName = record.pageName;
    sourcePageSlugOf.set(file, slug);
    bySourcePage.set(slug, page);
  }
  const sourcePages = [...bySourcePage.values()].sort(
    (a, b) =>
      (a.date === b.date ? 0 : a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1) ||
      (a.page ?? Infinity) - (b.page ?? Infinity) ||
      compareStrings(a.file, b.file),
  );

  const sourcePagesByDate = new Map<string, SourcePage<T>[]>();
  for (const page of sourcePages) if (page.date !== null) push(sourcePagesByDate, page.date, page);
  numberAlikePages(sourcePages);

  const relatedIndex = buildRelatedIndex(all, keywordParam);

  return {
    all,
    bySlug,
    byRegion,
    byKeyword,
    byDate,
    bySourcePage,
    sourcePageSlugOf,
    sourcePages,
    sourcePagesByDate,
    undated,
    coverage: groupByDate(all.map((a) => a.data)),
    related: (article, options) => relatedArticles(article, relatedIndex, options),
  };
}
