/**
 * Splits a reflowed page into articles.
 *
 * A page is read top to bottom. Headline blocks (kicker, title, subtitle),
 * bylines and datelines open articles; 简讯 items (▲) and photo news open
 * short ones; subheads, captions and photo credits stay inside the article
 * they belong to. Every unit of the page lands in exactly one article.
 */
import {
  CONTINUATION,
  artworkCredit,
  LEAD,
  TRAILING_BYLINE,
  columnNameOf,
  headingOf,
  isBannerText,
  isBriefItem,
  isBylineLine,
  isCaptionNote,
  isColumnLabel,
  namesNotice,
  isContinuationLine,
  isCreditLine,
  isHeadlineLike,
  isKickerForm,
  isLead,
  isSignature,
  isSubtitleForm,
  opensWithDate,
  photoCreditOf,
} from './classify.ts';
import { assignHeadline } from './headline.ts';
import { isClauseStart, type LineForm } from './labels/lineForms.ts';
import { FULL_DATE } from './labels/runningHead.ts';
import { LAYOUT_BREAK, type Reflowed, type Unit } from './reflow.ts';
import { displayWidth } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

export type BlockType = 'paragraph' | 'subhead' | 'caption' | 'credit' | 'verse' | 'table';

export interface BodyBlock {
  type: BlockType;
  text: string;
}

export interface DraftArticle {
  kicker?: string;
  title?: string;
  subtitle?: string;
  column?: string;
  kind: 'article' | 'brief' | 'photo';
  /** Bylines as printed, in page order. */
  bylines: string[];
  blocks: BodyBlock[];
  continued?: string;
  /** Source line numbers this article was built from. */
  lines: number[];
  /** A brief closed by its reporters' names, a photo by its credit: what follows is new. */
  closed: boolean;
}

const FORM_BLOCKS: Partial<Record<LineForm, BlockType>> = {
  table: 'table',
  verse: 'verse',
  signature: 'paragraph',
  contact: 'paragraph',
  clause: 'paragraph',
  salutation: 'paragraph',
};

type Next = 'byline' | 'lead' | 'credit' | 'brief' | 'caption' | 'prose' | 'end';

