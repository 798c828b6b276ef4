/**
 * The index as the browser finds it: `shards.json` (src/search/shards.ts), a
 * reader per shard, the token directory and the per-shard stats, each loaded
 * once. Range answers are kept in a cache named after the index build.
 */
import { SHARD_MANIFEST, type ShardManifest, type ShardStats } from '../shards.ts';
import { ShardReader, type Loader, type RangeLoader } from '../shard.ts';
import { TokenDirectory } from '../tokenDirectory.ts';
import { fetchRanges, openRangeCache, storedRangeMemory, type RangeMemory } from './rangeFetch.ts';

export interface LoadedIndex {
  readers: ShardReader[];
  directory?: TokenDirectory;
  stats?: string;
}

export class IndexFiles {
  /** Several byte ranges of a file in one request; null: the files one by one. */
  readonly loadRanges: RangeLoader | null;
  private readonly ranges: RangeMemory | undefined;
  private readonly basePath: string;
  private readonly load: Loader;
  private loaded: Promise<LoadedIndex> | undefined;
  private shardStats: Promise<ShardStats[]> | undefined;
  private readonly manifest: Promise<ShardManifest>;
  private manifestLoaded: (m: Promise<ShardManifest>) => void = () => {};

  constructor(basePath: string, load: Loader, loadRanges: RangeLoader | null | undefined) {
    this.basePath = basePath;
    this.load = load;
    this.manifest = new Promise((resolve) => (this.manifestLoaded = resolve));
    // Range answers are kept per index build (the directory's name changes with the index).
    const build = this.manifest.then((m) => m.directory?.path).catch(() => undefined);
    const cache = build.then((b) => (b ? openRangeCache(b) : undefined));
    this.ranges = loadRanges === undefined ? storedRangeMemory(build) : undefined;
    this.loadRanges = loadRanges === undefined ? fetchRanges(cache, this.ranges) : loadRanges;
  }

  /** Whether the host is known to answer range requests with whole files (each file is then fetched alone). */
  rangesRefused(): boolean {
    return this.loadRanges === null || (this.ranges?.refused() ?? false);
  }

  index(): Promise<LoadedIndex> {
    if (!this.loaded) {
      const manifest = fetch(`${this.basePath}${SHARD_MANIFEST}`).then((r) =>
        r.ok ? (r.json() as Promise<ShardManifest>) : Promise.reject(new Error(`HTTP ${r.status}`)),
      );
      this.manifestLoaded(manifest);
      const ranges = this.loadRanges ?? undefined;
      this.loaded = manifest.then((m) => ({
        readers: m.shards.map((s) => new ShardReader(s, `${this.basePath}${s.path}`, this.load, ranges)),
        ...(m.directory ? { directory: new TokenDirectory(m.directory, this.basePath, this.load) } : {}),
        ...(m.stats ? { stats: m.stats } : {}),
      }));
    }
    return this.loaded;
  }

  /** Every shard's article counts, loaded once when a query first estimates. */
  stats(): Promise<ShardStats[]> {
    this.shardStats ??= this.index().then(async ({ stats }) =>
      stats ? (JSON.parse(new TextDecoder().decode(await this.load(`${this.basePath}${stats}`))) as ShardStats[]) : [],
    );
    return this.shardStats;
  }
}
