/**
 * Pagefind's word chunks as the indexer re-cuts them for a shard's pack
 * (scripts/indexer/searchPack.ts): the same layout `parseWordChunk` reads,
 * written back with only what the browser searches. Since 1.5 Pagefind also
 * indexes every `data-pagefind-meta` value (whole titles, regions, dates) as
 * words with metadata locations only; the browser never searches those, and
 * they filled chunks that a prefix token then had to download.
 */
import { encodeCbor } from './cbor.ts';
import { DECODED_MARK, eachWord } from './format.ts';

/** One word with the pages holding it in the text, locations packed as Pagefind packs them. */
export interface PackedWord {
  word: string;
  pages: { page: number; locs: number[] }[];
  /** How many locations it has in all (weight markers not counted). */
  locations: number;
}

/** The words of an inflated chunk that occur in some page's text; metadata-only pages and words left out. */
export function textWords(bytes: Uint8Array): PackedWord[] {
  const words: PackedWord[] = [];
  eachWord(bytes, (word, reader) => {
    const pages = reader.value() as [number, number[], ...unknown[]][];
    let page = 0;
    const kept: PackedWord['pages'] = [];
    for (const [delta, locs] of pages) {
      page += delta;
      if (locs.length) kept.push({ page, locs });
    }
    const locations = kept.reduce((sum, p) => sum + p.locs.filter((l) => l >= 0).length, 0);
    if (kept.length) words.push({ word, pages: kept, locations });
  });
  return words;
}

/** An index chunk of these words (sorted, as Pagefind sorts them), inflated: the mark, then CBOR. */
export function encodeWordChunk(words: readonly PackedWord[]): Uint8Array {
  const cbor = encodeCbor([
    words.map((w) => {
      let previous = 0;
      const pages = w.pages.map(({ page, locs }) => {
        const entry = [page - previous, locs];
        previous = page;
        return entry;
      });
      return [w.word, pages];
    }),
  ]);
  const mark = new TextEncoder().encode(DECODED_MARK);
  const out = new Uint8Array(mark.length + cbor.length);
  out.set(mark);
  out.set(cbor, mark.length);
  return out;
}

/**
 * Sorted words cut into chunks of about `locations` locations each (a word
 * holding more is a chunk by itself), each with its exact first and last word.
 * `chunksFor` reads a chunk's last word as "and any word starting with it" (how
 * Pagefind shortens bounds), so a chunk never ends on a word the next word
 * starts with: then a token is sent to no chunk that cannot hold it, where
 * Pagefind's bounds (a chunk ending at "工" before one starting at "工业") made
 * a query fetch both.
 */
export function cutChunks(
  words: readonly PackedWord[],
  locations: number,
): { from: string; to: string; words: PackedWord[] }[] {
  const chunks: { from: string; to: string; words: PackedWord[] }[] = [];
  let current: PackedWord[] = [];
  let size = 0;
  const close = () => {
    if (current.length) chunks.push({ from: current[0].word, to: current[current.length - 1].word, words: current });
    current = [];
    size = 0;
  };
  for (const word of words) {
    const last = current[current.length - 1];
    if (size > 0 && size + word.locations > locations && !word.word.startsWith(last.word)) close();
    current.push(word);
    size += word.locations;
  }
  close();
  return chunks;
}
