/**
 * Places a caption: in the photo item it belongs to, as photo news of its own (dated and credited), or as a
 * caption of the story it sits in. A credit under it is taken with it.
 */
import { isCreditLine, opensWithDate, photoCreditOf } from '../parse/classify.ts';
import { displayWidth } from '../parse/text.ts';
import type { DraftArticle, Grouping } from './draft.ts';
import type { PageView } from './lookahead.ts';

/** Places the `count` caption units at `index` (and a credit under them); returns the index after them. */
export function placeCaption(g: Grouping, view: PageView, index: number, count: number): number {
  const captionUnits = view.units.slice(index, index + count);
  const text = captionUnits.map((u) => u.text).join('\n');
  const next = view.units[index + count];
  const credit = next && isCreditLine(next.text) ? next : undefined;
  const inlineCredit = photoCreditOf(text);
  const credited = credit !== undefined || inlineCredit !== undefined;
  // Dated, credited photo news stands alone; other captions belong to the story they sit in.
  const standalone = credited && opensWithDate(text) && displayWidth(text) >= 16;
  const current = g.current;
  let article: DraftArticle;
  if (current?.kind === 'photo' && !current.closed) {
    article = current;
    article.blocks.push({ type: 'paragraph', text });
  } else if (standalone || !current || current.closed) {
    article = g.start('photo', g.photoColumn ? { column: g.photoColumn } : {});
    article.blocks.push({ type: 'paragraph', text });
  } else {
    article = current;
    article.blocks.push({ type: 'caption', text });
  }
  g.take(article, ...captionUnits);
  if (article.kind === 'photo' && inlineCredit) {
    article.bylines.push(inlineCredit.credit);
    article.closed = true;
  }
  if (!credit) return index + count;
  article.blocks.push({ type: 'credit', text: credit.text });
  if (article.kind === 'photo') {
    article.bylines.push(credit.text);
    article.closed = true;
  }
  g.take(article, credit);
  return index + count + 1;
}
