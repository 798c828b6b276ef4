/** Keywords with pages and where every keyword links to (the rule is in src/utils/keywordPages.ts). */
import { keywordHasPage } from '../utils/keywordPages.ts';
import { keywordPath, searchPath } from '../utils/paths.ts';
import { keywordParam } from '../utils/text/urlSlugs.ts';
import { allKeywords, type Article, type KeywordEntry } from './articles.ts';

let withPages: Promise<KeywordEntry<Article>[]> | undefined;

/** Keywords with pages, by how many articles use them. */
export function keywordsWithPages(): Promise<KeywordEntry<Article>[]> {
  withPages ??= allKeywords().then((entries) => entries.filter(keywordHasPage));
  return withPages;
}

/** A function giving each keyword's link: its page when it has one, else a search for it. */
export async function keywordLinker(): Promise<(keyword: string) => string> {
  const paged = new Set((await keywordsWithPages()).map((e) => e.param));
  return (keyword) => {
    const param = keywordParam(keyword);
    return paged.has(param) ? keywordPath(param) : searchPath(keyword);
  };
}
