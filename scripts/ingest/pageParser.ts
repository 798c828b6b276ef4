/**
 * Everything needed to turn one decoded page into the files it writes:
 * parsing (ingestPage), slugs and Markdown. Loading it costs remark and the
 * parser's compiled data (parserData.ts), so the ingest imports this module
 * only when a page misses the cache, and each worker thread loads its own
 * (sharing one copy of the data).
 */
import { ERROR_MARK } from './errorMark.ts';
import { ingestPage } from './ingestPage.ts';
import { pageRecordName } from './pageRecordName.ts';
import { createKeywordExtractor } from './keywords/keywords.ts';
import type { PageFacts } from './manifest.ts';
import { toMarkdownFile } from './markdown.ts';
import { unpackParserData } from './keywords/parserData.ts';
import { createRegionMatcher } from './parse/regionMatcher.ts';
import { createPlaceMatcher } from './parse/placeMatcher.ts';
import { baseSlug, createSlugAllocator } from './articleSlug.ts';

/** One output file: its name in the content folder and its bytes as text. */
export interface RenderedFile {
  name: string;
  content: string;
}

export interface RenderedPage {
  files: RenderedFile[];
  /** The parser's warnings, each naming the file; those starting with ERROR_MARK fail the run. */
  warnings: string[];
}

export type PageParser = (text: string, file: string, facts: PageFacts | undefined) => RenderedPage;

/** A parser over the data `loadParserData` gives. */
export function createPageParser(dataBytes: Uint8Array): PageParser {
  const data = unpackParserData(dataBytes);
  if (!data) throw new Error('the page parser was given bytes that are not its data');
  const tools = {
    vocabulary: data.vocabulary,
    regions: createRegionMatcher(data.gazetteer),
    places: createPlaceMatcher(data.townships, data.gazetteer),
    keywords: createKeywordExtractor(data.tables),
  };
  return (text, file, facts) => {
    const result = ingestPage(text, file, { ...tools, ...(facts ? { facts } : {}) });
    const files = renderArticles(result.articles);
    const record = { ...result.record, articles: files.map((f) => f.name.replace(/\.md$/u, '')) };
    files.push({ name: pageRecordName(file), content: `${JSON.stringify(record, null, 2)}\n` });
    // Errors travel with the warnings (the cache keeps those), marked so the run reports them as errors.
    return { files, warnings: [...result.warnings, ...result.errors.map((e) => `${ERROR_MARK}${e}`)] };
  };
}

/** Names each article of one page by its slug (unique on the page) and writes it as Markdown. */
export function renderArticles(articles: ReturnType<typeof ingestPage>['articles']): RenderedFile[] {
  const allocate = createSlugAllocator();
  return articles.map((article) => {
    const { source } = article.frontMatter;
    return {
      name: `${allocate(baseSlug(source.file, article.slugTitle, article.text))}.md`,
      content: toMarkdownFile(article.frontMatter, article.body),
    };
  });
}
