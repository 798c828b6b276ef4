/**
 * The search index is cut into shards by date, newest first, each its own
 * Pagefind index. The browser searches the newest shard first and older ones
 * only as needed (docs/search.md, "Shards"). `shards.json` lists them.
 */

import type { DirectoryInfo } from './directory.ts';

export const SHARD_MANIFEST = 'shards.json';

export interface ShardInfo {
  /** Directory of the shard's Pagefind files, relative to the manifest; named by its content (`<n>-<hash>/`). */
  path: string;
  /** Newest and oldest article date (ISO); empty for the shard of undated articles. */
  newest: string;
  oldest: string;
  articles: number;
}

export interface ShardManifest {
  version: 1;
  /** Newest first; the undated shard, if any, last. */
  shards: ShardInfo[];
  /** The token directory (src/search/directory.ts); without it every shard is searched. */
  directory?: DirectoryInfo;
  /** File of each shard's ShardStats, in shard order (loaded only to estimate counts). */
  stats?: string;
}

/** A shard's articles by month (`YYYY-MM`, '' when undated). */
export interface ShardStats {
  months: Record<string, number>;
}

export interface Datable {
  date: string;
}

/**
 * Groups items into shards of at most `maxPerShard` (a single date larger than
 * that stays whole), newest first, undated items in a shard of their own at the
 * end (as many as they need). A day never straddles two shards, so a shard is a date range.
 */
export function planShards<T extends Datable>(items: readonly T[], maxPerShard: number): T[][] {
  if (!(maxPerShard >= 1)) throw new Error(`shard size must be at least 1, got ${maxPerShard}`);
  const dated = items.filter((i) => i.date).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const undated = items.filter((i) => !i.date);
  const shards: T[][] = [];
  let current: T[] = [];
  for (let i = 0; i < dated.length;) {
    let j = i;
    while (j < dated.length && dated[j].date === dated[i].date) j++;
    const day = dated.slice(i, j);
    if (current.length && current.length + day.length > maxPerShard) {
      shards.push(current);
      current = [];
    }
    current.push(...day);
    i = j;
  }
  if (current.length) shards.push(current);
  for (let i = 0; i < undated.length; i += maxPerShard) shards.push(undated.slice(i, i + maxPerShard));
  return shards;
}

/** Whether a shard can hold articles of `year` (`undefined` year: the undated shard). */
export function shardHoldsYear(shard: ShardInfo, year: string | undefined): boolean {
  if (year === undefined) return !shard.newest;
  return Boolean(shard.newest) && shard.oldest.slice(0, 4) <= year && year <= shard.newest.slice(0, 4);
}
