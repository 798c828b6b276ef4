import { describe, expect, test } from 'vitest';
import { fallbackKeywords } from '../../scripts/indexer/fallbackKeywords.ts';
import { readWordList, STOP_WORDS_PATH, USER_DICT_PATH } from '../../scripts/ingest/keywords/keywords.ts';

const article = {
  title: '雁峰区举行检察开放日活动',
  body: '记者介绍，雁峰区检察院举行检察开放日活动，邀请人大代表走进检察院。检察开放日上，检察官介绍了公益诉讼工作。2020年3月9日。',
};

describe('the indexer’s fallback keywords', () => {
  test('keep our user dictionary’s terms whole (native nodejieba splits 检察开放日)', () => {
    const userWords = new Set(readWordList(USER_DICT_PATH).map((line) => line.split(/\s+/u)[0]));
    expect(userWords.has('检察开放日')).toBe(true);
    const keywords = fallbackKeywords(article);
    expect(keywords).toContain('检察开放日');
    expect(keywords).not.toContain('开放日');
  });

  test('never offer our stop words, numbers or dates', () => {
    const stopWords = new Set(readWordList(STOP_WORDS_PATH));
    const keywords = fallbackKeywords(article);
    expect(keywords.length).toBeGreaterThan(0);
    for (const word of ['记者', '介绍', '活动', '工作']) expect(stopWords.has(word)).toBe(true);
    for (const word of keywords) {
      expect(stopWords.has(word), word).toBe(false);
      expect(word, word).not.toMatch(/^[\d年月日]+$/u);
    }
  });

  test('know the gazetteer’s places as words', () => {
    expect(fallbackKeywords(article)).toContain('雁峰区');
  });
});
