/**
 * The browser side of search. The index is a list of date-range shards, each a
 * Pagefind index (src/search/shards.ts). A query searches the newest shard
 * first and older ones only until the page of results being shown is certain:
 * results holding every term verbatim rank first, and among them newer shards
 * first, so once the shown window is all verbatim matches nothing unseen can
 * outrank it. `complete()` then searches the rest for counts and facets.
 */
import { needsT2s, parseT2s, type T2s } from './text/fold.ts';
import { parseSearchQuery } from './text/querySyntax.ts';
import { FACETS, type Facet } from './schema.ts';
import { shardHoldsYear } from './shards.ts';
import { compareHits } from './rank.ts';
import { inflate } from './pagefind/inflate.ts';
import type { Loader, RangeLoader } from './shard.ts';
import { IndexFiles } from './fetch/indexFiles.ts';
import { countResults, type CountInput } from './countResults.ts';
import { overlapsRange } from './dateRange.ts';
import { allowedPages, syntaxPages } from './hitFilters.ts';
import { prefetchFragments, verifyHit } from './hitDetail.ts';
import type { Filters, Hit, SearchOptions, SearchResponse } from './fetch/response.ts';

export { fetchRanges } from './fetch/rangeFetch.ts';
export { exactCount, highlightUrl } from './fetch/response.ts';
export type { Detail, Filters, Hit, SearchOptions, SearchResponse, SortMode } from './fetch/response.ts';

/**
 * Shards a query reads before it shows what it has and estimates the rest of its
 * counts (the first page's included): each costs its page list, pack index,
 * chunks for the query and filters, ≈ 50–60 kB at 10,000 and at 100,000
 * articles alike, and the budget until idle is 300 kB (docs/search.md, "Counts").
 */
export const COUNTED_SHARDS = 3;

/**
 * The same where the host serves no byte ranges: a shard then costs its full `pf_meta` (file names and all)
 * and a request per file, about a third more, so one shard fewer keeps the same bytes.
 */
export const COUNTED_SHARDS_WITHOUT_RANGES = 2;

export interface EngineOptions {
  basePath?: string;
  /** Loads the traditional→simplified pairs string; only called when a query needs it. */
  loadT2s?: () => Promise<string>;
  load?: Loader;
  /** Several byte ranges of a file in one request (fragment packs); null: the files one by one. */
  loadRanges?: RangeLoader | null;
}

const defaultLoadT2s = async (): Promise<string> => {
  const data = (await import('../../data/search-t2s.json')) as { default: { pairs: string } };
  return data.default.pairs;
};

/** fetch, then gunzip when the server sent the file as stored (Pagefind writes gzip). */
export const fetchBytes: Loader = async (url) => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return inflate(new Uint8Array(await response.arrayBuffer()));
};

export class SearchEngine {
  private readonly files: IndexFiles;
  private readonly loadT2s: () => Promise<string>;
  private t2s: Promise<T2s> | undefined;

  constructor(options: EngineOptions = {}) {
    this.loadT2s = options.loadT2s ?? defaultLoadT2s;
    this.files = new IndexFiles(options.basePath ?? '/pagefind/', options.load ?? fetchBytes, options.loadRanges);
  }

  private index() {
    return this.files.index();
  }

  /** Starts loading the shard list (call on focus): the directory then tells which shards a query reads. */
  warm(): void {
    void this.index();
  }

