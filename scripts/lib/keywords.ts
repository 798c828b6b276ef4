/**
 * Keywords by TF-IDF with nodejieba, using our user dictionary (newspaper
 * terms plus every place in the gazetteer) and our stop words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import type { Gazetteer } from '../../src/lib/gazetteer.ts';

export const USER_DICT_PATH = fileURLToPath(new URL('../../data/userdict.txt', import.meta.url));
export const STOP_WORDS_PATH = fileURLToPath(new URL('../../data/stopwords.txt', import.meta.url));

export const MAX_KEYWORDS = 8;

/** Keywords that are only numbers, dates or measures say nothing on their own. */
const NUMERIC = /^[\d.,%％+\-~～—年月日号时分秒亿万千百十个余多第]+$/u;

export interface KeywordExtractor {
  extract(text: string): string[];
}

export function readWordList(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

let loaded = false;

/**
 * Loads nodejieba once with our dictionaries. nodejieba aborts the whole
 * process on a missing dictionary path, so paths are checked first.
 */
export function createKeywordExtractor(gazetteer: Gazetteer): KeywordExtractor {
  for (const path of [USER_DICT_PATH, STOP_WORDS_PATH]) {
    if (!existsSync(path)) throw new Error(`${path}: dictionary file is missing`);
  }
  const stopWords = new Set(readWordList(STOP_WORDS_PATH));
  if (!loaded) {
    nodejieba.load({ userDict: USER_DICT_PATH, stopWordDict: STOP_WORDS_PATH });
    const names = gazetteer.regions.flatMap((r) => [r.name, ...r.aliases]);
    for (const name of [...names, ...gazetteer.places.map((p) => p.name), ...gazetteer.blockers]) {
      if (name.length > 1) nodejieba.insertWord(name);
    }
    loaded = true;
  }
  return {
    extract(text) {
      const ranked = nodejieba.extract(text, MAX_KEYWORDS * 4);
      const seen = new Set<string>();
      return ranked
        .map(({ word, weight }) => ({ word: word.trim(), weight }))
        .filter(
          ({ word }) =>
            word.length > 1 && !stopWords.has(word) && !NUMERIC.test(word) && !/^[\x20-\x7e]{1,2}$/u.test(word),
        )
        .sort((a, b) => b.weight - a.weight || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
        .filter(({ word }) => (seen.has(word) ? false : (seen.add(word), true)))
        .slice(0, MAX_KEYWORDS)
        .map(({ word }) => word);
    },
  };
}
