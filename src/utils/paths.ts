/**
 * Every internal href is built here, from known slugs or through
 * encodeURIComponent, so no page text can ever become a URL of its own.
 */

/** Characters encodeURIComponent leaves as they are, slashes excepted. */
const PLAIN_ID = /^[A-Za-z0-9_-]*$/u;

/** Encodes each segment of a path-like id, keeping its slashes as separators. */
function encodeSegments(id: string): string {
  // The ingest's slugs are plain; an article is linked from a dozen pages, so they skip the split and join.
  return PLAIN_ID.test(id) ? id : id.split('/').map(encodeURIComponent).join('/');
}

export function articlePath(slug: string): string {
  return `/articles/${encodeSegments(slug)}/`;
}

export function regionPath(regionSlug: string): string {
  return `/regions/${encodeURIComponent(regionSlug)}/`;
}

export function keywordPath(param: string): string {
  return `/keywords/${encodeURIComponent(param)}/`;
}

export function sourcePagePath(pageSlug: string): string {
  return `/pages/${encodeURIComponent(pageSlug)}/`;
}

/** `/dates/`, `/dates/2020/`, `/dates/2020/03/` or `/dates/2020/03/09/`, depending on how much is given. */
export function datePath(year?: number, month?: number, day?: number): string {
  let path = '/dates/';
  if (year === undefined) return path;
  path += `${String(year).padStart(4, '0')}/`;
  if (month === undefined) return path;
  path += `${String(month).padStart(2, '0')}/`;
  if (day === undefined) return path;
  return `${path}${String(day).padStart(2, '0')}/`;
}

/** The path of a date given as YYYY-MM-DD. */
export function dayPath(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return datePath(y, m, d);
}

/** Page 1 of a listing lives at its base path; page n ≥ 2 at `<base><n>/`. */
export function listingPagePath(base: string, page: number): string {
  return page <= 1 ? base : `${base}${page}/`;
}

/** An absolute URL on the site's canonical origin. */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return new URL(path, site ?? 'https://archive.hengyang-daily.example').href;
}

/**
 * Keyword-index pages 2… live under /keywords/~/ : `~` alone is never a
 * keyword parameter (see keywordParam), so the index cannot collide with a
 * keyword's own pages at /keywords/<keyword>/<n>/.
 */
export function keywordIndexPath(page: number): string {
  return page <= 1 ? '/keywords/' : listingPagePath('/keywords/~/', page);
}

/** Likewise for the source-page index: /pages/~/<n>/ can never be a page slug. */
export function sourcePageIndexPath(page: number): string {
  return page <= 1 ? '/pages/' : listingPagePath('/pages/~/', page);
}

export function personPath(slug: string): string {
  return `/people/${encodeURIComponent(slug)}/`;
}

/** Like the keyword index: /people/~/<n>/ can never be a person's page. */
export function peopleIndexPath(page: number): string {
  return page <= 1 ? '/people/' : listingPagePath('/people/~/', page);
}

export function placePath(code: string): string {
  return `/places/${encodeURIComponent(code)}/`;
}

/** The search page with a query filled in. */
export function searchPath(query: string): string {
  return `/search/?q=${encodeURIComponent(query)}`;
}
