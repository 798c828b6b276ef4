/**
 * The format reader against real bytes: an index the pinned Pagefind wrote,
 * frozen in tests/fixtures/pagefind/ (rebuilt by scripts/tools/fixtures/pagefindFixture.ts).
 * Upgrading Pagefind fails the first test until the fixture is rebuilt with the
 * new version, and then the others say whether the reader still understands it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pinnedPagefindVersion } from '../../scripts/indexer/pagefindVersion.ts';
import { FIXTURE_ARTICLES, FIXTURE_DIR } from '../../scripts/tools/fixtures/pagefindFixture.ts';
import {
  chunksFor,
  parseFilter,
  parseFragment,
  parseMeta,
  parseWordChunk,
  type ShardMeta,
} from '../../src/search/pagefind/format.ts';
import { inflate } from '../../src/search/pagefind/inflate.ts';
import { INDEX_LANGUAGE, UNKNOWN_YEAR } from '../../src/search/schema.ts';

const read = (path: string) => inflate(new Uint8Array(readFileSync(join(FIXTURE_DIR, path))));
const entry = JSON.parse(readFileSync(join(FIXTURE_DIR, 'pagefind-entry.json'), 'utf8')) as {
  version: string;
  languages: Record<string, { hash: string; page_count: number }>;
};
const meta: ShardMeta = parseMeta(read(`pagefind.${entry.languages[INDEX_LANGUAGE].hash}.pf_meta`));
/** Page number → the article's URL, as its fragment names it. */
const urls = meta.pages.map((p) => parseFragment(read(`fragment/${p.hash}.pf_fragment`)).url);
const urlsOf = (pages: readonly number[]) => pages.map((p) => urls[p]).sort();
const articleUrls = (keep: (a: (typeof FIXTURE_ARTICLES)[number]) => boolean) =>
  FIXTURE_ARTICLES.filter(keep)
    .map((a) => a.url)
    .sort();

function postingsOf(word: string) {
  const [chunk] = chunksFor(meta.chunks, word, false);
  expect(chunk, `a chunk for ${word}`).toBeDefined();
  const entries = parseWordChunk(read(`index/${chunk.hash}.pf_index`), (w) => w === word);
  expect(entries.map((e) => e.word)).toEqual([word]);
  return new Map(entries[0].postings.map((p) => [urls[p.page], p]));
}

describe('Pagefind file format (frozen fixture)', () => {
  test('the fixture was written by the pinned Pagefind version', () => {
    expect(entry.version).toBe(pinnedPagefindVersion());
    expect(meta.version).toBe(pinnedPagefindVersion());
  });

  test('pf_meta: one page per article, chunks, the three filters and the date sort', () => {
    expect(meta.pages).toHaveLength(FIXTURE_ARTICLES.length);
    expect(entry.languages[INDEX_LANGUAGE].page_count).toBe(FIXTURE_ARTICLES.length);
    for (const page of meta.pages) expect(page.wordCount).toBeGreaterThan(0);
    expect(meta.chunks.length).toBeGreaterThan(0);
    expect([...meta.filters.keys()].sort()).toEqual(['kind', 'region', 'year']);
    const byDate = [...FIXTURE_ARTICLES].sort((a, b) => (a.date || '0').localeCompare(b.date || '0'));
    expect(meta.sorts.get('date')?.map((p) => urls[p])).toEqual(byDate.map((a) => a.url));
  });

  test('fragment: each page’s URL and metadata', () => {
    expect([...urls].sort()).toEqual(articleUrls(() => true));
    for (const page of meta.pages) {
      const fragment = parseFragment(read(`fragment/${page.hash}.pf_fragment`));
      const article = FIXTURE_ARTICLES.find((a) => a.url === fragment.url);
      expect(fragment.meta.title).toBe(article?.title);
      expect(fragment.meta.date).toBe(article?.date);
      expect(fragment.content.length).toBeGreaterThan(0);
    }
  });

  test('index chunk: a word’s pages, and a phrase as consecutive positions', () => {
    const holders = (text: string) => articleUrls((a) => `${a.title}${a.body}`.includes(text));
    expect([...postingsOf('企业').keys()].sort()).toEqual(holders('企业'));
    const [fu, gong, chan] = ['复工', '工复', '复产'].map((w) => postingsOf(w).get('/articles/a1/')?.positions ?? []);
    expect(fu.some((p) => gong.includes(p + 1) && chan.includes(p + 2))).toBe(true);
  });

  test('index chunk: title words are weighted, body words are not', () => {
    expect(postingsOf('复工').get('/articles/a1/')?.weighted).toBeGreaterThan(0);
    const c3 = FIXTURE_ARTICLES.find((a) => a.slug === 'c3');
    expect(c3?.title.includes('企业') || c3?.keywords.includes('企业')).toBe(false);
    expect(postingsOf('企业').get('/articles/c3/')?.weighted).toBe(0);
  });

  test('index chunk: the regions-and-keywords list is counted apart from the text', () => {
    // 阳市 is in b2's region (耒阳市) and nowhere in its title or body.
    const b2 = FIXTURE_ARTICLES.find((a) => a.slug === 'b2');
    expect(`${b2?.title}${b2?.body}`.includes('阳市')).toBe(false);
    expect(postingsOf('阳市').get('/articles/b2/')).toMatchObject({ positions: [], listed: 1 });
    expect(postingsOf('复工').get('/articles/a1/')?.positions.length).toBeGreaterThan(0);
  });

  test('filters: each value’s pages', () => {
    const filter = (name: string) => parseFilter(read(`filter/${meta.filters.get(name) ?? ''}.pf_filter`));
    const kinds = filter('kind');
    for (const kind of new Set(FIXTURE_ARTICLES.map((a) => a.kind))) {
      expect(urlsOf(kinds.get(kind) ?? []), kind).toEqual(articleUrls((a) => a.kind === kind));
    }
    expect(urlsOf(filter('year').get(UNKNOWN_YEAR) ?? [])).toEqual(articleUrls((a) => a.year === ''));
    expect(urlsOf(filter('region').get('耒阳市') ?? [])).toEqual(articleUrls((a) => a.regions.includes('耒阳市')));
  });
});
