/**
 * One page of text in, its articles and its page record out: furniture set apart, reflow, split, headline,
 * bylines, date, regions, keywords, the editor's fixes and the notes for review. Pure apart from the keyword
 * extractor it is given.
 */
import type { ArticleFrontMatter, ArticleKind } from '../../src/schemas/articleContract.ts';
import type { PageRecord } from '../../src/schemas/pageRecord.ts';
import { applyMerges, fieldOverrides, overrideFields } from './review/correct.ts';
import { matchCorrections } from './review/corrections.ts';
import type { KeywordExtractor } from './keywords/keywords.ts';
import type { PageFacts } from './manifest.ts';
import { bodyToMarkdown } from './markdown.ts';
import { missingLines, placeMissingLines } from './nothingLost.ts';
import { pageDate, pageRecord } from './pageRecord.ts';
import { parseByline } from './parse/byline.ts';
import { LEAD, PHOTO_CREDIT, TRAILING_BYLINE } from './parse/classify.ts';
import { deriveTitle } from './parse/headline.ts';
import { wordSpansOf } from './parse/interleave.ts';
import { findFurniture } from './parse/labels/furniture.ts';
import { reflow } from './parse/reflow.ts';
import type { PlaceMatcher } from './parse/placeMatcher.ts';
import type { RegionMatcher } from './parse/regionMatcher.ts';
import { splitPage, type DraftArticle } from './group/splitPage.ts';
import type { Vocabulary } from './parse/vocabulary.ts';
import { reviewNotes } from './review/review.ts';

export interface IngestedArticle {
  frontMatter: ArticleFrontMatter;
  /** Markdown body. */
  body: string;
  /** The body as plain text: for slugs and keywords. */
  text: string;
  /** The title the slug is made from: the parsed one, so an editor's corrected title keeps the article's URL. */
  slugTitle: string;
}

export interface PageResult {
  articles: IngestedArticle[];
  /** The page record: its furniture and what it prints about itself; `articles` is filled in with the slugs. */
  record: PageRecord;
  warnings: string[];
  /** Lines lost after every rule and the fallback, and fixes that no longer match: the run fails on these. */
  errors: string[];
  dateReason: string;
}

export interface PageContext {
  vocabulary: Vocabulary;
  regions: RegionMatcher;
  keywords: KeywordExtractor;
  /** The townships (乡镇/街道) an article names; without it `places` is left out. */
  places?: PlaceMatcher;
  facts?: PageFacts;
}

export function ingestPage(text: string, file: string, context: PageContext): PageResult {
  const { vocabulary, facts } = context;
  const fixes = matchCorrections(text, file, facts?.corrections ?? []);
  const linesOf = (key: 'furniture' | 'split') => new Set(fixes.valid.filter((f) => key in f).map((f) => f.line));
  const furniture = findFurniture(text.split('\n'), vocabulary, linesOf('furniture'));
  const setApart = new Set([...furniture.furniture, ...furniture.noise].map((f) => f.line));
  const splits = linesOf('split');
  const breaks = new Set([...splits, ...furniture.dividers]);
  const interleaved: { lines: number[]; detail: string }[] = [];
  const labels = new Map(fixes.valid.flatMap((f) => ('label' in f ? [[f.line, f.label] as const] : [])));
  const page = reflow(text, {
    skip: setApart,
    breaks,
    labels,
    words: { spans: wordSpansOf(context.keywords.cut), cut: context.keywords.cut },
    onInterleave: (lines, sorted, confidence) =>
      interleaved.push({ lines, detail: interleaveDetail(sorted, confidence) }),
  });
  const drafts = splitPage(page, vocabulary, new Set([...splits, ...afterDividers(text, furniture.dividers)]));
  const errors = [...fixes.errors, ...applyMerges(drafts, fixes.valid, file)];
  const placedByFallback = placeMissingLines(text, drafts, missingLines(text, drafts, setApart));
  errors.push(...missingLines(text, drafts, setApart).map((line) => `${file}: line ${line} is in no article`));
  const dated = pageDate(text, furniture, facts?.date);
  const fields = fieldOverrides(drafts, fixes.valid, file);
  errors.push(...fields.errors);

  const printedAs = {
    edition: facts?.edition ?? furniture.facts.edition,
    page: facts?.page ?? furniture.facts.page,
    pageName: furniture.facts.pageName,
  };
  const articles = drafts.map((draft, index): IngestedArticle => {
    const parsed = frontMatterOf(draft, { index, file, dated, ...printedAs }, context);
    return {
      frontMatter: overrideFields(parsed, fields.overrides.get(index)),
      body: bodyToMarkdown(draft.blocks),
      text: draft.blocks.map((b) => b.text).join('\n'),
      slugTitle: parsed.title,
    };
  });
  const review = reviewNotes({
    text,
    drafts,
    articles: articles.map((a) => a.frontMatter),
    placedByFallback,
    furniture: furniture.furniture,
    date: dated,
    interleaved,
    correctionErrors: errors.filter((e) => e.startsWith('seeds/corrections.yaml')),
  });
  const record = pageRecord(file, dated, furniture, facts, review);
  return { articles, record, warnings: [], errors, dateReason: dated.reason };
}

