/**
 * What an editor should look at on a parsed page: a title the ingest had to derive, a line no rule placed,
 * lines set apart as furniture, a date that was inferred or not found, a news item filed under no region, a fix
 * that no longer matches. Each note carries the source lines it is about, so the report needs nothing else.
 */
import type { ArticleFrontMatter } from '../../../src/schemas/articleContract.ts';
import type { FurnitureLine, ReviewNote } from '../../../src/schemas/pageRecord.ts';
import type { DraftArticle } from '../group/splitPage.ts';

export interface PageReviewInput {
  text: string;
  drafts: readonly DraftArticle[];
  articles: readonly ArticleFrontMatter[];
  placedByFallback: readonly number[];
  furniture: readonly FurnitureLine[];
  date: { date: string | null; source?: string; reason: string };
  interleaved: readonly { lines: number[]; detail: string }[];
  correctionErrors: readonly string[];
}

/** At most this many source lines are kept with a note about a whole item: enough to recognise it. */
const ITEM_LINES = 6;
const NEWS_KINDS = new Set(['article', 'brief', 'photo']);

export function reviewNotes(input: PageReviewInput): ReviewNote[] {
  const printed = input.text.split('\n');
  const source = (numbers: readonly number[]) =>
    [...numbers]
      .sort((a, b) => a - b)
      .map((line) => ({ line, text: printed[line - 1]?.trim() ?? '' }))
      .filter((l) => l.text !== '');
  const notes: ReviewNote[] = [];
  const item = (index: number) => ({ item: index, title: input.articles[index]?.title ?? '' });

  if (input.date.date === null) notes.push({ reason: 'no-date', detail: input.date.reason, lines: [] });
  else if (input.date.source === 'inferred')
    notes.push({ reason: 'inferred-date', detail: input.date.reason, lines: [] });
  if (input.furniture.length > 0) {
    notes.push({
      reason: 'furniture',
      detail: `${input.furniture.length} lines set apart as page furniture`,
      lines: [...input.furniture],
    });
  }
  for (const stretch of input.interleaved)
    notes.push({ reason: 'interleaved', detail: stretch.detail, lines: source(stretch.lines) });
  for (const message of input.correctionErrors) notes.push({ reason: 'stale-correction', detail: message, lines: [] });

  input.drafts.forEach((draft, index) => {
    const first = source(draft.lines).slice(0, ITEM_LINES);
    if (draft.title === undefined) {
      notes.push({
        ...item(index),
        reason: 'derived-title',
        detail: 'no headline was printed: the title comes from the text',
        lines: first,
      });
    }
    const article = input.articles[index];
    if (article && NEWS_KINDS.has(article.kind) && article.regions.length === 0) {
      notes.push({ ...item(index), reason: 'no-region', detail: 'no place of the gazetteer is named', lines: first });
    }
    const fallback = draft.lines.filter((l) => input.placedByFallback.includes(l));
    if (fallback.length > 0) {
      notes.push({
        ...item(index),
        reason: 'placed-by-fallback',
        detail: 'no rule placed these lines: they were put in the nearest item',
        lines: source(fallback),
      });
    }
  });
  return notes;
}
