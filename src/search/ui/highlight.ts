/**
 * On an article page opened from a search result (…/?hl=钟表产业), marks the
 * terms in the title and body and scrolls to the first. `hl` holds the folded
 * terms the search page matched, so marks land on what the search matched.
 */
import { foldText, needsT2s, parseT2s, type T2s } from '../text/fold.ts';
import { parseQuery } from '../text/query.ts';
import { matchText } from '../text/match.ts';
import { markRanges } from './dom.ts';

export async function highlightArticle(): Promise<number> {
  const hl = new URLSearchParams(location.search).get('hl');
  if (!hl) return 0;
  const terms = parseQuery(hl);
  if (!terms.length) return 0;
  const containers = [...document.querySelectorAll('[data-article-title], [data-article-body]')];
  const allText = containers.map((c) => c.textContent ?? '').join('\n');
  let t2s: T2s | undefined;
  if (needsT2s(allText)) {
    const data = (await import('../../../data/search-t2s.json')) as { default: { pairs: string } };
    t2s = parseT2s(data.default.pairs);
  }
  const marks = containers.flatMap((c) => markRanges(c, matchText(foldText(c.textContent ?? '', t2s), terms).ranges));
  marks[0]?.scrollIntoView({ block: 'center' });
  return marks.length;
}
