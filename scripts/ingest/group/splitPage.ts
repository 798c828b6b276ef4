/**
 * The second pass: groups a page's labelled, reflowed units into articles, top to bottom. Each unit goes to the
 * first rule below that takes it; a unit no rule takes is a paragraph of the open story. Headline blocks, bylines
 * and datelines open articles; 简讯 items and photo news open short ones; subheads, captions and credits stay in
 * the article they belong to. Every unit of the page lands in exactly one article.
 */
import {
  LEAD,
  TRAILING_BYLINE,
  artworkCredit,
  columnNameOf,
  headingOf,
  isBriefItem,
  isBylineLine,
  isContinuationLine,
  isCreditLine,
  isLead,
  isSignature,
} from '../parse/classify.ts';
import { isClauseStart } from '../parse/labels/lineForms.ts';
import { FULL_DATE } from '../parse/labels/runningHead.ts';
import type { Reflowed } from '../parse/reflow.ts';
import type { Vocabulary } from '../parse/vocabulary.ts';
import { Grouping, type DraftArticle } from './draft.ts';
import { FORM_BLOCKS, PageView } from './lookahead.ts';
import { placeCaption } from './placeCaption.ts';
import { placeHeadRun } from './placeHeadRun.ts';

export type { BlockType, BodyBlock, DraftArticle } from './draft.ts';

/** A rule takes the unit at `i` (and maybe more) and returns the index after what it took, or declines. */
type Rule = (g: Grouping, view: PageView, i: number) => number | undefined;

/** `startsAt`: lines an editor says start a new item (seeds/corrections.yaml). */
export function splitPage(
  page: Reflowed,
  vocabulary: Vocabulary,
  startsAt: ReadonlySet<number> = new Set(),
): DraftArticle[] {
  const g = new Grouping();
  const view = new PageView(page, vocabulary);
  for (let i = 0; i < view.units.length;) {
    if (g.current && startsAt.has(view.units[i].lines[0])) {
      g.current.closed = true;
      g.captionsOnly = false;
    }
    let next: number | undefined;
    for (const rule of RULES) if ((next = rule(g, view, i)) !== undefined) break;
    if (next === undefined) {
      g.addParagraph(g.open(), view.units[i]);
      next = i + 1;
    }
    i = next;
  }
  return g.finish();
}

/** Tables, stanzas, signatures, contact lines and numbered clauses are body text by their form: never a head. */
const bodyForm: Rule = (g, { units }, i) => {
  const next = units[i + 1];
  const unit = units[i];
  const type = unit.form && FORM_BLOCKS[unit.form];
  if (!type || (unit.form === 'clause' && !g.current)) return undefined;
  const article = g.open();
  article.blocks.push({ type, text: unit.text });
  g.take(article, unit);
  // A notice ends with who issued it (and when): the last signature line under it signs it off. A letter ends
  // with its writer.
  if (unit.form === 'signature' && (FULL_DATE.test(unit.text) || next?.form !== 'signature')) article.closed = true;
  if (unit.form === 'signature' && isSignature(unit.text)) article.bylines.push(unit.text);
  return i + 1;
};

/** A 简讯 or 图片新闻 banner covers the items under it. */
const columnBanner: Rule = (g, { units, vocabulary }, i) => {
  const column = columnNameOf(units[i].text, vocabulary);
  if (!column) return undefined;
  if (column.photo) {
    g.take(g.start('photo', { column: column.name }), units[i]);
    g.photoColumn = column.name;
    g.briefColumn = undefined;
  } else {
    g.briefColumn = column.name;
    g.pendingLines.push(...units[i].lines);
  }
  return i + 1;
};

/**
 * A numbered heading (`## 一、…`) or one labelled with a word and a colon (`## 破题：…`) inside a story is one of its
 * sections, not a story of its own.
 */
const numberedSection: Rule = (g, { units }, i) => {
  const heading = headingOf(units[i].text);
  const current = g.current;
  const section = heading && (isClauseStart(heading.text) || /^[\u4e00-\u9fff]{2,4}[：:]/u.test(heading.text));
  if (!section || !current || current.closed || current.blocks.length === 0) {
    return undefined;
  }
  current.blocks.push({ type: 'subhead', text: heading.text });
  g.take(current, units[i]);
  return i + 1;
};

