/**
 * The keyword port must give exactly what nodejieba gives: same cuts, same
 * top words, same weights, ties included. nodejieba stays installed for its
 * dictionary files, so it serves as the reference here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/schemas/gazetteer.ts';
import {
  buildTables,
  createJieba,
  deserializeTables,
  partialSort,
  serializeTables,
  utf8Order,
} from '../../scripts/ingest/keywords/jieba.ts';
import {
  buildKeywordTables,
  gazetteerWords,
  jiebaDictDir,
  STOP_WORDS_PATH,
  USER_DICT_PATH,
} from '../../scripts/ingest/keywords/keywords.ts';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;
const FIXTURES = new URL('../fixtures/pages/', import.meta.url).pathname;
const hmm = readFileSync(join(jiebaDictDir(), 'hmm_model.utf8'), 'utf8');

function paragraphs(): string[] {
  const pages = [
    ...readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => join(SEEDS, f)),
    join(FIXTURES, 'untrusted-page.txt'),
  ];
  const mixed = 'GDP增长6.5%，iPhone15和5G基站在2024年投用。衡阳市委书记到衡阳县、南岳区调研😀表情𠀋字。';
  return [...pages.flatMap((p) => readFileSync(p, 'utf8').split(/\n{2,}/u)), mixed];
}

describe('keyword port', () => {
  it('cuts and extracts exactly as nodejieba does with the same dictionaries and inserted words', () => {
    const words = gazetteerWords(loadGazetteer());
    nodejieba.load({ userDict: USER_DICT_PATH, stopWordDict: STOP_WORDS_PATH });
    for (const word of words) nodejieba.insertWord(word);
    const stop = new Set(readFileSync(STOP_WORDS_PATH, 'utf8').split('\n'));
    const jieba = createJieba(buildKeywordTables(loadGazetteer()), stop);
    const texts = paragraphs();
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      expect(jieba.cut(text)).toEqual(nodejieba.cut(text, true));
      expect(jieba.extract(text, 32)).toEqual(nodejieba.extract(text, 32));
    }
  });

  it('loads saved tables to the same results, and refuses bytes that are not tables', () => {
    const tables = buildTables(
      { dict: '衡阳 10 ns\n衡阳市 20 ns\n市 5 n\n召开 8 v\n', userDict: '全市\n', idf: '衡阳市 9.5\n', hmm },
      [],
    );
    const loaded = deserializeTables(serializeTables(tables));
    expect(loaded).toBeDefined();
    const text = '衡阳市召开会议，全市参加。';
    expect(createJieba(loaded!, new Set()).extract(text, 5)).toEqual(createJieba(tables, new Set()).extract(text, 5));
    expect(deserializeTables(new Uint8Array(16))).toBeUndefined();
    expect(deserializeTables(new TextEncoder().encode('not a table at all, just some text here'))).toBeUndefined();
  });

  it('weighs user words without a frequency at the median, and lets an inserted word win', () => {
    const dict = '甲乙 1 n\n丙 100 n\n丁 1000 n\n';
    const plain = createJieba(buildTables({ dict, userDict: '', idf: 'x 1\n', hmm }, []), new Set());
    expect(plain.cut('甲乙丙')).toEqual(['甲乙', '丙']);
    // 乙丙 takes the median weight (丙's): 甲|乙丙 then ties 甲乙|丙, and the first, shorter candidate wins.
    const inserted = createJieba(buildTables({ dict, userDict: '', idf: 'x 1\n', hmm }, ['乙丙']), new Set());
    expect(inserted.cut('甲乙丙')).toEqual(['甲', '乙丙']);
  });
});

describe('partial sort', () => {
  it('keeps the k heaviest, heaviest first', () => {
    const items = [3, 9, 1, 7, 5, 8].map((weight, i) => ({ word: `w${i}`, weight }));
    expect(partialSort(items, 3).map((k) => k.weight)).toEqual([9, 8, 7]);
    expect(partialSort(items, 0)).toEqual([]);
    expect(partialSort(items, 6).map((k) => k.weight)).toEqual([9, 8, 7, 5, 3, 1]);
  });
});

describe('UTF-8 order', () => {
  it('sorts a character beyond the BMP after one in the private-use area, as bytes do', () => {
    expect(['𠀋', '\ue000', 'a'].sort(utf8Order)).toEqual(['a', '\ue000', '𠀋']);
    expect(utf8Order('衡阳', '衡阳市')).toBeLessThan(0);
  });
});
