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
  private fullMetaFile: Promise<ShardMeta> | undefined;
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

  /**
   * Starts the probe for byte ranges (the pack index), which decides which page list
   * the shard reads: started while the query asks the directory, it costs no wait.
   */
  warm(): void {
    void this.packIndex();
  }

  /**
   * The page list, chunk ranges, filters and sorts: without the file names of pages and chunks where the host
   * serves the pack, `pf_meta` where it does not (it names the files then fetched one by one). Asked only once
   * the probe has answered, so a host without ranges never costs both.
   */
  meta(): Promise<ShardMeta> {
    this.metaFile ??= this.packIndex()
      .then(async (pack) => {
        if (!pack) return this.fullMeta();
        const meta = parseMeta(await this.load(`${this.base}${PACK_META}`));
        if (pack.files === meta.chunks.length + meta.pages.length) return meta;
        // A pack that doesn't list every chunk and page is not this index's: leave it.
        this.pack = Promise.resolve(undefined);
        return this.fullMeta();
      })
      .then((meta) => {
        this.metaLoaded = true;
        return meta;
      });
    return this.metaFile;
  }

  /** Pagefind's own `pf_meta`, hashes and all: they name the fragment and chunk files. */
  private fullMeta(): Promise<ShardMeta> {
    this.fullMetaFile ??= this.load(`${this.base}${this.info.meta}.pf_meta`).then(parseMeta);
    return this.fullMetaFile;
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

  /**
   * Chunk `n` by itself: from the pack where the shard reads it (the pack's chunks are cut
   * otherwise than Pagefind's files, and `shard.meta` numbers those), else its own file.
   */
  private async chunkFile(n: number): Promise<Uint8Array> {
    await this.meta();
    const pack = await this.packIndex();
    if (pack) return this.packFile(pack, n);
    const entry = (await this.fullMeta()).chunks[n] ?? fail(`chunk ${n} is not in shard ${this.info.path}`);
    return this.load(`${this.base}index/${entry.hash}.pf_index`);
  }

  /** File `n` of the pack (chunks, then fragments) in a request of its own. */
  private async packFile(pack: PackIndex, n: number): Promise<Uint8Array> {
    const range = pack.range(n) ?? fail(`file ${n} is not in the pack of shard ${this.info.path}`);
    const parts = await this.loadRanges?.(`${this.base}${PACK_FILE}`, [range]);
    const bytes = parts && sliceParts(parts, range);
    return bytes ? inflate(bytes) : fail(`the host did not serve file ${n} of the pack of shard ${this.info.path}`);
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
    const meta = await this.meta();
    const pack = await this.packIndex();
    if (pack) return parseFragment(await this.packFile(pack, meta.chunks.length + page));
    const entry = (await this.fullMeta()).pages[page] ?? fail(`page ${page} is not in shard ${this.info.path}`);
    return parseFragment(await this.load(`${this.base}fragment/${entry.hash}.pf_fragment`));
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
   * their ranges of the pack (file `entry(key)` of it); a lone file too, since
   * `shard.meta` does not name the files and fetching one by itself would cost
   * the full `pf_meta` first. Without a pack (a host that ignores ranges) it
   * does nothing: each file is then fetched by itself.
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
    if (!loadRanges || missing().length === 0) return;
    await this.meta();
    const index = await this.packIndex();
    if (!index) return;
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

function fail(message: string): never {
  throw new Error(message);
}