interface Placement {
  index: number;
  file: string;
  dated: ReturnType<typeof pageDate>;
  edition: string | undefined;
  page: number | undefined;
  /** 版名 as printed in the page's furniture. */
  pageName: string | undefined;
}

function frontMatterOf(draft: DraftArticle, placed: Placement, context: PageContext): ArticleFrontMatter {
  const { index, file, dated, edition, page } = placed;
  const paragraphs = draft.blocks.map((b) => b.text);
  const headline = [draft.kicker, draft.title, draft.subtitle].filter(Boolean).join(' ');
  const byline = draft.bylines.join(' ') || undefined;
  const frontMatter: ArticleFrontMatter = {
    title: draft.title ?? deriveTitle(paragraphs) ?? draft.column ?? '（无题）',
    kind: kindOf(draft, context.vocabulary, placed.pageName),
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
  if (edition) frontMatter.edition = edition;
  if (page) frontMatter.page = page;
  if (draft.continued) frontMatter.continued = draft.continued;
  const places = context.places?.find(`${headline}\n${paragraphs.join('\n')}`) ?? [];
  if (places.length > 0) frontMatter.places = places;
  // A story that names no county-level place but names its townships is filed under their divisions.
  if (frontMatter.regions.length === 0) {
    const regions = places.map((p) => context.places?.regionOf(p.code)).filter((r): r is string => r !== undefined);
    frontMatter.regions = [...new Set(regions)];
  }
  return frontMatter;
}

/** The first printed line under each rule between stories: a story starts there. */
function afterDividers(text: string, dividers: readonly number[]): number[] {
  const lines = text.split('\n');
  return dividers.flatMap((d) => {
    const next = lines.findIndex((l, i) => i >= d && l.trim() !== '');
    return next >= 0 ? [next + 1] : [];
  });
}

function interleaveDetail(sorted: boolean, confidence: number): string {
  const sure = `${Math.round(confidence * 100)}% of its lines placed clearly`;
  return sorted
    ? `two columns read line by line alternately were sorted into their stories (${sure}): check the split`
    : `two columns may be read line by line alternately; kept as printed (${sure}): split them with corrections`;
}

/** The words of the story itself: credits and reporters' names are not what it is about. */
function keywordText(draft: DraftArticle): string {
  return draft.blocks
    .filter((b) => b.type !== 'credit')
    .map((b) => b.text.replace(LEAD, '').replace(TRAILING_BYLINE, '').replace(PHOTO_CREDIT, ''))
    .join('\n');
}

/** A notice names itself in its headline or column, or stands on a page of notices (`法院公告`, `公告栏`). */
function kindOf(draft: DraftArticle, vocabulary: Vocabulary, pageName: string | undefined): ArticleKind {
  if (draft.kind !== 'article') return draft.kind;
  const headline = [draft.kicker, draft.title, draft.subtitle, draft.column, pageName].filter(Boolean).join(' ');
  return vocabulary.noticeWords.some((word) => headline.includes(word)) ? 'notice' : 'article';
}

function mergeAuthors(bylines: string[]) {
  const seen = new Set<string>();
  return bylines
    .flatMap(parseByline)
    .filter((a) => (seen.has(`${a.name}/${a.role}`) ? false : (seen.add(`${a.name}/${a.role}`), true)));
}
