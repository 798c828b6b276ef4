/**
 * Keywords for an article page that lists none (a page built from content that
 * skipped the ingest, or older content): the ingest's own extractor, so the
 * index weighs the same terms the ingest would have written, with our user
 * dictionary, the gazetteer's names and our stop words. Native nodejieba's
 * defaults split newspaper terms (检察开放日 → 检察 + 开放日) and keep stop words.
 */
import { loadGazetteer } from '../../src/schemas/gazetteer.ts';
import { buildKeywordTables, createKeywordExtractor, type KeywordExtractor } from '../ingest/keywords/keywords.ts';

let extractor: KeywordExtractor | undefined;

/** Built on first use: compiling the dictionaries takes a second or two, and most builds never need it. */
function keywordExtractor(): KeywordExtractor {
  extractor ??= createKeywordExtractor(buildKeywordTables(loadGazetteer()));
  return extractor;
}

/** The article's keywords from its title and body, as the ingest extracts them from headline and text. */
export function fallbackKeywords(article: { title: string; body: string }): string[] {
  return keywordExtractor().extract(`${article.title}\n${article.body}`);
}
