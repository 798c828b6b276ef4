/**
 * Per-shard article counts by month, written once for the whole index. The
 * browser estimates the counts and histogram of shards a query has not searched
 * from them (docs/search.md, "Counts"), so it need not read every shard.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShardStats } from '../../src/search/shards.ts';

/** A shard's counts from its articles' dates ('' when unknown). */
export function shardStats(dates: readonly string[]): ShardStats {
  const months: Record<string, number> = {};
  for (const date of dates) {
    const month = date.slice(0, 7);
    months[month] = (months[month] ?? 0) + 1;
  }
  return { months };
}

/** Writes the shards' counts as `stats-<content hash>.json` and returns its name. */
export function writeStats(outputPath: string, stats: readonly ShardStats[]): string {
  const text = JSON.stringify(stats);
  const name = `stats-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`;
  writeFileSync(join(outputPath, name), text);
  return name;
}
