/**
 * Nothing printed is lost: every line of a page ends up in an article or in its page record. Rules place almost
 * every line; a line none of them placed goes into the nearest article as a paragraph of its own (and the review
 * report says so), and whatever is still missing after that is an error of the run.
 */
import type { DraftArticle } from './group/splitPage.ts';
import { squash } from './parse/text.ts';

/**
 * The lines (1-based) not found, white space aside, in the article that took them (title, kicker, subtitle,
 * column, byline, continuation note, body or caption). `recorded` lines belong to the page record.
 */
export function missingLines(
  text: string,
  drafts: readonly DraftArticle[],
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

/**
 * Puts each missing line into the article that holds the nearest line printed before it (after it, for lines
 * above the first article), as a paragraph as printed. Returns the lines so placed. A page with no article at all
 * gets one, so that its text is still published.
 */
export function placeMissingLines(text: string, drafts: DraftArticle[], missing: readonly number[]): number[] {
  if (missing.length === 0) return [];
  const printed = text.split('\n');
  if (drafts.length === 0) drafts.push({ kind: 'article', bylines: [], blocks: [], lines: [], closed: false });
  const nearest = (line: number): DraftArticle => {
    let best = drafts[0];
    let bestDistance = Infinity;
    for (const draft of drafts) {
      for (const own of draft.lines) {
        // Lines before the missing one are preferred: a stray line most often ends what is above it.
        const distance = own <= line ? line - own : (own - line) * 2;
        if (distance < bestDistance) [best, bestDistance] = [draft, distance];
      }
    }
    return best;
  };
  for (const line of missing) {
    const draft = nearest(line);
    draft.blocks.push({ type: 'paragraph', text: printed[line - 1].trim() });
    if (!draft.lines.includes(line)) draft.lines.push(line);
  }
  return [...missing];
}
