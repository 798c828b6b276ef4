/**
 * What the units ahead on the page are, read without placing them: whether a unit is a caption (and how many
 * units it spans), a run of headline units, a banner, and what kind of unit follows a head.
 */
import {
  columnNameOf,
  headingOf,
  isBannerText,
  isBriefItem,
  isBylineLine,
  isCaptionNote,
  isCreditLine,
  isHeadlineLike,
  isKickerForm,
  isLead,
  isSubtitleForm,
  namesNotice,
  photoCreditOf,
} from '../parse/classify.ts';
import type { LineForm } from '../parse/labels/lineForms.ts';
import { LAYOUT_BREAK, type Reflowed, type Unit } from '../parse/reflow.ts';
import { displayWidth } from '../parse/text.ts';
import type { Vocabulary } from '../parse/vocabulary.ts';
import type { BlockType } from './draft.ts';

/** Units whose printed form makes them body text, and the block each becomes: never a head. */
export const FORM_BLOCKS: Partial<Record<LineForm, BlockType>> = {
  table: 'table',
  verse: 'verse',
  signature: 'paragraph',
  contact: 'paragraph',
  clause: 'paragraph',
  salutation: 'paragraph',
  body: 'paragraph',
  caption: 'caption',
};

export type Next = 'byline' | 'lead' | 'credit' | 'brief' | 'caption' | 'prose' | 'end';

export class PageView {
  readonly units: Unit[];
  readonly narrow: boolean;
  readonly vocabulary: Vocabulary;
  /** Units of blocks (printed with no blank line between them) that hold nothing but heads: slogans, banners. */
  readonly #headBlocks = new Set<Unit>();

  constructor(page: Reflowed, vocabulary: Vocabulary) {
    this.units = page.units;
    this.narrow = page.narrow;
    this.vocabulary = vocabulary;
    const starts = this.units.map((u, i) => (i === 0 || u.gapBefore > 0 ? i : -1)).filter((i) => i >= 0);
    starts.forEach((start, k) => {
      const block = this.units.slice(start, starts[k + 1] ?? this.units.length);
      // A block with a kicker or a `——` subtitle in it is a headline's decks, not a slogan.
      const decks = block.some((u) => isKickerForm(u.text) || isSubtitleForm(u.text));
      if (!decks && block.every((u) => isHeadlineLike(u.text))) for (const u of block) this.#headBlocks.add(u);
    });
  }

  /** What kind of unit stands at `index`, as a head's follower. */
  next(index: number): Next {
    const unit = this.units[index];
    if (!unit) return 'end';
    if (isCreditLine(unit.text)) return 'credit';
    if (isBylineLine(unit.text)) return 'byline';
    if (isLead(unit.text)) return 'lead';
    if (isBriefItem(unit.text)) return 'brief';
    if ((this.narrow && unit.wide) || this.captionLength(index) > 0) return 'caption';
    return 'prose';
  }

  /**
   * Whether the text from `index` on is a photo's caption: a few paragraphs, then a photo credit, before any
   * headline, byline or dateline.
   */
  creditedAhead(index: number): boolean {
    for (let k = index; k < this.units.length && k < index + 4; k += 1) {
      const text = this.units[k].text;
      if (isCreditLine(text) || (photoCreditOf(text)?.index ?? 0) > 0) return true;
      if (isLead(text) || isBylineLine(text) || isBriefItem(text) || headingOf(text)) return false;
      if (k > index && this.headRunAt(k).length > 0) return false;
    }
    return false;
  }

  /** How many units from `index` form a caption (0 when it is not one). */
  captionLength(index: number): number {
    const { units, vocabulary } = this;
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
    return /[。！？]$/u.test(text) && displayWidth(text) <= 24 && this.headRunAt(index + 1).length > 0 ? 1 : 0;
  }

  isBanner(unit: Unit): boolean {
    const text = unit.text;
    if (displayWidth(text) > 40 || /[。；]/u.test(text) || namesNotice(text, this.vocabulary)) return false;
    if (isBannerText(text, this.vocabulary)) return true;
    return !this.narrow && unit.blockSize > 1 && this.#headBlocks.has(unit) && !/[，、：“”！？]/u.test(text);
  }

  /** The headline-like units starting at `index`: kicker, title, subtitle, banners. */
  headRunAt(index: number): Unit[] {
    const run: Unit[] = [];
    for (let i = index; i < this.units.length && run.length < 5; i += 1) {
      const unit = this.units[i];
      const heading = headingOf(unit.text);
      if (unit.form && FORM_BLOCKS[unit.form]) break;
      if (heading && columnNameOf(unit.text, this.vocabulary)) break;
      if (heading && run.some((u) => headingOf(u.text))) break;
      const headish =
        heading !== undefined ||
        isKickerForm(unit.text) ||
        isSubtitleForm(unit.text) ||
        isHeadlineLike(unit.text) ||
        this.isBanner(unit);
      if (!headish || (run.length > 0 && this.captionLength(i) > 0)) break;
      run.push(unit);
    }
    return run;
  }
}
