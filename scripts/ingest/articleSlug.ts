import { createHash } from 'node:crypto';
import { squash } from './parse/text.ts';

/**
 * An article's permalink slug comes from its page file and its own words
 * (title and opening), so it stays put when other pages are added to or
 * removed from the archive, even when two pages print the same story.
 */
export function baseSlug(file: string, title: string, bodyText: string): string {
  const digest = createHash('sha256')
    .update(`${file}\n${squash(title)}\n${squash(bodyText).slice(0, 120)}`)
    .digest('hex');
  return digest.slice(0, 12);
}

/**
 * Gives each article of one page a unique slug: a story printed twice on the
 * same page gets `-2`, `-3` in printed order. Only the page's own articles
 * take part, so no other page can shift them.
 */
export function createSlugAllocator(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  };
}
