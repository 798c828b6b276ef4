/**
 * The browser side of search. The index is a list of date-range shards, each a
 * Pagefind index (src/search/shards.ts). A query searches the newest shard
 * first and older ones only until the page of results being shown is certain:
 * results holding every term verbatim rank first, and among them newer shards
 * first, so once the shown window is all verbatim matches nothing unseen can
 * outrank it. `complete()` then searches the rest for counts and facets.
 */
import { foldText, needsT2s, parseT2s, type T2s } from './text/fold.ts';
import { parseQuery, type QueryTerm } from './text/query.ts';
import { matchText, type Range } from './text/match.ts';
import { excerpt, segments, type Segment } from './text/excerpt.ts';
import { decodeSections } from './text/tokens.ts';
import { FACETS, type Facet } from './schema.ts';
import { SHARD_MANIFEST, shardHoldsYear, type ShardManifest } from './shards.ts';
import { compareHits, type RankedHit } from './rank.ts';
import { inflate } from './pagefind/inflate.ts';
import { multipartBoundary, parseByteRanges, parseContentRange, rangeHeader, type RangePart } from './byteRanges.ts';
import { ShardReader, type Loader, type RangeLoader } from './shard.ts';

export type SortMode = 'relevance' | 'date';
export type Filters = Partial<Record<Facet, string>>;

export interface Hit extends RankedHit {
  id: string;
  page: number;
  reader: ShardReader;
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
  filters: Filters;
  sort: SortMode;
  /** Ranked hits from the shards searched so far (reordered in place as `details` verifies them). */
  hits: Hit[];
  /** Shards (of those that can hold results under the filters) searched so far. */
  searched: number;
  /** Shards that can hold results under the filters. */
  readers: ShardReader[];
  complete: boolean;
  /** Per facet, counts with the other facets' filters applied; set once complete. */
  facets?: Record<Facet, Record<string, number>>;
}

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

/**
 * Byte ranges by fetch with a `Range` header. A host that answers without
 * them (200, the whole file) is not asked again: every later call is null.
 * Past the HTTP cache, which can't keep a multipart answer; the engine keeps
 * what it fetched.
 */
