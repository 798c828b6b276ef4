/**
 * A link checker for a built static site: every URL an HTML page refers to
 * on its own origin must name a built file (or a directory's index.html),
 * and every fragment must name an id on the target page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseHref, elements, attr, fragmentTargets, parseHtml, urlReferences, type UrlReference } from './html.ts';
import { fileForPath, listFiles, urlPathOf } from './site.ts';

/** Stands for the origin the site is served from while resolving relative URLs. */
const LOCAL_ORIGIN = 'http://site.invalid';

export interface BrokenLink {
  /** The URL path of the page the link is on. */
  page: string;
  /** How the link is written, e.g. `<a href="/x/">`. */
  link: string;
  reason: string;
}

export interface LinkCheckOptions {
  /**
   * The site's canonical origin (permalinks, canonical links, og:url): absolute
   * URLs on it are checked like root-relative ones.
   */
  siteOrigin?: string;
}

export interface LinkCheckResult {
  pages: number;
  /** Internal references checked. */
  checked: number;
  broken: BrokenLink[];
}

export function describeLink(ref: UrlReference): string {
  return `<${ref.tag} ${ref.attr}="${ref.value}">`;
}

/** The canonical origin a built site declares in its home page's `<link rel="canonical">`. */
export function declaredOrigin(dir: string): string | undefined {
  const document = parseHtml(readFileSync(join(dir, 'index.html'), 'utf8'));
  for (const element of elements(document)) {
    if (element.tagName === 'link' && attr(element, 'rel') === 'canonical') {
      const href = attr(element, 'href');
      return href === undefined ? undefined : new URL(href).origin;
    }
  }
  return undefined;
}

export function checkSiteLinks(dir: string, options: LinkCheckOptions = {}): LinkCheckResult {
  const { siteOrigin } = options;
  const files = listFiles(dir);
  const fragmentCache = new Map<string, Set<string>>();
  const fragmentsOf = (file: string): Set<string> => {
    let ids = fragmentCache.get(file);
    if (!ids) {
      ids = fragmentTargets(parseHtml(readFileSync(file, 'utf8')));
      fragmentCache.set(file, ids);
    }
    return ids;
  };

  const broken: BrokenLink[] = [];
  let checked = 0;
  let pages = 0;

  for (const file of files.filter((name) => name.endsWith('.html'))) {
    pages += 1;
    const pagePath = urlPathOf(file);
    const document = parseHtml(readFileSync(join(dir, file), 'utf8'));
    fragmentCache.set(join(dir, file), fragmentTargets(document));
    const base = new URL(baseHref(document) ?? pagePath, `${LOCAL_ORIGIN}${pagePath}`);
    const report = (ref: UrlReference, reason: string) =>
      broken.push({ page: pagePath, link: describeLink(ref), reason });

    for (const ref of urlReferences(document)) {
      const value = ref.value.trim();
      if (value === '') {
        if (ref.attr === 'href' || ref.attr === 'src') report(ref, 'empty URL');
        continue;
      }
      let url: URL;
      try {
        url = new URL(value, base);
      } catch {
        report(ref, 'not a valid URL');
        continue;
      }
      if (url.protocol === 'javascript:') {
        report(ref, 'javascript: URL');
        continue;
      }
      const internal = url.origin === LOCAL_ORIGIN || (siteOrigin !== undefined && url.origin === siteOrigin);
      if (!internal) continue;
      checked += 1;

      // A 404 page is served at any depth: a relative link on it must not depend on where.
      if (file === '404.html' && !value.startsWith('#')) {
        const deep = new URL(value, `${LOCAL_ORIGIN}/a/b/c/`);
        if (deep.href !== url.href) report(ref, 'relative link on the 404 page: it breaks when served at a deeper URL');
      }

      let path: string;
      try {
        path = decodeURIComponent(url.pathname);
      } catch {
        report(ref, `bad percent-encoding in ${url.pathname}`);
        continue;
      }
      const target = fileForPath(dir, path);
      if (target === undefined) {
        report(ref, `no file for ${path}`);
        continue;
      }
      // `#` alone and `#top` always scroll to the top of the page.
      const fragment = url.hash.slice(1);
      if (fragment === '' || fragment.toLowerCase() === 'top' || !target.endsWith('.html')) continue;
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        report(ref, `bad percent-encoding in #${fragment}`);
        continue;
      }
      if (!fragmentsOf(target).has(id)) report(ref, `no element with id "${id}" on ${path}`);
    }
  }
  return { pages, checked, broken };
}

/** Decodes the five predefined XML entities (and numeric references) in generated XML text. */
function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/giu, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return named[entity.toLowerCase()] ?? '';
  });
}

/** The text of every `<tag>…</tag>` in a generated XML file (sitemap `loc`, RSS `link`). */
export function xmlValues(xml: string, tag: string): string[] {
  const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'gu');
  return [...xml.matchAll(pattern)].map((match) => xmlText(match[1] ?? '').trim());
}

/** Absolute URLs that do not name a built page of `dir` served at `siteOrigin`. */
export function missingPages(dir: string, siteOrigin: string, urls: readonly string[]): string[] {
  return urls.filter((href) => {
    const url = new URL(href);
    if (url.origin !== siteOrigin) return true;
    try {
      return fileForPath(dir, decodeURIComponent(url.pathname)) === undefined;
    } catch {
      return true;
    }
  });
}
