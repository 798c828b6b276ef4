/**
 * The second pass's working state: the articles a page is being grouped into, the one still open, and what the
 * banners over the page say about the items below them. Every unit of the page is taken by exactly one article.
 */
import { CONTINUATION, TRAILING_BYLINE } from '../parse/classify.ts';
import type { Unit } from '../parse/reflow.ts';

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

export class Grouping {
  readonly articles: DraftArticle[] = [];
  current: DraftArticle | undefined;
  /** A 简讯 banner covers the items under it. */
  briefColumn: string | undefined;
  /** A 图片新闻 banner covers every photo under it until the next story. */
  photoColumn: string | undefined;
  /** Lines of a banner waiting for the story it names. */
  pendingLines: number[] = [];
  pendingColumn: string | undefined;
  /** After a headline printed below its body, what remains of the article is captions. */
  captionsOnly = false;

  start(kind: DraftArticle['kind'], init: Partial<DraftArticle> = {}): DraftArticle {
    const article: DraftArticle = {
      kind,
      bylines: [],
      blocks: [],
      lines: [...this.pendingLines],
      closed: false,
      ...init,
    };
    if (this.pendingColumn && !article.column) article.column = this.pendingColumn;
    this.pendingLines = [];
    this.pendingColumn = undefined;
    this.captionsOnly = false;
    this.articles.push(article);
    this.current = article;
    return article;
  }

  /** The article still open, or a new one. */
  open(): DraftArticle {
    return this.current && !this.current.closed ? this.current : this.start('article');
  }

  /** The open article when nothing but its head has been read yet. */
  headStart(): DraftArticle | undefined {
    const article = this.current;
    return article !== undefined && !article.closed && article.blocks.length === 0 ? article : undefined;
  }

  take(article: DraftArticle, ...taken: Unit[]): void {
    for (const unit of taken) article.lines.push(...unit.lines);
  }

  addParagraph(article: DraftArticle, unit: Unit): void {
    this.take(article, unit);
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

  /** A banner left over at the foot of the page goes to the last article (or one of its own). */
  finish(): DraftArticle[] {
    if (this.pendingLines.length > 0) {
      const column = this.pendingColumn;
      const last = this.articles.at(-1) ?? this.start('article', { title: column ?? '' });
      last.lines.push(...this.pendingLines);
      if (column && !last.column) last.column = column;
    }
    return this.articles;
  }
}
