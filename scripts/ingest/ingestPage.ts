/**
 * One page of text in, its articles out: reflow, split, headline, bylines,
 * date, regions, keywords. Pure apart from the keyword extractor it is given.
 */
import type { ArticleFrontMatter, ArticleKind, DateSource } from '../../src/schemas/articleContract.ts';
import type { PageRecord } from '../../src/schemas/pageRecord.ts';
import { findFurniture, type PageFurniture } from './parse/labels/furniture.ts';
import { parseByline } from './parse/byline.ts';
import { LEAD, PHOTO_CREDIT, TRAILING_BYLINE } from './parse/classify.ts';
import { inferPageDate } from './parse/pageDate.ts';
import { deriveTitle } from './parse/headline.ts';
import type { KeywordExtractor } from './keywords/keywords.ts';
import type { PageFacts } from './manifest.ts';
import { bodyToMarkdown } from './markdown.ts';
import { reflow } from './parse/reflow.ts';
import type { RegionMatcher } from './parse/regionMatcher.ts';
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
  /** The page record: its furniture and what it prints about itself; `articles` is filled in with the slugs. */
  record: PageRecord;
  warnings: string[];
  dateReason: string;
}

export interface PageContext {
  vocabulary: Vocabulary;
  regions: RegionMatcher;
  keywords: KeywordExtractor;
  facts?: PageFacts;
}

export function ingestPage(text: string, file: string, context: PageContext): PageResult {
  const furniture = findFurniture(text.split('\n'), context.vocabulary);
  const setApart = new Set([...furniture.furniture, ...furniture.noise].map((f) => f.line));
  const page = reflow(text, setApart);
  const drafts = splitPage(page, context.vocabulary);
  const dated = pageDate(storyText(text, setApart), furniture, context.facts?.date);
  const warnings = missingLines(text, drafts, setApart).map((line) => `${file}: line ${line} is in no article`);

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
      date: dated.date,
      dateInferred: dated.source === 'inferred',
      ...(dated.source ? { dateSource: dated.source } : {}),
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
    const edition = context.facts?.edition ?? furniture.facts.edition;
    const pageNumber = context.facts?.page ?? furniture.facts.page;
    if (edition) frontMatter.edition = edition;
    if (pageNumber) frontMatter.page = pageNumber;
    if (draft.continued) frontMatter.continued = draft.continued;
    return { frontMatter, body: bodyToMarkdown(draft.blocks), text: bodyText };
  });
  const record = pageRecord(file, dated, furniture, context.facts);
  return { articles, record, warnings, dateReason: dated.reason };
}

interface PageDate {
  date: string | null;
  source?: DateSource;
  reason: string;
}

/** The manifest wins, then a date the page prints in its masthead or running head, then inference from the text. */
function pageDate(text: string, furniture: PageFurniture, stated: string | undefined): PageDate {
  if (stated) return { date: stated, source: 'manifest', reason: 'stated in the manifest' };
  const printed = furniture.facts.date;
  if (printed) return { date: printed, source: 'printed', reason: 'printed in the page furniture' };
  const inferred = inferPageDate(text);
  return inferred.date ? { date: inferred.date, source: 'inferred', reason: inferred.reason } : { ...inferred };
}

/** The page's text without its furniture, for inference: a masthead's date is read as printed, not as an event. */
function storyText(text: string, setApart: ReadonlySet<number>): string {
  return text
    .split('\n')
    .map((line, i) => (setApart.has(i + 1) ? '' : line))
    .join('\n');
}

function pageRecord(file: string, dated: PageDate, furniture: PageFurniture, facts: PageFacts | undefined): PageRecord {
  const { edition, page, pageName, editors } = furniture.facts;
  const record: PageRecord = {
    file,
    date: dated.date,
    editors,
    furniture: furniture.furniture,
    noise: furniture.noise,
    articles: [],
  };
  if (dated.source) record.dateSource = dated.source;
  const stated = { edition: facts?.edition ?? edition, page: facts?.page ?? page, pageName };
  for (const [key, value] of Object.entries(stated)) if (value !== undefined) Object.assign(record, { [key]: value });
  return record;
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
export function missingLines(
  text: string,
  drafts: DraftArticle[],
  recorded: ReadonlySet<number> = new Set(),
): number[] {
  const owner = new Map<number, DraftArticle>();
  for (const draft of drafts) for (const line of draft.lines) owner.set(line, draft);
  // Each article's text is squashed once, not once for every line it took.
  const squashed = new Map<DraftArticle, string>();
  const missing: number[] = [];
  text.split('\n').forEach((line, i) => {
    const wanted = squash(line);
    if (wanted === '' || recorded.has(i + 1)) return;
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
