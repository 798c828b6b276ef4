/**
 * Builds go into a folder beside the output and replace it only once every
 * stage has succeeded, so a failed build leaves the previous site whole (a host
 * serving `dist/` keeps serving it). Node has no atomic exchange of two folders:
 * between the two renames `dist/` is missing for a moment, never half-written.
 */
import { rename, rm } from 'node:fs/promises';

/** The folder a build of `outDir` writes into: one name, so Astro's cache (keyed by its outDir) survives. */
export function nextDir(outDir: string): string {
  return `${outDir}.next`;
}

/** Replaces `outDir` by `next`; the old output is removed after. */
export async function swapIn(next: string, outDir: string): Promise<void> {
  const old = `${outDir}.old-${process.pid}`;
  try {
    await rename(outDir, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await rename(next, outDir);
  await rm(old, { recursive: true, force: true });
}
