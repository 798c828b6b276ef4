/**
 * The browser side of search: Pagefind finds candidates by bigram, this module
 * ranks verbatim matches first, confirms them on the text and builds excerpts.
 * Used by the search page and by scripts/eval-search.ts (bundled on its own).
 */
import { foldText, needsT2s, parseT2s, type T2s } from '../lib/search/fold.ts';
import { parseQuery, pagefindQuery, type QueryTerm } from '../lib/search/query.ts';
import { matchText, termsAtPositions, type Range } from '../lib/search/match.ts';
import { excerpt, segments, type Segment } from '../lib/search/excerpt.ts';
import { decodeSections } from '../lib/search/tokens.ts';
import { rank } from '../lib/search/rank.ts';
import { INDEX_LANGUAGE, FACETS, type Facet } from '../lib/search/schema.ts';

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  data: () => Promise<PagefindFragment>;
}
type FilterCounts = Record<string, Record<string, number>>;
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
interface PagefindInstance {
  filters: () => Promise<FilterCounts>;
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (
    term: string,
    o?: { filters?: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<PagefindResponse | null>;
}
interface PagefindModule {
  createInstance: (o: { basePath: string; noWorker?: boolean }) => PagefindInstance;
}

export type SortMode = 'relevance' | 'date';
export type Filters = Partial<Record<Facet, string>>;

export interface Hit {
  id: string;
  /** Rank in Pagefind's own order. */
  order: number;
  /** Terms held verbatim: estimated from positions until `verified`. */
  verbatim: number;
  verified: boolean;
  result: PagefindResult;
  detail?: Detail;
}

export interface Detail {
  url: string;
  title: string;
  titleSegments: Segment[];
  excerpt: Segment[];
  date: string;
  regions: string[];
  kind: string;
}

export interface SearchResponse {
  terms: QueryTerm[];
  /** Ranked; reordered in place as `details` verifies hits. */
  hits: Hit[];
  /** Hits holding every term verbatim (estimated from positions). */
  exact: number;
  /** Per facet, counts of hits for each value with the other facets' filters applied. */
  facets: Record<Facet, Record<string, number>>;
}

export interface EngineOptions {
  basePath?: string;
  /** Loads the traditional→simplified pairs string; only called when a query needs it. */
  loadT2s?: () => Promise<string>;
}

const defaultLoadT2s = async (): Promise<string> => {
  const data = (await import('../../data/search-t2s.json')) as { default: { pairs: string } };
  return data.default.pairs;
};

export class SearchEngine {
  private readonly pagefind: Promise<PagefindInstance>;
  private readonly loadT2s: () => Promise<string>;
  private t2s: Promise<T2s> | undefined;
  private filterIndexes: Promise<unknown> | undefined;

  constructor(options: EngineOptions = {}) {
    const basePath = options.basePath ?? '/pagefind/';
    this.loadT2s = options.loadT2s ?? defaultLoadT2s;
    this.pagefind = (async () => {
      const module = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindModule;
      // Pagefind picks its index and query segmenter from <html lang>; our index is the
      // pre-tokenised `zxx` one and queries must not be re-segmented as Chinese. The
      // language is read synchronously inside createInstance, so swap it just around it.
      const html = document.documentElement;
      const lang = html.getAttribute('lang');
      html.setAttribute('lang', INDEX_LANGUAGE);
      try {
        // No worker: its script is another 12 kB on the first query, and a search over
        // already-loaded chunks takes a few milliseconds on the main thread.
        const instance = module.createInstance({ basePath, noWorker: true });
        await instance.options({ excerptLength: 0 });
        return instance;
      } finally {
        if (lang === null) html.removeAttribute('lang');
        else html.setAttribute('lang', lang);
      }
    })();
  }

  /** Starts loading Pagefind (call on focus, before the first keystroke). */
  warm(): void {
    void this.pagefind;
  }

  private async table(text: string): Promise<T2s | undefined> {
    if (!this.t2s && !needsT2s(text)) return undefined;
    this.t2s ??= this.loadT2s().then(parseT2s);
    return this.t2s;
  }

  async search(query: string, options: { filters?: Filters; sort?: SortMode } = {}): Promise<SearchResponse | null> {
    const terms = parseQuery(query, await this.table(query));
    if (!terms.length) return null;
    const pf = await this.pagefind;
    const term = pagefindQuery(terms);
    const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v)) as Record<
      string,
      string
    >;
    const sort = options.sort === 'date' ? { date: 'desc' as const } : undefined;
    // Pagefind counts only filters whose indexes it has loaded; load them all once.
    await (this.filterIndexes ??= pf.filters());
    const response = await pf.search(term, { filters, ...(sort ? { sort } : {}) });
    if (!response) return null;
    const hits = rank(
      response.results.map((result, order) => ({
        id: result.id,
        order,
        verbatim: termsAtPositions(result.words, terms),
        verified: false,
        result,
      })),
    );
    const facets = {} as Record<Facet, Record<string, number>>;
    for (const facet of FACETS) {
      if (!filters[facet]) {
        facets[facet] = response.filters[facet] ?? {};
        continue;
      }
      // A facet's own choice would zero every other value; count as if it were unset.
      const others = { ...filters };
      delete others[facet];
      const wider = await pf.search(term, { filters: others });
      facets[facet] = wider?.filters[facet] ?? {};
    }
    return { terms, hits, exact: hits.filter((h) => h.verbatim === terms.length).length, facets };
  }

  /**
   * Loads and verifies hits[start, start + count). A hit whose fragment shows it
   * holds fewer terms verbatim than its positions suggested moves down, and the
   * next hit takes its place, until the window is made of verified hits.
   */
  async details(response: SearchResponse, start: number, count: number): Promise<Hit[]> {
    const t2s = await this.t2s;
    for (;;) {
      const window = response.hits.slice(start, start + count);
      await Promise.all(window.filter((h) => !h.verified).map((h) => this.verify(h, response.terms, t2s)));
      const reranked = rank(response.hits);
      const changed = reranked.some((h, i) => h !== response.hits[i]);
      response.hits.splice(0, response.hits.length, ...reranked);
      if (!changed) return response.hits.slice(start, start + count);
    }
  }

  private async verify(hit: Hit, terms: QueryTerm[], t2s: T2s | undefined): Promise<void> {
    const fragment = await hit.result.data();
    const [titleText = '', body = ''] = decodeSections(fragment.content);
    const joined = `${titleText}\n${body}`;
    const match = matchText(joined, terms);
    const bodyRanges: Range[] = match.ranges
      .filter((r) => r.end > titleText.length + 1)
      .map((r) => ({ start: Math.max(0, r.start - titleText.length - 1), end: r.end - titleText.length - 1 }));
    const title = fragment.meta.title ?? titleText;
    hit.verbatim = match.verbatim;
    hit.verified = true;
    hit.detail = {
      url: fragment.url,
      title,
      titleSegments: segments(title, matchText(foldText(title, t2s), terms).ranges),
      excerpt: excerpt(body, bodyRanges),
      date: fragment.meta.date ?? '',
      regions: (fragment.meta.regions ?? '').split(',').filter(Boolean),
      kind: fragment.meta.kind ?? '',
    };
  }
}

/** The article link carries the folded terms, so the article page can mark them without the t2s table. */
export function highlightUrl(url: string, terms: readonly QueryTerm[]): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('hl', terms.map((t) => t.folded).join(' '));
  return `${u.pathname}${u.search}`;
}
