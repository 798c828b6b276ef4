/**
 * One shard of the search index: a Pagefind index read directly (meta, word
 * chunks, filters, fragments), each file fetched once and kept. A query's chunks,
 * and a page of results' fragments, come from the shard's pack in one request
 * each where the host serves several byte ranges at once (src/search/fetch/shardPack.ts).
 */
import {
  chunksFor,
  parseFilter,
  parseFragment,
  parseMeta,
  parseWordChunk,
  type Fragment,
  type ShardMeta,
  type WordEntry,
} from './pagefind/format.ts';
import { alignedTerms, bm25, intersectPages, unionPostings, type TokenOnPage } from './pagefind/postings.ts';
import type { QueryTerm } from './text/query.ts';
import { sliceParts, type ByteRange, type RangePart } from './fetch/byteRanges.ts';
import {
  chunkFile,
  fragmentFile,
  PACK_FILE,
  PACK_INDEX,
  PACK_META,
  PACK_INDEX_PROBE,
  packIndexFromProbe,
  type PackIndex,
} from './fetch/shardPack.ts';
import { inflate } from './pagefind/inflate.ts';
import type { ShardInfo } from './shards.ts';

/** Fetches a file and returns its bytes, inflated if they are gzip. */
export type Loader = (url: string) => Promise<Uint8Array>;
/** Fetches several byte ranges of a file in one request; null when the host does not serve them. */
export type RangeLoader = (url: string, ranges: readonly ByteRange[]) => Promise<RangePart[] | null>;

export interface ShardHit {
  page: number;
  /** Terms whose tokens sit at the term's offsets (likely verbatim, before the text is checked). */
  aligned: number;
  score: number;
  /** Position in the shard's date order, newest 0. */
  recency: number;
}

export class ShardReader {
  private metaFile: Promise<ShardMeta> | undefined;
  private metaLoaded = false;
  private shardStats: Promise<ShardStats> | undefined;
  /** By the chunk's place in the page list's chunk list, which is also its place in the pack. */
  private readonly chunks = new Map<number, Promise<Uint8Array>>();
  private readonly tokens = new Map<string, Promise<Map<number, TokenOnPage>>>();
  private readonly filters = new Map<string, Promise<Map<string, number[]>>>();
  private readonly fragments = new Map<number, Promise<Fragment>>();
  private pack: Promise<PackIndex | undefined> | undefined;

  readonly info: ShardInfo;
  private readonly base: string;
  private readonly load: Loader;
  private readonly loadRanges: RangeLoader | undefined;

  constructor(info: ShardInfo, base: string, load: Loader, loadRanges?: RangeLoader) {
    this.info = info;
    this.base = base;
    this.load = load;
    this.loadRanges = loadRanges;
  }

  /** The page list, chunk ranges, filters and sorts (`shard.meta`: the same whether or not the host serves ranges). */
  meta(): Promise<ShardMeta> {
    this.metaFile ??= this.load(`${this.base}${PACK_META}`)
      .then(parseMeta)
      .then((meta) => {
        this.metaLoaded = true;
        return meta;
      });
    return this.metaFile;
  }

  /** What every query on this shard needs from its page list, worked out once. */
  private stats(): Promise<ShardStats> {
    this.shardStats ??= this.meta().then((meta) => {
      const byDate = meta.sorts.get('date') ?? [];
      return {
        averageLength: meta.pages.reduce((sum, p) => sum + p.wordCount, 0) / Math.max(1, meta.pages.length),
        recency: new Map(byDate.map((page, i) => [page, byDate.length - 1 - i])),
      };
    });
    return this.shardStats;
  }

  private chunk(n: number): Promise<Uint8Array> {
    return cached(this.chunks, n, () => this.chunkFile(n));
  }

  /** Chunk `n` in a request of its own (a host without ranges, or a part a range answer left out). */
  private chunkFile(n: number): Promise<Uint8Array> {
    return this.load(`${this.base}${chunkFile(n)}`);
  }

  /** Every page holding the token (as a word prefix, like Pagefind), with its positions. */
  private token(meta: ShardMeta, token: string): Promise<Map<number, TokenOnPage>> {
    return cached(this.tokens, token, async () => {
      const chunks = await Promise.all(chunkNumbers(meta, token).map((n) => this.chunk(n)));
      const words: WordEntry[] = chunks.flatMap((bytes) => parseWordChunk(bytes, (w) => w.startsWith(token)));
      return unionPostings(words.map((w) => w.postings));
    });
  }

  /** Starts loading the postings of these tokens: their chunks in one request where the pack serves them. */
  private async loadTokens(meta: ShardMeta, tokens: readonly string[]): Promise<void> {
    await this.fromPack(
      this.chunks,
      tokens.flatMap((t) => chunkNumbers(meta, t)),
      (n) => n,
      (bytes) => bytes,
      (n) => this.chunkFile(n),
    );
    for (const token of tokens) void this.token(meta, token);
  }

