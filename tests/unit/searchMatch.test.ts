import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../src/lib/search/query.ts';
import { findTerm, matchText, mergeRanges, termsAtPositions } from '../../src/lib/search/match.ts';
import { excerpt, segments } from '../../src/lib/search/excerpt.ts';
import { rank } from '../../src/lib/search/rank.ts';

describe('positions', () => {
  const [term] = parseQuery('钟表产业');
  test('the cover bigrams at their offsets mean a verbatim phrase', () => {
    expect(termsAtPositions([7, 9], [term])).toBe(1);
  });
  test('the same bigrams elsewhere do not', () => {
    expect(termsAtPositions([7, 12], [term])).toBe(0);
  });
  test('counts each of several terms', () => {
    const terms = parseQuery('钟表 产业');
    expect(termsAtPositions([3, 40], terms)).toBe(2);
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

describe('rank', () => {
  test('more verbatim terms first, then the incoming order', () => {
    const ranked = rank([
      { id: 'a', verbatim: 0, order: 0 },
      { id: 'b', verbatim: 1, order: 2 },
      { id: 'c', verbatim: 1, order: 1 },
    ]);
    expect(ranked.map((r) => r.id)).toEqual(['c', 'b', 'a']);
  });
});
