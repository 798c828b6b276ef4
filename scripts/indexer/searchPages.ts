/**
 * Reads the article pages Astro built (the contract in docs/search.md) into the
 * records the search index is made of. Regex-based on purpose: the pages are
 * our own output with a fixed shape, and this keeps the indexer dependency-free.
 */
export interface ArticleRecord {
  slug: string;
  /** URL path of the page, with trailing slash. */
  url: string;
  kind: string;
  /** 'YYYY' or ''. */
  year: string;
  /** 'YYYY-MM-DD' or ''. */
  date: string;
  regions: string[];
  title: string;
  body: string;
  keywords: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === '#') {
      const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Visible text of an HTML snippet: tags dropped, block ends as line breaks, entities decoded. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/giu, '')
      .replace(/<br\s*\/?>|<\/(p|div|li|h\d|blockquote)>/giu, '\n')
      .replace(/<[^>]*>/gu, ''),
  );
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'iu').exec(tag);
  if (!m) return undefined;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? '');
}

interface JsonLdArticle {
  '@type'?: string | string[];
  headline?: string;
  articleBody?: string;
  keywords?: string | string[];
}

function jsonLdArticle(html: string): JsonLdArticle | undefined {
  for (const m of html.matchAll(/<script\b[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/giu)) {
    try {
      const data = JSON.parse(m[1]) as JsonLdArticle | JsonLdArticle[];
      for (const item of Array.isArray(data) ? data : [data]) {
        const type = item['@type'];
        if (type === 'NewsArticle' || (Array.isArray(type) && type.includes('NewsArticle'))) return item;
      }
    } catch {
      // Not ours or not JSON; the visible markup is still there to fall back on.
    }
  }
  return undefined;
}

const ARTICLE_TAG = /<article\b[^>]*\sdata-article[\s>=][^>]*>|<article\b[^>]*\sdata-article>/iu;

/** The date of an article page ('' when unknown), or undefined for a page that is not an article: a cheap first look. */
export function articlePageDate(html: string): string | undefined {
  const tag = ARTICLE_TAG.exec(html)?.[0];
  return tag === undefined ? undefined : (attribute(tag, 'data-date') ?? '');
}

/**
 * Parses one built page. Returns undefined for a page that is not an article
 * (no `<article data-article>`), throws when an article page breaks the contract.
 */
export function parseArticlePage(html: string, url: string): ArticleRecord | undefined {
  const tag = ARTICLE_TAG.exec(html)?.[0];
  if (!tag) return undefined;
  const fail = (why: string): never => {
    throw new Error(`${url}: ${why}`);
  };
  const lang = /<html\b[^>]*\slang=["']?([^"'\s>]+)/iu.exec(html)?.[1] ?? '';
  if (!/^zh\b/iu.test(lang)) fail(`<html lang> is "${lang}", expected zh-…`);
  const slug = attribute(tag, 'data-slug') || fail('<article> has no data-slug');
  const kind = attribute(tag, 'data-kind') || fail('<article> has no data-kind');
  const year = attribute(tag, 'data-year') ?? '';
  const date = attribute(tag, 'data-date') ?? '';
  if (year && !/^\d{4}$/u.test(year)) fail(`bad data-year ${year}`);
  if (date && !/^\d{4}-\d\d-\d\d$/u.test(date)) fail(`bad data-date ${date}`);
  const regions = (attribute(tag, 'data-regions') ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const h1 = /<h1\b[^>]*\sdata-article-title\b[^>]*>([\s\S]*?)<\/h1>/iu.exec(html)?.[1];
  const ld = jsonLdArticle(html);
  const title = (h1 !== undefined ? htmlText(h1) : (ld?.headline ?? '')).replace(/\s+/gu, ' ').trim();
  if (!title) fail('no <h1 data-article-title> and no JSON-LD headline');
  let body = ld?.articleBody;
  if (body === undefined) {
    // Fallback: everything after the body marker up to the end of the article.
    const start = /<div\b[^>]*\sdata-article-body\b[^>]*>/iu.exec(html);
    if (!start) fail('no JSON-LD articleBody and no <div data-article-body>');
    const rest = html.slice(start!.index + start![0].length);
    body = htmlText(rest.slice(0, rest.search(/<\/article>/iu) >>> 0));
  }
  const keywords = (Array.isArray(ld?.keywords) ? ld.keywords : (ld?.keywords ?? '').split(/[,，]/u))
    .map((k) => k.trim())
    .filter(Boolean);
  return { slug, url, kind, year, date, regions, title, body, keywords };
}