  /**
   * Starts loading a query's postings if the page list is already here, as on a page that has searched
   * before: the engine calls it while it asks the directory, so a warm query waits for one round trip
   * less. A page that has not searched yet would first pay for a page list the directory may rule out.
   */
  prefetchTokens(tokens: readonly string[]): void {
    if (this.metaLoaded) void this.meta().then((meta) => this.loadTokens(meta, [...new Set(tokens)]));
  }

  async find(terms: readonly QueryTerm[]): Promise<ShardHit[]> {
    // The probe for byte ranges goes out with the page list: the query's chunks need both.
    void this.packIndex();
    const meta = await this.meta();
    const { averageLength, recency } = await this.stats();
    const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
    await this.loadTokens(meta, tokens);
    const byToken = new Map(await Promise.all(tokens.map(async (t) => [t, await this.token(meta, t)] as const)));
    const pages = intersectPages(byToken);
    return pages.map((page) => {
      const onPage = new Map(
        tokens.map((t) => [t, byToken.get(t)?.get(page) ?? { positions: [], listed: 0, weighted: 0 }]),
      );
      return {
        page,
        aligned: alignedTerms(onPage, terms),
        score: bm25({
          tokens: tokens.map((t) => ({ occurrences: onPage.get(t)!, pagesWithToken: byToken.get(t)?.size ?? 0 })),
          pageLength: meta.pages[page]?.wordCount ?? averageLength,
          averageLength,
          pageCount: meta.pages.length,
        }),
        recency: recency.get(page) ?? page,
      };
    });
  }

  /** Value → pages of one filter (region, year, kind). */
  filter(name: string): Promise<Map<string, number[]>> {
    return cached(this.filters, name, async () => {
      const hash = (await this.meta()).filters.get(name);
      return hash ? parseFilter(await this.load(`${this.base}filter/${hash}.pf_filter`)) : new Map<string, number[]>();
    });
  }

  fragment(page: number): Promise<Fragment> {
    return cached(this.fragments, page, () => this.fragmentFile(page));
  }

  private async fragmentFile(page: number): Promise<Fragment> {
    return parseFragment(await this.load(`${this.base}${fragmentFile(page)}`));
  }

  /** Where each file lies in the pack; undefined when the host can't serve it in pieces. */
  private packIndex(): Promise<PackIndex | undefined> {
    const loadRanges = this.loadRanges;
    this.pack ??= loadRanges
      ? loadRanges(`${this.base}${PACK_INDEX}`, PACK_INDEX_PROBE).then(
          (parts) => (parts ? packIndexFromProbe(parts) : undefined),
          () => undefined,
        )
      : Promise.resolve(undefined);
    return this.pack;
  }

  /** Starts loading these pages' fragments: those not yet asked for in one request from the pack. */
  async prefetch(pages: readonly number[]): Promise<void> {
    const meta = await this.meta();
    await this.fromPack(
      this.fragments,
      pages,
      (page) => (page < meta.pages.length ? meta.chunks.length + page : undefined),
      parseFragment,
      (page) => this.fragmentFile(page),
    );
  }

  /**
   * Starts loading the files for `keys` that `cache` lacks, in one request for
   * their ranges of the pack (file `entry(key)` of it). A lone file, or any on a
   * host that ignores ranges, is left to be fetched by itself, by its number.
   */
  private async fromPack<K, V>(
    cache: Map<K, Promise<V>>,
    keys: readonly K[],
    entry: (key: K) => number | undefined,
    decode: (bytes: Uint8Array) => V,
    single: (key: K) => Promise<V>,
  ): Promise<void> {
    const loadRanges = this.loadRanges;
    const missing = () => [...new Set(keys)].filter((k) => !cache.has(k));
    if (!loadRanges || missing().length < 2) return;
    const [index, meta] = await Promise.all([this.packIndex(), this.meta()]);
    // A pack that doesn't list every chunk and page is not this index's: leave it.
    if (!index || index.files !== meta.chunks.length + meta.pages.length) return;
    const wanted = missing().flatMap((key) => {
      const n = entry(key);
      const range = n === undefined ? undefined : index.range(n);
      return range ? [{ key, range }] : [];
    });
    if (wanted.length === 0) return;
    const parts = loadRanges(
      `${this.base}${PACK_FILE}`,
      wanted.map((w) => w.range),
    ).catch(() => null);
    for (const { key, range } of wanted) {
      cache.set(
        key,
        parts.then((got) => {
          const bytes = got && sliceParts(got, range);
          // A part the answer left out: fetch that file by itself.
          return bytes ? decode(inflate(bytes)) : single(key);
        }),
      );
    }
  }
}

interface ShardStats {
  averageLength: number;
  /** Page → place in the shard's date order, newest 0. */
  recency: Map<number, number>;
}

/** The places in `meta.chunks` of the chunks that may hold words starting with `token`. */
function chunkNumbers(meta: ShardMeta, token: string): number[] {
  return chunksFor(meta.chunks, token, true).map((chunk) => meta.chunks.indexOf(chunk));
}

/** The promise kept under `key`, made by `make` the first time: each file is fetched and parsed once. */
function cached<K, V>(map: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
  }
  return value;
}
