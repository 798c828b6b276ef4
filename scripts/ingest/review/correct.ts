/**
 * Applies an editor's fixes (seeds/corrections.yaml, see corrections.ts) to a parsed page: merges of one item
 * with the next and field overrides. Splits and furniture act earlier, on the reflow and the furniture pass.
 */
import type { ArticleFrontMatter } from '../../../src/schemas/articleContract.ts';
import type { Correction, FieldOverrides } from './corrections.ts';
import type { DraftArticle } from '../group/splitPage.ts';

export function draftHolding(drafts: readonly DraftArticle[], line: number): number {
  return drafts.findIndex((d) => d.lines.includes(line));
}

/** Merges, in page order; a message for each fix that names no item or has no item after it. */
export function applyMerges(drafts: DraftArticle[], fixes: readonly Correction[], file: string): string[] {
  const errors: string[] = [];
  for (const fix of fixes) {
    if (!('merge' in fix)) continue;
    const at = draftHolding(drafts, fix.line);
    const where = `seeds/corrections.yaml: ${file} line ${fix.line}`;
    if (at < 0) errors.push(`${where}: no item holds this line, so there is nothing to merge`);
    else if (at === drafts.length - 1) errors.push(`${where}: the item holding this line is the page's last`);
    else {
      const [next] = drafts.splice(at + 1, 1);
      const into = drafts[at];
      into.blocks.push(...next.blocks);
      into.lines.push(...next.lines);
      into.bylines.push(...next.bylines.filter((b) => !into.bylines.includes(b)));
      into.continued ??= next.continued;
    }
  }
  return errors;
}

/** The field overrides for each item (by its index), and a message for each fix that names no item. */
export function fieldOverrides(
  drafts: readonly DraftArticle[],
  fixes: readonly Correction[],
  file: string,
): { overrides: Map<number, FieldOverrides>; errors: string[] } {
  const overrides = new Map<number, FieldOverrides>();
  const errors: string[] = [];
  for (const fix of fixes) {
    if (!('set' in fix)) continue;
    const at = draftHolding(drafts, fix.line);
    if (at < 0) errors.push(`seeds/corrections.yaml: ${file} line ${fix.line}: no item holds this line`);
    else overrides.set(at, { ...overrides.get(at), ...fix.set });
  }
  return { overrides, errors };
}

export function overrideFields(frontMatter: ArticleFrontMatter, set: FieldOverrides | undefined): ArticleFrontMatter {
  if (!set) return frontMatter;
  const fixed: ArticleFrontMatter = { ...frontMatter, ...set };
  // A date the editor gives is stated, like the manifest's.
  if (set.date) Object.assign(fixed, { dateInferred: false, dateSource: 'manifest' });
  return fixed;
}
