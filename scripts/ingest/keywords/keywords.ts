/**
 * Keywords by TF-IDF as nodejieba computes them (see jieba.ts), with
 * nodejieba's dictionaries, our user dictionary (newspaper terms), every place
 * in the gazetteer as a user word, and our stop words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from '../../../src/schemas/gazetteer.ts';
import { buildTables, createJieba, type JiebaTables } from './jieba.ts';
import { parseWordList } from '../../../src/schemas/wordList.ts';

export const USER_DICT_PATH = fileURLToPath(new URL('../../../data/userdict.txt', import.meta.url));
export const STOP_WORDS_PATH = fileURLToPath(new URL('../../../data/stopwords.txt', import.meta.url));
/** jieba's own dictionaries, as shipped with the nodejieba package (found when asked: only a build reads them). */
export function jiebaDictDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('nodejieba')), 'submodules/cppjieba/dict');
}

export const MAX_KEYWORDS = 8;

/** Keywords that are only numbers, dates or measures say nothing on their own. */
const NUMERIC = /^[\d.,%％+\-~～—年月日号时分秒亿万千百十个余多第]+$/u;

export interface KeywordExtractor {
  extract: (text: string) => string[];
  /** The words of a text as jieba cuts it with our dictionaries (the ingest reads word continuity with it). */
  cut: (text: string) => string[];
}

export function readWordList(path: string): string[] {
  return parseWordList(readFileSync(path, 'utf8'));
}

function readDictionary(path: string): string {
  // A missing dictionary is named here, before anything is parsed.
  if (!existsSync(path)) throw new Error(`${path}: dictionary file is missing`);
  return readFileSync(path, 'utf8');
}

/** The gazetteer's names, added to the dictionary as nodejieba.insertWord would. */
export function gazetteerWords(gazetteer: Gazetteer): string[] {
  const names = gazetteer.regions.flatMap((r) => [r.name, ...r.aliases]);
  return [...names, ...gazetteer.places.map((p) => p.name), ...gazetteer.blockers].filter((name) => name.length > 1);
}

let lastBuilt: { words: string; tables: JiebaTables } | undefined;

/**
 * Compiles jieba's dictionary and HMM model, our user dictionary and the gazetteer's names (a second or two; kept
 * for the process).
 */
export function buildKeywordTables(gazetteer: Gazetteer): JiebaTables {
  const words = gazetteerWords(gazetteer);
  const userDict = readDictionary(USER_DICT_PATH);
  const key = `${userDict}\n\n${words.join('\n')}`;
  if (lastBuilt?.words === key) return lastBuilt.tables;
  const dictDir = jiebaDictDir();
  const tables = buildTables(
    {
      dict: readDictionary(join(dictDir, 'jieba.dict.utf8')),
      userDict,
      idf: readDictionary(join(dictDir, 'idf.utf8')),
      hmm: readDictionary(join(dictDir, 'hmm_model.utf8')),
    },
    words,
  );
  lastBuilt = { words: key, tables };
  return tables;
}

/** The extractor over tables from buildKeywordTables (or saved by parserData.ts). */
export function createKeywordExtractor(tables: JiebaTables): KeywordExtractor {
  const stopWordsText = readDictionary(STOP_WORDS_PATH);
  // jieba's own stop-word check takes the file's lines as they are; ours below skips comments too.
  const jieba = createJieba(tables, new Set(stopWordsText.split('\n')));
  const stopWords = new Set(readWordList(STOP_WORDS_PATH));
  return {
    cut: (text) => jieba.cut(text),
    extract(text) {
      const ranked = jieba.extract(text, MAX_KEYWORDS * 4);
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
