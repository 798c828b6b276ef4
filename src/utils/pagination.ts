import { pathsInBuildPart } from './buildPart.ts';

/** One page of a paginated listing. */
export interface ListingPage<T> {
  /** 1-based page number. */
  number: number;
  lastPage: number;
  items: T[];
  total: number;
  /** 1-based positions of the first and last item on this page (0 and 0 when the list is empty). */
  start: number;
  end: number;
}

/**
 * Splits a list into pages of `size`. An empty list still yields one (empty)
 * page, so every listing URL exists and can say "nothing here yet".
 */
export function paginateList<T>(items: readonly T[], size: number): ListingPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const lastPage = Math.max(1, Math.ceil(items.length / size));
  const pages: ListingPage<T>[] = [];
  for (let number = 1; number <= lastPage; number++) {
    const from = (number - 1) * size;
    const slice = items.slice(from, from + size);
    pages.push({
      number,
      lastPage,
      items: slice,
      total: items.length,
      start: slice.length ? from + 1 : 0,
      end: from + slice.length,
    });
  }
  return pages;
}

/**
 * The page numbers a pagination bar shows: the first, the last, and a window
 * around the current page, with null where a gap is elided.
 */
export function pageWindow(current: number, last: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, last]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  let previous = 0;
  for (const n of sorted) {
    if (n - previous === 2) out.push(n - 1);
    else if (n - previous > 2) out.push(null);
    out.push(n);
    previous = n;
  }
  return out;
}

/** The route parameter of a page: undefined for page 1 (served at the base path), else its number. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : String(number);
}

/**
 * The static paths of an index's pages 2… (page 1 is the index itself, at its own route), this build part's
 * share: what the `~/[page].astro` routes of the keyword, source-page and people indexes return.
 */
export function laterIndexPagePaths<T>(items: readonly T[], size: number) {
  return pathsInBuildPart(
    paginateList(items, size)
      .slice(1)
      .map((page) => ({ params: { page: String(page.number) }, props: { page } })),
  );
}
