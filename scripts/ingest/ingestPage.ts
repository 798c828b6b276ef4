/**
 * One page of text in, its articles out: reflow, split, headline, bylines,
 * date, regions, keywords. Pure apart from the keyword extractor it is given.
 */
import type { ArticleFrontMatter, ArticleKind } from '../../src/schemas/articleContract.ts';
import { parseByline } from './parse/byline.ts';
import { LEAD, PHOTO_CREDIT, TRAILING_BYLINE } from './parse/classify.ts';
import { inferPageDate } from './parse/pageDate.ts';
import { deriveTitle } from './parse/headline.ts';
import type { KeywordExtractor } from './keywords/keywords.ts';
import type { PageFacts } from './manifest.ts';
import { bodyToMarkdown } from './markdown.ts';
import { reflow } from './parse/reflow.ts';
import type { RegionMatcher } from './parse/regionMatcher.ts';
import type { PlaceMatcher } from './parse/placeMatcher.ts';
import { splitPage, type DraftArticle } from './parse/split.ts';
import { squash } from './parse/text.ts';
import type { Vocabulary } from './parse/vocabulary.ts';

export interface IngestedArticle {
  frontMatter: ArticleFrontMatter;
  /** Markdown body. */
  body: string;
  /** The body as plain text: for slugs and keywords. */
  text: string;
}

export interface PageResult {
  articles: IngestedArticle[];
  warnings: string[];
  dateReason: string;
}

export interface PageContext {
  vocabulary: Vocabulary;
  regions: RegionMatcher;
  keywords: KeywordExtractor;
  facts?: PageFacts;
  /** Townships (乡镇/街道) named in the article; without it `places` is left out. */
  places?: PlaceMatcher;
}

export function ingestPage(text: string, file: string, context: PageContext): PageResult {
  const page = reflow(text);
  const drafts = splitPage(page, context.vocabulary);
  const inferred = inferPageDate(text);
  const stated = context.facts?.date;
  const warnings = missingLines(text, drafts).map((line) => `${file}: line ${line} is in no article`);

  const articles = drafts.map((draft, index): IngestedArticle => {
    const paragraphs = draft.blocks.map((b) => b.text);
    const title = draft.title ?? deriveTitle(paragraphs) ?? draft.column ?? '（无题）';
    const headline = [draft.kicker, draft.title, draft.subtitle].filter(Boolean).join(' ');
    const bodyText = paragraphs.join('\n');
    const byline = draft.bylines.join(' ') || undefined;
    const frontMatter: ArticleFrontMatter = {
      title,
      kind: kindOf(draft, context.vocabulary),
      authors: byline ? mergeAuthors(draft.bylines) : [],
      date: stated ?? inferred.date,
      dateInferred: stated === undefined && inferred.date !== null,
      regions: context.regions.detect({
        headline,
        lead: paragraphs[0] ?? '',
        rest: paragraphs.slice(1).join('\n'),
      }),
      keywords: context.keywords.extract(`${headline}\n${keywordText(draft)}`),
      source: { file, index },
    };
    if (draft.kicker) frontMatter.kicker = draft.kicker;
    if (draft.subtitle) frontMatter.subtitle = draft.subtitle;
    if (draft.column) frontMatter.column = draft.column;
    if (byline) frontMatter.byline = byline;
    if (context.facts?.edition) frontMatter.edition = context.facts.edition;
    if (context.facts?.page) frontMatter.page = context.facts.page;
    if (draft.continued) frontMatter.continued = draft.continued;
    // Hook (issue 15): the townships the headline and body name, written only when there are any.
    const places = context.places?.find(`${headline}\n${bodyText}`) ?? [];
    if (places.length > 0) frontMatter.places = places;
    return { frontMatter, body: bodyToMarkdown(draft.blocks), text: bodyText };
  });
  return { articles, warnings, dateReason: stated ? 'stated in the manifest' : inferred.reason };
}

/** The words of the story itself: credits and reporters' names are not what it is about. */
function keywordText(draft: DraftArticle): string {
  return draft.blocks
    .filter((b) => b.type !== 'credit')
    .map((b) => b.text.replace(LEAD, '').replace(TRAILING_BYLINE, '').replace(PHOTO_CREDIT, ''))
    .join('\n');
}

function kindOf(draft: DraftArticle, vocabulary: Vocabulary): ArticleKind {
  if (draft.kind !== 'article') return draft.kind;
  const headline = [draft.kicker, draft.title, draft.subtitle, draft.column].filter(Boolean).join(' ');
  return vocabulary.noticeWords.some((word) => headline.includes(word)) ? 'notice' : 'article';
}

function mergeAuthors(bylines: string[]) {
  const seen = new Set<string>();
  return bylines
    .flatMap(parseByline)
    .filter((a) => (seen.has(`${a.name}/${a.role}`) ? false : (seen.add(`${a.name}/${a.role}`), true)));
}

/**
 * The nothing-lost check: every printed line must be found, white space
 * aside, in the article that took it (title, kicker, subtitle, column,
 * byline, continuation note, body or caption).
 */
export function missingLines(text: string, drafts: DraftArticle[]): number[] {
  const owner = new Map<number, DraftArticle>();
  for (const draft of drafts) for (const line of draft.lines) owner.set(line, draft);
  // Each article's text is squashed once, not once for every line it took.
  const squashed = new Map<DraftArticle, string>();
  const missing: number[] = [];
  text.split('\n').forEach((line, i) => {
    const wanted = squash(line);
    if (wanted === '') return;
    const draft = owner.get(i + 1);
    if (!draft) {
      missing.push(i + 1);
      return;
    }
    let own = squashed.get(draft);
    if (own === undefined) {
      own = squash(articleText(draft));
      squashed.set(draft, own);
    }
    if (!own.includes(wanted.replace(/^#+/u, ''))) missing.push(i + 1);
  });
  return missing;
}

export function articleText(draft: DraftArticle): string {
  return [
    draft.kicker,
    draft.title,
    draft.subtitle,
    draft.column,
    ...draft.bylines,
    draft.continued,
    draft.blocks.map((b) => b.text).join(''),
  ]
    .filter(Boolean)
    .join('\n');
}