/** `startsAt`: lines an editor says start a new item (seeds/corrections.yaml). */
export function splitPage(
  page: Reflowed,
  vocabulary: Vocabulary,
  startsAt: ReadonlySet<number> = new Set(),
): DraftArticle[] {
  const { units, narrow } = page;
  const articles: DraftArticle[] = [];
  let current: DraftArticle | undefined;
  let briefColumn: string | undefined;
  /** A 图片新闻 banner covers every photo under it until the next story. */
  let photoColumn: string | undefined;
  let pendingLines: number[] = [];
  let pendingColumn: string | undefined;
  /** After a headline printed below its body, what remains of the article is captions. */
  let captionsOnly = false;

  const start = (kind: DraftArticle['kind'], init: Partial<DraftArticle> = {}): DraftArticle => {
    const article: DraftArticle = { kind, bylines: [], blocks: [], lines: [...pendingLines], closed: false, ...init };
    if (pendingColumn && !article.column) article.column = pendingColumn;
    pendingLines = [];
    pendingColumn = undefined;
    captionsOnly = false;
    articles.push(article);
    current = article;
    return article;
  };
  const open = (): DraftArticle => (current && !current.closed ? current : start('article'));
  const take = (article: DraftArticle, ...taken: Unit[]) => {
    for (const unit of taken) article.lines.push(...unit.lines);
  };
  const isHeadStart = (article: DraftArticle | undefined) =>
    article !== undefined && !article.closed && article.blocks.length === 0;

  const classifyNext = (index: number): Next => {
    const unit = units[index];
    if (!unit) return 'end';
    if (isCreditLine(unit.text)) return 'credit';
    if (isBylineLine(unit.text)) return 'byline';
    if (isLead(unit.text)) return 'lead';
    if (isBriefItem(unit.text)) return 'brief';
    if ((narrow && unit.wide) || captionLength(index) > 0) return 'caption';
    return 'prose';
  };

  /** How many units from `index` form a caption (0 when it is not one). */
  const captionLength = (index: number): number => {
    const unit = units[index];
    const text = unit.text;
    if (isLead(text) || isBriefItem(text) || isBylineLine(text) || headingOf(text)) return 0;
    const inline = photoCreditOf(text);
    if (inline && inline.index > 0) return 1;
    // Text with a photo credit right under it is that photo's caption.
    if (isCreditLine(units[index + 1]?.text ?? '') && displayWidth(text) <= 200) return 1;
    if (isCaptionNote(text, vocabulary)) return 1;
    // A block printed together with a note such as `(资料图片)` is a caption.
    if (unit.blockSize > 1 && unit.gapBefore > 0) {
      const block = units.slice(index, index + unit.blockSize);
      if (block.some((u) => isCaptionNote(u.text, vocabulary))) return block.length;
    }
    if (unit.gapBefore < LAYOUT_BREAK || displayWidth(text) > 120) return 0;
    const next = units[index + 1];
    if (!next || next.gapBefore >= LAYOUT_BREAK || isCreditLine(next.text)) return 1;
    // A short line alone in its layout region, right before a new headline, is a photo's caption.
    return /[。！？]$/u.test(text) && displayWidth(text) <= 24 && headRunAt(index + 1).length > 0 ? 1 : 0;
  };

  // Blocks (units printed with no blank line between them) in which every unit reads as a head: slogans, banners.
  const blockStarts = units.map((u, i) => (i === 0 || u.gapBefore > 0 ? i : -1)).filter((i) => i >= 0);
  const headBlocks = new Set<Unit>();
  blockStarts.forEach((start, k) => {
    const block = units.slice(start, blockStarts[k + 1] ?? units.length);
    if (block.every((u) => isHeadlineLike(u.text))) for (const u of block) headBlocks.add(u);
  });
  const headsOnly = (unit: Unit) => headBlocks.has(unit);

  const isBanner = (unit: Unit): boolean =>
    displayWidth(unit.text) <= 40 &&
    !/[。；]/u.test(unit.text) &&
    !namesNotice(unit.text, vocabulary) &&
    (isBannerText(unit.text, vocabulary) ||
      (!narrow && unit.blockSize > 1 && headsOnly(unit) && !/[，、：“”！？]/u.test(unit.text)));

  /** The headline-like units starting at `index`: kicker, title, subtitle, banners. */
  const headRunAt = (index: number): Unit[] => {
    const run: Unit[] = [];
    for (let i = index; i < units.length && run.length < 5; i += 1) {
      const unit = units[i];
      const heading = headingOf(unit.text);
      if (unit.form && FORM_BLOCKS[unit.form]) break;
      if (heading && columnNameOf(unit.text, vocabulary)) break;
      if (heading && run.some((u) => headingOf(u.text))) break;
      const headish =
        heading !== undefined ||
        isKickerForm(unit.text) ||
        isSubtitleForm(unit.text) ||
        isHeadlineLike(unit.text) ||
        isBanner(unit);
      if (!headish || (run.length > 0 && captionLength(i) > 0)) break;
      run.push(unit);
    }
    return run;
  };

  for (let i = 0; i < units.length;) {
    const unit = units[i];
    const text = unit.text;
    if (current && startsAt.has(unit.lines[0])) {
      current.closed = true;
      captionsOnly = false;
    }

    // Tables, stanzas, signatures, contact lines and numbered clauses are body text by their form: never a head.
    const bodyForm = unit.form && FORM_BLOCKS[unit.form];
    if (bodyForm && !(unit.form === 'clause' && !current)) {
      const article = open();
      article.blocks.push({ type: bodyForm, text });
      take(article, unit);
      // A notice ends with who issued it and when: the date under it signs it off. A letter ends with its writer.
      if (unit.form === 'signature' && FULL_DATE.test(text)) article.closed = true;
      if (unit.form === 'signature' && isSignature(text)) article.bylines.push(text);
      i += 1;
      continue;
    }

    const column = columnNameOf(text, vocabulary);
    if (column) {
      if (column.photo) {
        take(start('photo', { column: column.name }), unit);
        photoColumn = column.name;
        briefColumn = undefined;
      } else {
        briefColumn = column.name;
        pendingLines.push(...unit.lines);
      }
      i += 1;
      continue;
    }

    // A numbered heading (`## 一、…`) inside a story is one of its sections, not a story of its own.
    const heading = headingOf(text);
    if (heading && isClauseStart(heading.text) && current && !current.closed && current.blocks.length > 0) {
      current.blocks.push({ type: 'subhead', text: heading.text });
      take(current, unit);
      i += 1;
      continue;
    }

    const artwork = artworkCredit(text);
    if (artwork) {
      // A photograph or a calligraphy printed with its title and maker is an item of its own.
      const byline = artwork.medium === '摄影' ? `${artwork.credit} 摄` : artwork.credit;
      const item = start('photo', { title: artwork.title, bylines: [byline], closed: true });
      item.blocks.push({ type: 'caption', text });
      take(item, unit);
      i += 1;
      continue;
    }

    if (isContinuationLine(text)) {
      if (/上接|接上|紧接|接第/u.test(text)) {
        // Printed under a headline and byline, the marker belongs to that story; elsewhere it starts one.
        const article = isHeadStart(current) && current!.kind === 'article' ? current! : start('article');
        article.continued = text;
        take(article, unit);
      } else {
        const article = current ?? start('article');
        article.continued = text;
        take(article, unit);
      }
      i += 1;
      continue;
    }

    if (isBriefItem(text)) {
      const brief = start('brief', briefColumn ? { column: briefColumn } : {});
      addParagraph(brief, unit);
      i += 1;
      continue;
    }

    if (isCreditLine(text)) {
      const article = current ?? start('photo');
      article.blocks.push({ type: 'credit', text });
      if (article.kind === 'photo') {
        article.bylines.push(text);
        article.closed = true;
      }
      take(article, unit);
      i += 1;
      continue;
    }

    if (isBylineLine(text)) {
      const article = isHeadStart(current) ? current! : start('article');
      article.bylines.push(text);
      take(article, unit);
      i += 1;
      continue;
    }

    if (isLead(text)) {
      // Under a 简讯 banner, a `本报讯` item is a brief like the ▲ items around it.
      const article =
        isHeadStart(current) && current!.kind !== 'brief'
          ? current!
          : briefColumn
            ? start('brief', { column: briefColumn })
            : start('article');
      const dateline = LEAD.exec(text)?.[0] ?? '';
      if (article.bylines.length === 0 || /[（(]/u.test(dateline)) article.bylines.push(dateline);
      addParagraph(article, unit);
      i += 1;
      continue;
    }

    const byline = TRAILING_BYLINE.exec(text);
    if (byline?.index === 0 && current) {
      // Reporters' names on a line of their own close the item above them.
      current.bylines.push(text);
      if (current.kind === 'brief') current.closed = true;
      take(current, unit);
      i += 1;
      continue;
    }

    if (captionsOnly && current) {
      current.blocks.push({ type: 'caption', text });
      take(current, unit);
      i += 1;
      continue;
    }

    if (!(current?.kind === 'photo')) photoColumn = undefined;
    const captionUnits = captionLength(i);
    if (captionUnits > 0) {
      i = placeCaption(i, captionUnits);
      continue;
    }

    const run = headRunAt(i);
    if (run.length > 0) {
      placeHeadRun(run, classifyNext(i + run.length));
      i += run.length;
      continue;
    }

    addParagraph(open(), unit);
    i += 1;
  }

  if (pendingLines.length > 0) {
    const last = articles.at(-1) ?? start('article', { title: pendingColumn ?? '' });
    last.lines.push(...pendingLines);
    if (pendingColumn && !last.column) last.column = pendingColumn;
  }
  return articles;

  function addParagraph(article: DraftArticle, unit: Unit): void {
    take(article, unit);
    const text = unit.text;
    // A marker printed inside a paragraph is noted, and stays in the paragraph as printed.
    const continuation = CONTINUATION.exec(text);
    if (continuation && (continuation.index === 0 || continuation.index + continuation[0].length === text.length)) {
      article.continued ??= continuation[0];
      // A story that goes on elsewhere (`（下转第2版）` at the paragraph's end) has ended on this page.
      if (continuation.index > 0 && /下转|转下|转第/u.test(continuation[0])) article.closed = true;
    }
    const trailing = TRAILING_BYLINE.exec(text);
    if (trailing) {
      if (article.bylines.length === 0 || article.kind === 'brief') article.bylines.push(trailing[0]);
      // Reporters' names at the end of a paragraph sign the item off: what follows is another story.
      article.closed = true;
    }
    article.blocks.push({ type: 'paragraph', text });
  }

  function placeCaption(index: number, count: number): number {
    const captionUnits = units.slice(index, index + count);
    const text = captionUnits.map((u) => u.text).join('\n');
    const next = units[index + count];
    const credit = next && isCreditLine(next.text) ? next : undefined;
    const inlineCredit = photoCreditOf(text);
    const credited = credit !== undefined || inlineCredit !== undefined;
    // Dated, credited photo news stands alone; other captions belong to the story they sit in.
    const standalone = credited && opensWithDate(text) && displayWidth(text) >= 16;
    let article: DraftArticle;
    if (current?.kind === 'photo' && !current.closed) {
      article = current;
      article.blocks.push({ type: 'paragraph', text });
    } else if (standalone || !current || current.closed) {
      article = start('photo', photoColumn ? { column: photoColumn } : {});
      article.blocks.push({ type: 'paragraph', text });
    } else {
      article = current;
      article.blocks.push({ type: 'caption', text });
    }
    take(article, ...captionUnits);
    if (article.kind === 'photo' && inlineCredit) {
      article.bylines.push(inlineCredit.credit);
      article.closed = true;
    }
    if (credit) {
      article.blocks.push({ type: 'credit', text: credit.text });
      if (article.kind === 'photo') {
        article.bylines.push(credit.text);
        article.closed = true;
      }
      take(article, credit);
      return index + count + 1;
    }
    return index + count;
  }

  function placeHeadRun(whole: Unit[], next: Next): void {
    // Banners printed right under a story (a sponsor line, a hotline) close that story.
    let leading = 0;
    while (leading < whole.length && isBanner(whole[leading])) leading += 1;
    const run =
      current && current.blocks.length > 0 && leading > 0 && leading < whole.length ? whole.slice(leading) : whole;
    if (run !== whole) {
      const closing = whole.slice(0, leading);
      const text = closing.map((u) => u.text).join(' ');
      if (current!.column) current!.blocks.push({ type: 'paragraph', text });
      else current!.column = text;
      take(current!, ...closing);
    }
    // A column's name printed over the headline (社 论, 雁城时评) is the story's column, not its kicker.
    const banners = run.filter((u, k) => isBanner(u) || (k === 0 && run.length > 1 && isColumnLabel(u.text)));
    const lines = run.filter((u) => !banners.includes(u));
    const bannerText = banners.map((u) => u.text).join(' ');
    if (lines.length === 0) {
      // A banner or sponsor line on its own names the column of the story it sits with.
      if (current && current.blocks.length > 0 && !current.column) {
        current.column = bannerText;
        take(current, ...banners);
      } else {
        pendingColumn = bannerText;
        pendingLines.push(...banners.flatMap((u) => u.lines));
      }
      return;
    }
    const hasHeading = lines.some((u) => headingOf(u.text));
    const marked = lines.some((u) => isKickerForm(u.text) || isSubtitleForm(u.text));
    const headless =
      current !== undefined &&
      current.kind === 'article' &&
      !current.closed &&
      current.title === undefined &&
      current.blocks.length > 0;

    // A column banner or a byline printed above the headline already opened the article.
    const opened = isHeadStart(current) && current!.title === undefined && current!.kind !== 'brief';
    let article: DraftArticle;
    if (opened) {
      article = current!;
    } else if (hasHeading || next === 'byline' || next === 'lead') {
      article = start('article');
    } else if (headless && (next === 'end' || next === 'caption' || next === 'credit')) {
      // A headline printed below its story, with only photos after it.
      article = current!;
      captionsOnly = true;
    } else if (photoColumn && current?.kind === 'photo' && !marked) {
      // Under a 图片新闻 banner each headline opens the next photo, whatever its caption holds.
      article = start('photo', { column: photoColumn });
    } else if (next === 'caption' && lines.length <= 2 && !marked) {
      // A short headline over a caption and its credit is photo news.
      article = start('photo', photoColumn ? { column: photoColumn } : {});
    } else if (
      !current ||
      current.closed ||
      current.kind !== 'article' ||
      marked ||
      (!narrow && lines.length > 1) ||
      // Set apart from the text above by a wider gap than paragraphs are, a headline opens a story of its own.
      run[0].gapBefore >= (narrow ? LAYOUT_BREAK : 2)
    ) {
      article = start('article');
    } else {
      // Subheads introduce the text below them; a line with nothing after it is a cut paragraph.
      const type: BlockType = next === 'prose' ? 'subhead' : 'paragraph';
      for (const unit of lines) current.blocks.push({ type, text: unit.text });
      take(current, ...run);
      if (banners.length > 0 && !current.column) current.column = bannerText;
      return;
    }
    Object.assign(
      article,
      assignHeadline(
        lines.map((u) => u.text),
        vocabulary.noticeWords,
      ),
    );
    if (banners.length > 0 && !article.column) article.column = bannerText;
    take(article, ...run);
  }
}
