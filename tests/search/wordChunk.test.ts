/**
 * The pack's word chunks: Pagefind's words re-cut by the indexer, read back by
 * the same reader as Pagefind's own chunks (the frozen fixture's, and invented ones).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_DIR } from '../../scripts/tools/fixtures/pagefindFixture.ts';
import { chunksFor, parseWordChunk } from '../../src/search/pagefind/format.ts';
import { inflate } from '../../src/search/pagefind/inflate.ts';
import { cutChunks, encodeWordChunk, textWords, type PackedWord } from '../../src/search/pagefind/wordChunk.ts';

const fixtureChunks = readdirSync(join(FIXTURE_DIR, 'index')).map((f) =>
  inflate(new Uint8Array(readFileSync(join(FIXTURE_DIR, 'index', f)))),
);

const word = (text: string, locations: number): PackedWord => ({
  word: text,
  pages: [{ page: 0, locs: Array.from({ length: locations }, () => 1) }],
  locations,
});

describe('pack word chunks', () => {
  test('Pagefind indexes metadata values as words; the pack keeps only words found in some text', () => {
    const all = fixtureChunks.flatMap((bytes) => parseWordChunk(bytes));
    const kept = fixtureChunks.flatMap((bytes) => textWords(bytes));
    // The fixture's titles are metadata too: whole titles are words with no text location.
    expect(all.some((w) => w.word === '雁峰区复工复产' && w.postings.length === 0)).toBe(true);
    expect(kept.map((w) => w.word)).not.toContain('雁峰区复工复产');
    expect(kept.map((w) => w.word)).toEqual(all.filter((w) => w.postings.length > 0).map((w) => w.word));
  });

  test('a re-encoded chunk reads back with the same postings, weights and list counts', () => {
    for (const bytes of fixtureChunks) {
      const original = parseWordChunk(bytes).filter((w) => w.postings.length > 0);
      expect(parseWordChunk(encodeWordChunk(textWords(bytes)))).toEqual(original);
    }
  });

  test('chunks hold about the given number of locations; a larger word is a chunk by itself', () => {
    const words = [word('一二', 3), word('一三', 4), word('二三', 10), word('三四', 2), word('四五', 2)];
    const chunks = cutChunks(words, 6);
    expect(chunks.map((c) => c.words.map((w) => w.word))).toEqual([['一二'], ['一三'], ['二三'], ['三四', '四五']]);
    expect(chunks.map((c) => [c.from, c.to])).toEqual([
      ['一二', '一二'],
      ['一三', '一三'],
      ['二三', '二三'],
      ['三四', '四五'],
    ]);
    expect(chunks.flatMap((c) => c.words)).toEqual(words);
  });

  test('a chunk never ends on a word the next one starts with, so a token is sent to the one chunk holding it', () => {
    const words = ['工', '工人', '工作', '工业', '工业园', '工厂'].sort().map((w) => word(w, 5));
    const cut = cutChunks(words, 5);
    expect(cut.map((c) => c.words.map((w) => w.word))).toEqual([
      ['工', '工业', '工业园'],
      ['工人'],
      ['工作'],
      ['工厂'],
    ]);
    const chunks = cut.map((c) => ({ from: c.from, to: c.to, hash: c.from }));
    for (const w of words) {
      const holder = cut.find((c) => c.words.includes(w))?.from;
      expect(chunksFor(chunks, w.word, false).map((c) => c.hash)).toEqual([holder]);
    }
    expect(chunksFor(chunks, '工', true)).toHaveLength(4);
  });
});