export function fetchRanges(): RangeLoader {
  let served = true;
  return async (url, ranges) => {
    if (!served) return null;
    const response = await fetch(url, { headers: { Range: rangeHeader(ranges) }, cache: 'no-store' });
    if (response.status !== 206) {
      served = false;
      await response.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const boundary = multipartBoundary(response.headers.get('content-type') ?? '');
    if (boundary) return parseByteRanges(bytes, boundary);
    // One range comes back as a plain 206.
    const single = parseContentRange(response.headers.get('content-range') ?? '');
    return single ? [{ ...single, bytes } satisfies RangePart] : null;
  };
}

export class SearchEngine {
  private readonly basePath: string;
  private readonly load: Loader;
  private readonly loadRanges: RangeLoader | null;
  private readonly loadT2s: () => Promise<string>;
  private t2s: Promise<T2s> | undefined;
  private shards: Promise<ShardReader[]> | undefined;

  constructor(options: EngineOptions = {}) {
    this.basePath = options.basePath ?? '/pagefind/';
    this.loadT2s = options.loadT2s ?? defaultLoadT2s;
    this.load = options.load ?? fetchBytes;
    this.loadRanges = options.loadRanges === undefined ? fetchRanges() : options.loadRanges;
  }

  private readers(): Promise<ShardReader[]> {
    this.shards ??= fetch(`${this.basePath}${SHARD_MANIFEST}`)
      .then((r) => (r.ok ? (r.json() as Promise<ShardManifest>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((m) =>
        m.shards.map((s) => new ShardReader(s, `${this.basePath}${s.path}`, this.load, this.loadRanges ?? undefined)),
      );
    return this.shards;
  }

  /** Starts loading the shard list and the newest shard's page list and pack index (call on focus). */
  warm(): void {
    void this.readers().then((r) => r[0]?.warm());
  }

  private async table(text: string): Promise<T2s | undefined> {
    if (!this.t2s && !needsT2s(text)) return undefined;
    this.t2s ??= this.loadT2s().then(parseT2s);
    return this.t2s;
  }

  async search(query: string, options: { filters?: Filters; sort?: SortMode } = {}): Promise<SearchResponse | null> {
    const terms = parseQuery(query, await this.table(query));
    if (!terms.length) return null;
    const filters = Object.fromEntries(Object.entries(options.filters ?? {}).filter(([, v]) => v)) as Filters;
    const year = filters.year;
    const readers = (await this.readers()).filter(
      (r) => !year || shardHoldsYear(r.info, year === '不详' ? undefined : year),
    );
    const response: SearchResponse = {
      terms,
      filters,
      sort: options.sort ?? 'relevance',
      hits: [],
      searched: 0,
      readers,
      complete: readers.length === 0,
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
        const allowed = await this.allowedPages(reader, response.filters);
        return (await reader.find(response.terms))
          .filter((h) => !allowed || allowed.has(h.page))
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
    response.hits.push(...found.flat());
    this.sortHits(response);
  }

  /** Pages passing the filters other than `except`; undefined when nothing filters. */
  private async allowedPages(reader: ShardReader, filters: Filters, except?: Facet): Promise<Set<number> | undefined> {
    let allowed: Set<number> | undefined;
    for (const facet of FACETS) {
      const value = filters[facet];
      if (!value || facet === except) continue;
      const pages = new Set((await reader.filter(facet)).get(value) ?? []);
      allowed = allowed ? new Set([...allowed].filter((p) => pages.has(p))) : pages;
    }
    return allowed;
  }

  private sortHits(response: SearchResponse): void {
    response.hits.sort((a, b) => compareHits(a, b, response.sort) || (a.id < b.id ? -1 : 1));
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
      const unverified = response.hits.slice(start, start + count).filter((h) => !h.verified);
      await prefetchFragments(unverified);
      await Promise.all(unverified.map((h) => this.verify(h, response.terms, t2s)));
      const before = response.hits.slice(start, start + count);
      this.sortHits(response);
      const changed = response.hits.slice(start, start + count).some((h, i) => h !== before[i]);
      if (changed) continue;
      const settled = this.settledCount(response, start, count);
      if (response.complete || settled >= least) return response.hits.slice(start, start + settled);
      await this.searchMore(response, batch);
      // Until a first result is final, one shard at a time: a reader on a slow link pays for every
      // shard searched. A whole window (`least` = `count`) doubles, for fewer waits.
      if (least === count) batch *= 2;
    }
  }

  /** Searches every remaining shard, then counts facets. `stale()` stops it early (a newer query). */
  async complete(response: SearchResponse, stale: () => boolean = () => false): Promise<boolean> {
    let batch = 2;
    while (!response.complete) {
      if (stale()) return false;
      await this.searchMore(response, batch);
      // Small batches: a newer query should not wait long for this one to notice it is stale.
      batch = Math.min(batch * 2, 4);
    }
    if (stale()) return false;
    response.facets = await this.countFacets(response);
    return !stale();
  }

  private async countFacets(response: SearchResponse): Promise<Record<Facet, Record<string, number>>> {
    const counts = Object.fromEntries(FACETS.map((f) => [f, {}])) as Record<Facet, Record<string, number>>;
    // The hits are already filtered; a facet's own choice is ignored when counting it (so other values
    // stay selectable), which needs a search without that filter.
    for (const facet of FACETS) {
      const source = response.filters[facet]
        ? await this.search(response.terms.map((t) => t.folded).join(' '), {
            filters: { ...response.filters, [facet]: undefined },
            sort: response.sort,
          }).then(async (wider) => (wider && (await this.complete(wider)), wider?.hits ?? []))
        : response.hits;
      const byReader = new Map<ShardReader, Set<number>>();
      for (const hit of source) {
        let pages = byReader.get(hit.reader);
        if (!pages) byReader.set(hit.reader, (pages = new Set()));
        pages.add(hit.page);
      }
      for (const [reader, pages] of byReader) {
        for (const [value, onPages] of await reader.filter(facet)) {
          const n = onPages.filter((p) => pages.has(p)).length;
          if (n) counts[facet][value] = (counts[facet][value] ?? 0) + n;
        }
      }
    }
    return counts;
  }

  private async verify(hit: Hit, terms: QueryTerm[], t2s: T2s | undefined): Promise<void> {
    const fragment = await hit.reader.fragment(hit.page);
    const [titleText = '', body = ''] = decodeSections(fragment.content);
    const match = matchText(`${titleText}\n${body}`, terms);
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

/** Starts loading the hits' fragments, a shard's in one request where its host allows. */
async function prefetchFragments(hits: readonly Hit[]): Promise<void> {
  const byReader = new Map<ShardReader, number[]>();
  for (const hit of hits) byReader.set(hit.reader, [...(byReader.get(hit.reader) ?? []), hit.page]);
  await Promise.all([...byReader].map(([reader, pages]) => reader.prefetch(pages)));
}

/** Hits holding every term verbatim (estimated until verified). */
export function exactCount(response: SearchResponse): number {
  return response.hits.filter((h) => h.verbatim === response.terms.length).length;
}

/** The article link carries the folded terms, so the article page can mark them without the t2s table. */
export function highlightUrl(url: string, terms: readonly QueryTerm[]): string {
  const u = new URL(url, 'http://x');
  u.searchParams.set('hl', terms.map((t) => t.folded).join(' '));
  return `${u.pathname}${u.search}`;
}
