import { createHash } from 'node:crypto';
import { squash } from './text.ts';

/**
 * An article's permalink slug comes from its own words (title and opening),
 * so it stays put when other pages are added to or removed from the archive.
 */
export function baseSlug(title: string, bodyText: string): string {
  const digest = createHash('sha256')
    .update(`${squash(title)}\n${squash(bodyText).slice(0, 120)}`)
    .digest('hex');
  return digest.slice(0, 12);
}

/** Gives each article a unique slug; call in a stable order (by source file, then index). */
export function createSlugAllocator(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
