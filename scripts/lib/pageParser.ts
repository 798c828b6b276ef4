/**
 * Everything needed to turn one decoded page into the files it writes:
 * parsing (ingestPage), slugs and Markdown. Loading it costs the keyword
 * dictionaries, YAML and remark, so the ingest imports this module only when
 * a page misses the cache, and each worker thread loads its own (sharing one
 * compiled keyword dictionary).
 */
import { loadGazetteer } from '../../src/lib/gazetteer.ts';
import { ingestPage } from './ingestPage.ts';
import { createKeywordExtractor, keywordTableBytes } from './keywords.ts';
import type { PageFacts } from './manifest.ts';
import { toMarkdownFile } from './markdown.ts';
import { createRegionMatcher } from './regions.ts';
import { baseSlug, createSlugAllocator } from './slug.ts';
import { loadVocabulary } from './vocabulary.ts';

/** One output file: its name in the content folder and its bytes as text. */
export interface RenderedFile {
  name: string;
  content: string;
}

export interface RenderedPage {
  files: RenderedFile[];
  /** The parser's warnings (lines found in no article), each naming the file. */
  warnings: string[];
}

export type PageParser = (text: string, file: string, facts: PageFacts | undefined) => RenderedPage;

/** The compiled keyword dictionary as bytes, read from `cachePath` or built (and saved there). */
export function keywordTables(cachePath?: string): Uint8Array {
  return keywordTableBytes(loadGazetteer(), cachePath);
}

/** A parser; `tableBytes` from keywordTables, else the keyword dictionary is compiled now. */
export function createPageParser(tableBytes?: Uint8Array): PageParser {
  const gazetteer = loadGazetteer();
  const tools = {
    vocabulary: loadVocabulary(),
    regions: createRegionMatcher(gazetteer),
    keywords: createKeywordExtractor(gazetteer, tableBytes),
  };
  return (text, file, facts) => {
    const result = ingestPage(text, file, { ...tools, ...(facts ? { facts } : {}) });
    return { files: renderArticles(result.articles), warnings: result.warnings };
  };
}

/** Names each article of one page by its slug (unique on the page) and writes it as Markdown. */
export function renderArticles(articles: ReturnType<typeof ingestPage>['articles']): RenderedFile[] {
  const allocate = createSlugAllocator();
  return articles.map((article) => {
    const { source, title } = article.frontMatter;
    return {
      name: `${allocate(baseSlug(source.file, title, article.text))}.md`,
      content: toMarkdownFile(article.frontMatter, article.body),
    };
  });
}
