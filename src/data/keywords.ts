/** Keywords with pages and where every keyword links to (the rule is in src/utils/keywordPages.ts). */
import { keywordHasPage } from '../utils/keywordPages.ts';
import { keywordPath, searchPath } from '../utils/paths.ts';
import { keywordParam } from '../utils/text/urlSlugs.ts';
import { allKeywords, type Article, type KeywordEntry } from './articles.ts';

let withPages: Promise<KeywordEntry<Article>[]> | undefined;
let linker: Promise<(keyword: string) => string> | undefined;

/** Keywords with pages, by how many articles use them. */
export function keywordsWithPages(): Promise<KeywordEntry<Article>[]> {
  withPages ??= allKeywords().then((entries) => entries.filter(keywordHasPage));
  return withPages;
}

/**
 * A function giving each keyword's link: its page when it has one, else a search for it. Made once per build:
 * every article page asks for it, and the set of keywords with pages grows with the archive.
 */
export function keywordLinker(): Promise<(keyword: string) => string> {
  linker ??= keywordsWithPages().then((entries) => {
    const paged = new Set(entries.map((e) => e.param));
    return (keyword) => {
      const param = keywordParam(keyword);
      return paged.has(param) ? keywordPath(param) : searchPath(keyword);
    };
  });
  return linker;
}
