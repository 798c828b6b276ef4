import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { foldChar, foldText, needsT2s, parseT2s, T2S_KEYS_IN_GB2312 } from '../../src/search/text/fold.ts';
import { decodeSections, decodeTokens, indexTokens, SECTION_MARK } from '../../src/search/text/tokens.ts';
import { coverIndexes, pagefindQuery, parseQuery } from '../../src/search/text/query.ts';

const table = parseT2s((JSON.parse(readFileSync('data/search-t2s.json', 'utf8')) as { pairs: string }).pairs);

describe('fold', () => {
  test('folds traditional to simplified, full-width letters and digits, keeps punctuation', () => {
    expect(foldText('鐘錶產業', table)).toBe('钟表产业');
    expect(foldText('ＧＤＰ增長１２％，', table)).toBe('gdp增长12％，');
    expect(foldChar('著', table)).toBe('著');
    expect(foldChar('么', table)).toBe('么');
  });
  test('keeps the UTF-16 length of any text', () => {
    const text = '𠮷野家ＡＢ鐘①㎡ İ';
    expect(foldText(text, table)).toHaveLength(text.length);
  });
  test('T2S_KEYS_IN_GB2312 lists exactly the table keys GB2312 holds', () => {
    const decoder = new TextDecoder('gb2312');
    const gb = new Set<string>();
    for (let hi = 0xb0; hi <= 0xf7; hi++)
      for (let lo = 0xa1; lo <= 0xfe; lo++) gb.add(decoder.decode(new Uint8Array([hi, lo])));
    expect([...table.keys()].filter((k) => gb.has(k)).join('')).toBe(T2S_KEYS_IN_GB2312);
  });
  test('needsT2s only for text that may hold traditional characters', () => {
    expect(needsT2s('钟表产业 abc')).toBe(false);
    expect(needsT2s('鐘錶')).toBe(true);
    expect(needsT2s('之後')).toBe(true);
  });
});

describe('tokens', () => {
  test('hanzi runs become overlapping bigrams plus the last character; other runs stay whole', () => {
    expect(indexTokens('钟表产业，GDP 3.5亿')).toEqual(['钟表', '表产', '产业', '业', '，GDP', '3.5', '亿']);
  });
  test('hanzi runs continue across spaces but not line breaks', () => {
    expect(indexTokens('衡阳 日报\n社')).toEqual(['衡阳', '阳日', '日报', '报', '社']);
  });
  test('decoding restores the text without whitespace next to hanzi', () => {
    const text = '本报讯 记者从市发改委获悉，截至目前1049户企业复工。hello world';
    expect(decodeTokens(indexTokens(text))).toBe('本报讯记者从市发改委获悉，截至目前1049户企业复工。hello world');
  });
  test('sections split on the mark with or without the dot Pagefind adds', () => {
    const content = `钟表 表 ${SECTION_MARK}. 产业 业 ${SECTION_MARK} 衡南 南`;
    expect(decodeSections(content)).toEqual(['钟表', '产业', '衡南']);
  });
});

describe('query', () => {
  test('space-separated terms, folded, deduplicated', () => {
    const terms = parseQuery('鐘錶產業  钟表产业 衡南', table);
    expect(terms.map((t) => t.folded)).toEqual(['钟表产业', '衡南']);
  });
  test('a term is queried by a cover of its bigrams with their offsets', () => {
    const [term] = parseQuery('衡阳日报社记者');
    expect(term?.tokens).toEqual(['衡阳', '日报', '社记', '记者']);
    expect(term?.offsets).toEqual([0, 2, 4, 5]);
    expect(term?.pieces).toHaveLength(6);
  });
  test('one hanzi stays one token; punctuation-only terms vanish', () => {
    expect(parseQuery('钟 ，，')).toMatchObject([{ tokens: ['钟'], offsets: [0] }]);
  });
  test('mixed terms keep Latin tokens in place', () => {
    expect(parseQuery('5G基站')[0]).toMatchObject({ tokens: ['5g', '基站'], offsets: [0, 1] });
  });
  test('the Pagefind query lists each token once', () => {
    expect(pagefindQuery(parseQuery('产业 产业链'))).toBe('产业 业链');
  });
  test('cover keeps every other bigram of a chain and its last', () => {
    expect(
      coverIndexes(
        ['ab', 'bc', 'cd', 'de', 'ef'].map((s) => s.replace(/./gu, '字')),
        [0, 1, 2, 3, 4],
      ),
    ).toEqual([0, 2, 4]);
    expect(coverIndexes(['字字', '字字', '字字', '字字'], [0, 1, 2, 3])).toEqual([0, 2, 3]);
  });
});
