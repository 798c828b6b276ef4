import { escapeXml } from '../utils/text/xml.ts';

/**
 * The sitemap, as @astrojs/sitemap wrote it (same files, URLs and order), but
 * sorted with one collator: that integration calls `localeCompare` with options
 * for every comparison, which costs seconds at 10,000 articles and grows
 * n log n with a slow constant.
 */

/** URLs per sitemap file (@astrojs/sitemap's default; the protocol allows 50,000). */
export const SITEMAP_LIMIT = 45_000;

const STATUS_PAGES = new Set(['404', '500']);
const URLSET_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">';
const INDEX_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">';

/**
 * The absolute URLs of the built pages (`pathname` as Astro reports them, such
 * as `articles/x/`), error pages left out, each once, in natural order.
 */
export function sitemapUrls(pathnames: readonly string[], site: URL): string[] {
  const urls = new Set<string>();
  for (const pathname of pathnames) {
    const bare = pathname.replace(/^\/|\/$/g, '');
    if (STATUS_PAGES.has(bare)) continue;
    urls.add(new URL(pathname.replace(/^\//, ''), site).href);
  }
  const collator = new Intl.Collator('en', { numeric: true });
  return [...urls].sort(collator.compare);
}

/** The sitemap files: `sitemap-0.xml`, `sitemap-1.xml`, … and `sitemap-index.xml` listing them. */
export function sitemapFiles(urls: readonly string[], site: URL, limit = SITEMAP_LIMIT): Map<string, string> {
  const files = new Map<string, string>();
  const parts: string[] = [];
  for (let i = 0; i * limit < urls.length; i++) {
    const name = `sitemap-${i}.xml`;
    const entries = urls.slice(i * limit, (i + 1) * limit).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    files.set(name, `${URLSET_OPEN}${entries.join('')}</urlset>`);
    parts.push(`<sitemap><loc>${escapeXml(new URL(name, site).href)}</loc></sitemap>`);
  }
  files.set('sitemap-index.xml', `${INDEX_OPEN}${parts.join('')}</sitemapindex>`);
  return files;
}
