/**
 * The query syntax on top of plain terms (src/search/text/query.ts):
 *
 *   - words separated by spaces must all occur (the default: each word is
 *     looked for as a phrase, and articles holding it verbatim rank first, but
 *     articles holding only its characters nearby are listed after them);
 *   - `"…"` (or `“…”`) must occur verbatim, spaces inside ignored;
 *   - `-词` must not occur verbatim.
 */
import type { T2s } from './fold.ts';
import { parseQuery, type QueryTerm } from './query.ts';

export interface ParsedQuery {
  /** Terms every result holds; in `exact` those it must hold verbatim. */
  terms: QueryTerm[];
  /** Folded forms of the terms that must occur verbatim. */
  exact: Set<string>;
  /** Terms no result may hold verbatim. */
  excluded: QueryTerm[];
}

const PIECE = /["“”]([^"“”]*)["“”]?|(\S+)/gu;

export function parseSearchQuery(query: string, t2s?: T2s): ParsedQuery {
  const positive: string[] = [];
  const exactRaw: string[] = [];
  const negative: string[] = [];
  for (const match of query.replaceAll('\u3000', ' ').matchAll(PIECE)) {
    const quoted = match[1];
    const word = match[2] ?? '';
    if (quoted !== undefined) {
      const phrase = quoted.replace(/\s+/gu, '');
      if (phrase) exactRaw.push(phrase);
    } else if (word.length > 1 && (word.startsWith('-') || word.startsWith('－'))) negative.push(word.slice(1));
    else positive.push(word);
  }
  const exactTerms = parseQuery(exactRaw.join(' '), t2s);
  const terms = parseQuery([...exactRaw, ...positive].join(' '), t2s);
  const exact = new Set(exactTerms.map((t) => t.folded));
  const kept = new Set(terms.map((t) => t.folded));
  const excluded = parseQuery(negative.join(' '), t2s).filter((t) => !kept.has(t.folded));
  return { terms, exact, excluded };
}
