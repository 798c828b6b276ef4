import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../src/search/text/querySyntax.ts';

describe('parseSearchQuery', () => {
  it('keeps plain words as terms that need not be verbatim', () => {
    const q = parseSearchQuery('衡阳 日报');
    expect(q.terms.map((t) => t.folded)).toEqual(['衡阳', '日报']);
    expect(q.exact.size).toBe(0);
    expect(q.excluded).toEqual([]);
  });

  it('makes a quoted phrase a term that must be verbatim, spaces inside dropped', () => {
    const q = parseSearchQuery('"衡阳 日报" 记者');
    expect(q.terms.map((t) => t.folded)).toEqual(['衡阳日报', '记者']);
    expect([...q.exact]).toEqual(['衡阳日报']);
  });

  it('accepts Chinese quotation marks and an unclosed quote', () => {
    expect([...parseSearchQuery('“雁峰区”').exact]).toEqual(['雁峰区']);
    expect([...parseSearchQuery('"石鼓').exact]).toEqual(['石鼓']);
  });

  it('excludes a word after a minus, half- or full-width, and folds it', () => {
    const q = parseSearchQuery('衡阳 -體育 －天气');
    expect(q.terms.map((t) => t.folded)).toEqual(['衡阳']);
    expect(q.excluded.map((t) => t.raw)).toEqual(['體育', '天气']);
  });

  it('treats a lone minus as a word, and never excludes a term also asked for', () => {
    expect(parseSearchQuery('- 衡阳').excluded).toEqual([]);
    const q = parseSearchQuery('衡阳 -衡阳');
    expect(q.terms.map((t) => t.folded)).toEqual(['衡阳']);
    expect(q.excluded).toEqual([]);
  });

  it('leaves no terms for a query of exclusions only', () => {
    expect(parseSearchQuery('-体育').terms).toEqual([]);
  });
});
