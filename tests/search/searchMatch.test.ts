import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../src/search/text/query.ts';
import { findTerm, matchText, mergeRanges } from '../../src/search/text/match.ts';
import { alignedTerms } from '../../src/search/pagefind/postings.ts';
import { excerpt, segments } from '../../src/search/text/excerpt.ts';
import { compareHits, type RankedHit } from '../../src/search/rank.ts';

describe('positions', () => {
  const [term] = parseQuery('钟表产业');
  const on = (positions: Record<string, number[]>) =>
    new Map(Object.entries(positions).map(([t, p]) => [t, { positions: p, listed: 0, weighted: 0 }]));
  test('the cover bigrams at their offsets mean a verbatim phrase', () => {
    expect(alignedTerms(on({ 钟表: [7], 产业: [9] }), [term])).toBe(1);
  });
  test('the same bigrams elsewhere do not', () => {
    expect(alignedTerms(on({ 钟表: [7], 产业: [12] }), [term])).toBe(0);
  });
  test('counts each of several terms', () => {
    const terms = parseQuery('钟表 产业');
    expect(alignedTerms(on({ 钟表: [3], 产业: [40] }), terms)).toBe(2);
  });
});

describe('text', () => {
  test('findTerm finds every occurrence, regex characters included', () => {
    expect(findTerm('a.*b a.*b', 'a.*b')).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });
  test('verbatim terms are marked whole; a missing term is marked by the pieces that matched', () => {
    const m = matchText('钟表厂的产业，钟表', parseQuery('钟表产业'));
    expect(m.verbatim).toBe(0);
    expect(m.ranges).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
      { start: 7, end: 9 },
    ]);
    expect(matchText('发展钟表产业', parseQuery('钟表产业')).ranges).toEqual([{ start: 2, end: 6 }]);
  });
  test('mergeRanges joins overlaps', () => {
    expect(
      mergeRanges([
        { start: 3, end: 5 },
        { start: 0, end: 4 },
        { start: 9, end: 10 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 9, end: 10 },
    ]);
  });
});

describe('excerpt', () => {
  test('segments alternate marked and plain text', () => {
    expect(segments('abcdef', [{ start: 1, end: 3 }])).toEqual([
      { text: 'a', mark: false },
      { text: 'bc', mark: true },
      { text: 'def', mark: false },
    ]);
  });
  test('a long text is cut around the match, with ellipses', () => {
    const text = `${'甲'.repeat(200)}钟表产业${'乙'.repeat(200)}`;
    const out = excerpt(text, [{ start: 200, end: 204 }], 40);
    expect(out[0]).toEqual({ text: '…', mark: false });
    expect(out.at(-1)).toEqual({ text: '…', mark: false });
    expect(out.filter((s) => s.mark).map((s) => s.text)).toEqual(['钟表产业']);
    expect(out.map((s) => s.text).join('').length).toBe(42);
  });
});

describe('compareHits', () => {
  const hit = (id: string, over: Partial<RankedHit>) => ({
    id,
    verbatim: 1,
    verified: true,
    shard: 0,
    score: 1,
    recency: 0,
    ...over,
  });
  const order = (hits: ReturnType<typeof hit>[], sort: 'relevance' | 'date') =>
    [...hits].sort((a, b) => compareHits(a, b, sort)).map((h) => h.id);
  test('more verbatim terms first, whatever the shard or score', () => {
    const hits = [hit('partial', { verbatim: 0, score: 9 }), hit('old', { shard: 3, score: 0.1 })];
    expect(order(hits, 'relevance')).toEqual(['old', 'partial']);
  });
  test('within a tier, newer shards first, then the score', () => {
    const hits = [hit('older', { shard: 1, score: 9 }), hit('low', { score: 1 }), hit('high', { score: 2 })];
    expect(order(hits, 'relevance')).toEqual(['high', 'low', 'older']);
  });
  test('sorting by date orders by recency within a shard', () => {
    const hits = [hit('old', { recency: 5, score: 9 }), hit('new', { recency: 0, score: 1 })];
    expect(order(hits, 'date')).toEqual(['new', 'old']);
    expect(order(hits, 'relevance')).toEqual(['old', 'new']);
  });
});
