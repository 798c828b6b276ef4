/**
 * Places a run of headline units: banners and column names are set apart, and the rest opens an article, a photo
 * item, or is a subhead of the story it sits in, by what the run looks like and what follows it.
 */
import { headingOf, isColumnLabel, isKickerForm, isSubtitleForm } from '../parse/classify.ts';
import { assignHeadline } from '../parse/headline.ts';
import { LAYOUT_BREAK, type Unit } from '../parse/reflow.ts';
import { displayWidth } from '../parse/text.ts';
import type { BlockType, DraftArticle, Grouping } from './draft.ts';
import type { Next, PageView } from './lookahead.ts';

/** Places the run of head units `whole`; `after` is the index of the unit that follows it. */
export function placeHeadRun(g: Grouping, view: PageView, whole: Unit[], after: number): void {
  const next = view.next(after);
  const run = closeWithBanners(g, view, whole);
  // A column's name printed over the headline (社 论, 雁城时评) is the story's column, not its kicker.
  const banners = run.filter((u, k) => view.isBanner(u) || (k === 0 && run.length > 1 && isColumnOver(u, run[1])));
  const lines = run.filter((u) => !banners.includes(u));
  const bannerText = banners.map((u) => u.text).join(' ');
  const current = g.current;
  if (lines.length === 0) {
    // A banner or sponsor line on its own names the column of the story it sits with.
    if (current && current.blocks.length > 0 && !current.column) {
      current.column = bannerText;
      g.take(current, ...banners);
    } else {
      g.pendingColumn = bannerText;
      g.pendingLines.push(...banners.flatMap((u) => u.lines));
    }
    return;
  }
  const article = headedArticle(g, view, run, lines, next, after);
  if (!article) {
    // Subheads introduce the text below them; a line with nothing after it is a cut paragraph.
    const type: BlockType = next === 'prose' ? 'subhead' : 'paragraph';
    for (const unit of lines) current!.blocks.push({ type, text: unit.text });
    g.take(current!, ...run);
    if (banners.length > 0 && !current!.column) current!.column = bannerText;
    return;
  }
  Object.assign(
    article,
    assignHeadline(
      lines.map((u) => u.text),
      view.vocabulary.noticeWords,
    ),
  );
  if (banners.length > 0 && !article.column) article.column = bannerText;
  g.take(article, ...run);
}

/**
 * A column's name over the headline: one that names itself as a column (社 论, 雁城时评), or a label of a few
 * characters over a headline at least twice its length (一家之言 over the commentary it heads).
 */
function isColumnOver(label: Unit, headline: Unit | undefined): boolean {
  if (isColumnLabel(label.text)) return true;
  // A short headline over its `——` subtitle or dedication is a title, not a column.
  if (!headline || isKickerForm(label.text) || headingOf(label.text) || isSubtitleForm(headline.text)) return false;
  const width = displayWidth(label.text);
  return width <= 4 && displayWidth(headline.text) >= 2 * width && !/[，。：]/u.test(label.text);
}

/** Banners printed right under a story (a sponsor line, a hotline) close that story; the rest of the run is a head. */
function closeWithBanners(g: Grouping, view: PageView, whole: Unit[]): Unit[] {
  const current = g.current;
  let leading = 0;
  while (leading < whole.length && view.isBanner(whole[leading])) leading += 1;
  if (!current || current.blocks.length === 0 || leading === 0 || leading === whole.length) return whole;
  const closing = whole.slice(0, leading);
  const text = closing.map((u) => u.text).join(' ');
  if (current.column) current.blocks.push({ type: 'paragraph', text });
  else current.column = text;
  g.take(current, ...closing);
  return whole.slice(leading);
}

/** The article a head opens or belongs to; undefined when the head is a subhead of the open story. */
function headedArticle(
  g: Grouping,
  view: PageView,
  run: Unit[],
  lines: Unit[],
  next: Next,
  after: number,
): DraftArticle | undefined {
  const current = g.current;
  const hasHeading = lines.some((u) => headingOf(u.text));
  const marked = lines.some((u) => isKickerForm(u.text) || isSubtitleForm(u.text));
  const headless =
    current !== undefined &&
    current.kind === 'article' &&
    !current.closed &&
    current.title === undefined &&
    current.blocks.length > 0;
  // A column banner or a byline printed above the headline already opened the article.
  const opened = g.headStart();
  if (opened && opened.title === undefined && opened.kind !== 'brief') return opened;
  if (hasHeading || next === 'byline' || next === 'lead') return g.start('article');
  if (headless && (next === 'end' || next === 'caption' || next === 'credit')) {
    // A headline printed below its story, with only photos after it.
    g.captionsOnly = true;
    return current;
  }
  // Under a 图片新闻 banner each headline opens the next photo, whatever its caption holds.
  if (g.photoColumn && current?.kind === 'photo' && !marked) return g.start('photo', { column: g.photoColumn });
  // A short headline over a caption and its credit (the caption may run to a few paragraphs) is photo news.
  if ((next === 'caption' || (next === 'prose' && view.creditedAhead(after))) && lines.length <= 2 && !marked) {
    return g.start('photo', g.photoColumn ? { column: g.photoColumn } : {});
  }
  const opensStory =
    !current ||
    current.closed ||
    current.kind !== 'article' ||
    marked ||
    (!view.narrow && lines.length > 1) ||
    // Set apart from the text above by a wider gap than paragraphs are, a headline opens a story of its own.
    run[0].gapBefore >= (view.narrow ? LAYOUT_BREAK : 2);
  return opensStory ? g.start('article') : undefined;
}