  private async table(text: string): Promise<T2s | undefined> {
    if (!this.t2s && !needsT2s(text)) return undefined;
    this.t2s ??= this.loadT2s().then(parseT2s);
    return this.t2s;
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResponse | null> {
    const { terms, exact, excluded } = parseSearchQuery(query, await this.table(query));
    if (!terms.length) return null;
    const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v)) as Filters;
    const range = options.range ?? {};
    const year = filters.year;
    const { readers: all, directory } = await this.index();
    let readers = all.filter(
      (r) =>
        (!year || shardHoldsYear(r.info, year === '不详' ? undefined : year)) &&
        overlapsRange(r.info.newest, r.info.oldest, range),
    );
    // On a page that has searched before, the first shard's postings for the query load while the directory is
    // asked: most queries read that shard.
    readers[0]?.prefetchTokens([...terms, ...excluded].flatMap((t) => t.tokens));
    // The directory rules out every shard lacking a token, before any shard is read.
    const holding = await directory?.shardsFor(terms.flatMap((t) => t.tokens)).catch(() => undefined);
    const bounds =
      holding &&
      new Map(
        readers.flatMap((r) => {
          const bound = holding.get(all.indexOf(r));
          return bound ? [[r, bound] as const] : [];
        }),
      );
    if (bounds) readers = readers.filter((r) => bounds.has(r));
    const response: SearchResponse = {
      terms,
      exact,
      excluded,
      filters,
      range,
      sort: options.sort ?? 'relevance',
      hits: [],
      searched: 0,
      readers,
      complete: readers.length === 0,
      budget: bounds && !options.exhaustive ? COUNTED_SHARDS : Infinity,
      pinned: 0,
      ...(bounds ? { bounds } : {}),
    };
    await this.searchMore(response, 1);
    return response;
  }

  /** Searches the next `count` shards and merges their hits. */
  private async searchMore(response: SearchResponse, count: number): Promise<void> {
    const batch = response.readers.slice(response.searched, response.searched + count);
    const found = await Promise.all(
      batch.map(async (reader, i) => {
        const shard = response.searched + i;
        const allowed = await allowedPages(reader, response.filters, undefined, response.range);
        const required = await syntaxPages(reader, response);
        return (await reader.find(response.terms))
          .filter((h) => (!allowed || allowed.has(h.page)) && required(h.page))
          .map((h): Hit => ({
            id: `${reader.info.path}${h.page}`,
            page: h.page,
            reader,
            shard,
            verbatim: h.aligned,
            verified: false,
            score: h.score,
            recency: h.recency,
          }));
      }),
    );
    response.searched += batch.length;
    response.complete = response.searched >= response.readers.length;
    if (response.budget === COUNTED_SHARDS && this.files.rangesRefused())
      response.budget = COUNTED_SHARDS_WITHOUT_RANGES;
    response.hits.push(...found.flat());
    this.sortHits(response);
  }

  /** Ranks the hits not yet handed out; those shown keep their places. */
  private sortHits(response: SearchResponse): void {
    const rest = response.hits.splice(response.pinned);
    rest.sort((a, b) => compareHits(a, b, response.sort) || (a.id < b.id ? -1 : 1));
    response.hits.push(...rest);
  }

  /** Lets the query search COUNTED_SHARDS more shards (the reader asked for more results). */
  moreShards(response: SearchResponse): void {
    response.budget += COUNTED_SHARDS;
  }

  /**
   * How many of hits[start, start + count) no hit from an unsearched shard could
   * come before: all once every shard is searched, else the leading hits that
   * hold every term (an older shard's hit can only follow them).
   */
  private settledCount(response: SearchResponse, start: number, count: number): number {
    const window = response.hits.slice(start, start + count);
    if (response.complete) return window.length;
    const partial = window.findIndex((h) => h.verbatim < response.terms.length);
    return partial < 0 ? window.length : partial;
  }

  /**
   * Loads and verifies hits[start, start + count): a hit whose text holds fewer
   * terms verbatim than its positions suggested moves down; older shards are
   * searched (1, 2, 4 … at a time) until the window cannot change. With `least`
   * below `count` it searches them one at a time and returns once that many
   * leading hits are final, and later
   * calls from there can only add to them: a rare phrase shows its newest
   * matches without waiting for the whole archive to be searched.
   */
  async details(response: SearchResponse, start: number, count: number, least = count): Promise<Hit[]> {
    const t2s = await this.t2s;
    let batch = 1;
    for (;;) {
      // Partial matches wait to be checked until they will be shown (every shard read, or the budget spent):
      // until then a full match from an older shard may still come before them, and their text costs a
      // fragment each (at 100,000 articles a rare pair loaded 30–36 kB of them per shard read, for nothing).
      const final = response.complete || response.searched >= response.budget;
      const unverified = response.hits
        .slice(start, start + count)
        .filter((h) => !h.verified && (final || h.verbatim === response.terms.length));
      await prefetchFragments(unverified);
      await Promise.all(unverified.map((h) => verifyHit(h, response, t2s)));
      if (unverified.some((h) => h.rejected)) response.hits = response.hits.filter((h) => !h.rejected);
      const before = response.hits.slice(start, start + count);
      this.sortHits(response);
      const changed = response.hits.slice(start, start + count).some((h, i) => h !== before[i]);
      if (changed) continue;
      const settled = this.settledCount(response, start, count);
      // Out of budget, the window is shown as it stands: a full match in a shard not yet searched would
      // rank above its partial matches, and will come after them instead (docs/search.md, "Counts").
      const spent = response.searched >= response.budget;
      if (response.complete || settled >= least || spent) {
        const hits = response.hits.slice(start, start + (response.complete || settled >= least ? settled : count));
        response.pinned = Math.max(response.pinned, start + hits.length);
        return hits;
      }
      await this.searchMore(response, Math.min(batch, response.budget - response.searched));
      // Until a first result is final, one shard at a time: a reader on a slow link pays for every
      // shard searched. A whole window (`least` = `count`) doubles, for fewer waits.
      if (least === count) batch *= 2;
    }
  }

  /**
   * Searches more shards for the counts, up to COUNTED_SHARDS in all where the
   * directory can estimate the rest (every shard without one), then counts.
   * `stale()` stops it early (a newer query).
   */
  async complete(response: SearchResponse, stale: () => boolean = () => false): Promise<boolean> {
    const limit = response.budget;
    let batch = 2;
    while (!response.complete && response.searched < limit) {
      if (stale()) return false;
      await this.searchMore(response, Math.min(batch, limit - response.searched));
      // Small batches: a newer query should not wait long for this one to notice it is stale.
      batch = Math.min(batch * 2, 4);
    }
    if (stale()) return false;
    response.counts = await countResults(await this.countInput(response));
    response.facets = { ...(response.counts.facets as Record<Facet, Record<string, number>>) };
    // A facet's own choice is ignored when counting it (so other values stay selectable): its counts come
    // from the same query without that filter.
    for (const facet of FACETS) {
      if (!response.filters[facet] || stale()) continue;
      const wider = await this.search(queryText(response), {
        filters: { ...response.filters, [facet]: undefined },
        sort: response.sort,
        range: response.range,
      });
      if (wider && (await this.complete(wider, stale))) response.facets[facet] = wider.facets?.[facet] ?? {};
    }
    return !stale();
  }

  private async countInput(response: SearchResponse): Promise<CountInput> {
    const searched = response.readers.slice(0, response.searched);
    return {
      hits: response.hits,
      searched,
      unsearched: response.readers.slice(response.searched),
      bounds: response.bounds,
      stats: response.complete ? [] : await this.files.stats(),
      shardIndex: new Map((await this.index()).readers.map((r, i) => [r, i])),
      filters: response.filters,
      range: response.range,
    };
  }
}

/** The query as the engine parses it again (for a wider search of the same terms). */
function queryText(response: SearchResponse): string {
  const terms = response.terms.map((t) => (response.exact.has(t.folded) ? `"${t.folded}"` : t.folded));
  return [...terms, ...response.excluded.map((t) => `-${t.folded}`)].join(' ');
}
