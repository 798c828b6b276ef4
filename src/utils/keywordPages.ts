/**
 * Which keywords get pages. A page per keyword cost most of the site's bytes (2.2 of 4.2 MB on the seeds) while
 * most keywords belong to one or two articles; so only keywords that at least KEYWORD_PAGE_MIN_ARTICLES
 * articles hold, and that are not stop words (data/stopwords.txt, read here too so that a word added there
 * later loses its page without a re-ingest), have pages. Every other keyword links to the search page.
 */
import stopWordsText from '../../data/stopwords.txt?raw';
import { parseWordList } from '../schemas/wordList.ts';
import { KEYWORD_PAGE_MIN_ARTICLES } from './site.ts';
import { keywordParam } from './text/urlSlugs.ts';

const stopWords = new Set(parseWordList(stopWordsText).map((w) => keywordParam(w)));

/** True when this keyword (by its parameter, see keywordParam) has its own pages. */
export function keywordHasPage(entry: { param: string; articles: readonly unknown[] }): boolean {
  return entry.articles.length >= KEYWORD_PAGE_MIN_ARTICLES && !stopWords.has(entry.param);
}
