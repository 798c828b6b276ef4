/**
 * A hit checked against its article's text (the fragment): the page's title,
 * excerpt and marks come from the same match.
 */
import { foldText, type T2s } from './text/fold.ts';
import { matchText, type Range } from './text/match.ts';
import { excerpt, segments } from './text/excerpt.ts';
import { decodeSections } from './text/tokens.ts';
import type { ShardReader } from './shard.ts';
import type { Hit, SearchResponse } from './fetch/response.ts';

/**
 * Checks a hit on its article's text and fills in what the page shows: how many
 * terms it holds verbatim, whether the query syntax rejects it, the title and excerpt with marks.
 */
export async function verifyHit(hit: Hit, response: SearchResponse, t2s: T2s | undefined): Promise<void> {
  const terms = response.terms;
  const fragment = await hit.reader.fragment(hit.page);
  const [titleText = '', body = ''] = decodeSections(fragment.content);
  const text = `${titleText}\n${body}`;
  const match = matchText(text, terms);
  hit.rejected =
    terms.some((t) => response.exact.has(t.folded) && matchText(text, [t]).verbatim < 1) ||
    response.excluded.some((t) => matchText(text, [t]).verbatim > 0);
  const bodyRanges: Range[] = match.ranges
    .filter((r) => r.end > titleText.length + 1)
    .map((r) => ({ start: Math.max(0, r.start - titleText.length - 1), end: r.end - titleText.length - 1 }));
  const title = fragment.meta.title ?? titleText;
  hit.verbatim = match.verbatim;
  hit.verified = true;
  hit.detail = {
    url: fragment.url,
    title,
    titleSegments: segments(title, matchText(foldText(title, t2s), terms).ranges),
    excerpt: excerpt(body, bodyRanges),
    date: fragment.meta.date ?? '',
    regions: (fragment.meta.regions ?? '').split(',').filter(Boolean),
    kind: fragment.meta.kind ?? '',
  };
}

/** Starts loading the hits' fragments, a shard's in one request where its host allows. */
export async function prefetchFragments(hits: readonly Hit[]): Promise<void> {
  const byReader = new Map<ShardReader, number[]>();
  for (const hit of hits) byReader.set(hit.reader, [...(byReader.get(hit.reader) ?? []), hit.page]);
  await Promise.all([...byReader].map(([reader, pages]) => reader.prefetch(pages)));
}