/** A photograph or a calligraphy printed with its title and maker is an item of its own. */
const artwork: Rule = (g, { units }, i) => {
  const work = artworkCredit(units[i].text);
  if (!work) return undefined;
  const byline = work.medium === '摄影' ? `${work.credit} 摄` : work.credit;
  const item = g.start('photo', { title: work.title, bylines: [byline], closed: true });
  item.blocks.push({ type: 'caption', text: units[i].text });
  g.take(item, units[i]);
  return i + 1;
};

/** `（上接第一版）` under a headline and byline belongs to that story; elsewhere it starts one. `（下转…）` ends one. */
const continuation: Rule = (g, { units }, i) => {
  const text = units[i].text;
  if (!isContinuationLine(text)) return undefined;
  const head = g.headStart();
  const article = /上接|接上|紧接|接第/u.test(text)
    ? head?.kind === 'article'
      ? head
      : g.start('article')
    : (g.current ?? g.start('article'));
  article.continued = text;
  g.take(article, units[i]);
  return i + 1;
};

const briefItem: Rule = (g, { units }, i) => {
  if (!isBriefItem(units[i].text)) return undefined;
  g.addParagraph(g.start('brief', g.briefColumn ? { column: g.briefColumn } : {}), units[i]);
  return i + 1;
};

/** A photo credit on its own line closes the photo above it. */
const credit: Rule = (g, { units }, i) => {
  const text = units[i].text;
  if (!isCreditLine(text)) return undefined;
  const article = g.current ?? g.start('photo');
  article.blocks.push({ type: 'credit', text });
  if (article.kind === 'photo') {
    article.bylines.push(text);
    article.closed = true;
  }
  g.take(article, units[i]);
  return i + 1;
};

const byline: Rule = (g, { units }, i) => {
  if (!isBylineLine(units[i].text)) return undefined;
  const article = g.headStart() ?? g.start('article');
  article.bylines.push(units[i].text);
  g.take(article, units[i]);
  return i + 1;
};

/** A dateline opens a report; under a 简讯 banner, a `本报讯` item is a brief like the ▲ items around it. */
const lead: Rule = (g, { units }, i) => {
  const text = units[i].text;
  if (!isLead(text)) return undefined;
  const head = g.headStart();
  const article =
    head && head.kind !== 'brief'
      ? head
      : g.briefColumn
        ? g.start('brief', { column: g.briefColumn })
        : g.start('article');
  const dateline = LEAD.exec(text)?.[0] ?? '';
  if (article.bylines.length === 0 || /[（(]/u.test(dateline)) article.bylines.push(dateline);
  g.addParagraph(article, units[i]);
  return i + 1;
};

/** Reporters' names on a line of their own close the item above them. */
const trailingByline: Rule = (g, { units }, i) => {
  const current = g.current;
  if (!current || TRAILING_BYLINE.exec(units[i].text)?.index !== 0) return undefined;
  current.bylines.push(units[i].text);
  if (current.kind === 'brief') current.closed = true;
  g.take(current, units[i]);
  return i + 1;
};

/** After a headline printed below its story, what is left of it is captions. */
const captionsOnly: Rule = (g, { units }, i) => {
  if (!g.captionsOnly || !g.current) return undefined;
  g.current.blocks.push({ type: 'caption', text: units[i].text });
  g.take(g.current, units[i]);
  return i + 1;
};

const caption: Rule = (g, view, i) => {
  if (g.current?.kind !== 'photo') g.photoColumn = undefined;
  const count = view.captionLength(i);
  return count > 0 ? placeCaption(g, view, i, count) : undefined;
};

const headRun: Rule = (g, view, i) => {
  const run = view.headRunAt(i);
  if (run.length === 0) return undefined;
  placeHeadRun(g, view, run, i + run.length);
  return i + run.length;
};

const RULES: Rule[] = [
  bodyForm,
  columnBanner,
  numberedSection,
  artwork,
  continuation,
  briefItem,
  credit,
  byline,
  lead,
  trailingByline,
  captionsOnly,
  caption,
  headRun,
];
