/**
 * Keyword extraction by TF-IDF exactly as nodejieba's `extract` computes it
 * (cppjieba's MixSegment and KeywordExtractor, ported step by step), over
 * the same dictionary files, but with the dictionary compiled into flat typed
 * arrays that can be saved and loaded in milliseconds. nodejieba builds its
 * dictionary trie twice on every load (about two seconds), which made the
 * keyword step the floor of every ingest that parses even one page. The HMM
 * model and the lookup shortcuts are compiled with the dictionary, so a
 * process that parses a few pages reads them instead of building them.
 *
 * What the port keeps from cppjieba, since any of it changes keywords:
 * - words are weighed log(freq / total); user words without a frequency and
 *   inserted words take the median weight; a later entry for a word wins;
 * - the segmenter splits at space, tab, newline, ， and 。, cuts each piece by
 *   the most probable route through the dictionary DAG (ties: the first,
 *   shortest candidate), then re-cuts runs of single characters with the
 *   B/E/M/S hidden Markov model (ASCII letters and numbers kept whole);
 * - keywords skip one-character words and stop words, weigh term frequency
 *   times IDF (the average IDF for unknown words), and take the top N with
 *   libstdc++'s partial_sort over words in UTF-8 byte order, ties included.
 */

const MIN_DOUBLE = -3.14e100;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const NODE = 1;
const WORD = 2;
const IDF = 4;
/** A trie node with longer words below it. */
const CHILD = 8;
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
/** A character beyond the BMP (the text is made well-formed before it is cut, so every surrogate is in a pair). */
const ASTRAL = /[\u{10000}-\u{10ffff}]/u;
const FORMAT = 5;
/** cppjieba's MAX_WORD_LENGTH, in runes. */
const MAX_WORD_LENGTH = 512;

/**
 * The dictionary compiled: an open-addressing hash table of every word, every
 * prefix of a word and every IDF entry. Kept small, since a run that parses a
 * few pages spends more time reading these arrays than using them.
 */
export interface JiebaTables {
  minWeight: number;
  idfAverage: number;
  /**
   * Open addressing by the key's FNV-1a hash, linear probing, a power of two of slots. A slot holds the entry
   * number + 1 (0: empty) in its low bits, as many as the entry count needs, and the same high bits as the key's
   * hash, so a probe rejects another key without reading it.
   */
  slots: Uint32Array;
  keyStart: Uint32Array;
  /** Key length in UTF-16 units (low 16 bits) and flags (above). */
  meta: Uint32Array;
  /** A word's weight, as its number in `weights` (a dictionary has a few thousand different ones). */
  weightIds: Uint16Array | Uint32Array;
  weights: Float64Array;
  /** An IDF entry's value, as its number in `idfs`. */
  idfIds: Uint16Array | Uint32Array;
  idfs: Float64Array;
  /** Every key's UTF-16 code units; a prefix shares its word's. */
  pool: Uint16Array;
  /** Single characters of the user dictionary: never re-cut by the HMM. */
  userSingles: Uint32Array;
  /** The entry of each one-unit key by its code unit, -1 for none: the commonest lookup, without hashing. */
  single: Int32Array;
  /** The HMM's start log-probabilities, for B, E, M and S. */
  hmmStart: Float64Array;
  /** The HMM's transition log-probabilities, `[from * 4 + to]`. */
  hmmTrans: Float64Array;
  /** Emission log-probabilities, four a row (B, E, M, S); row 0, all MIN_DOUBLE, is a rune's without any. */
  emitRows: Float64Array;
  /** The row of each rune in the BMP, by code point. */
  emitRow: Uint32Array;
  /** Runes beyond the BMP that have a row: rune and row, in pairs. */
  emitAstral: Uint32Array;
}

export interface DictionaryTexts {
  /** jieba.dict.utf8: `word freq tag` a line. */
  dict: string;
  /** User dictionary: `word [freq] [tag]` a line. */
  userDict: string;
  /** idf.utf8: `word idf` a line. */
  idf: string;
  /** hmm_model.utf8: see parseHmmModel. */
  hmm: string;
}

/** limonp::Split: empty fields between separators are kept, a trailing one is not. */
function splitFields(line: string, separator: string): string[] {
  const fields: string[] = [];
  let start = 0;
  while (start < line.length) {
    const end = line.indexOf(separator, start);
    if (end < 0) {
      fields.push(line.slice(start));
      return fields;
    }
    fields.push(line.slice(start, end));
    start = end + 1;
  }
  return fields;
}

/** std::getline over a whole file: no last empty line after a final newline. */
function fileLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** C atof: the longest leading number, else 0. */
function atof(text: string): number {
  const value = parseFloat(text);
  return Number.isNaN(value) ? 0 : value;
}

function runeCount(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n += 1;
  }
  return n;
}

/** Compiles the dictionaries, then inserts `insertedWords` as nodejieba.insertWord does. */
export function buildTables(texts: DictionaryTexts, insertedWords: readonly string[]): JiebaTables {
  const words: string[] = [];
  const weights: number[] = [];
  const dictLines = fileLines(texts.dict);
  for (const line of dictLines) {
    const first = line.indexOf(' ');
    const second = line.indexOf(' ', first + 1);
    if (first < 0 || second < 0 || line.indexOf(' ', second + 1) >= 0) {
      throw new Error(`dictionary line is not "word freq tag": ${line}`);
    }
    words.push(line.slice(0, first));
    weights.push(atof(line.slice(first + 1, second)));
  }
  let sum = 0;
  for (const freq of weights) sum += freq;
  for (let i = 0; i < weights.length; i += 1) weights[i] = Math.log(weights[i] / sum);
  const sorted = Float64Array.from(weights).sort();
  const minWeight = sorted[0];
  const median = sorted[Math.floor(sorted.length / 2)];
  const userSingles = new Set<number>();
  for (const line of fileLines(texts.userDict)) {
    if (line === '') continue;
    const fields = splitFields(line, ' ');
    let weight: number;
    if (fields.length === 1 || fields.length === 2) weight = median;
    else if (fields.length === 3) weight = Math.log((parseInt(fields[1], 10) || 0) / sum);
    else continue;
    words.push(fields[0]);
    weights.push(weight);
    if (runeCount(fields[0]) === 1) userSingles.add(fields[0].codePointAt(0)!);
  }
  for (const word of insertedWords) {
    words.push(word);
    weights.push(median);
  }

  const idfLines = fileLines(texts.idf);
  let poolLength = 0;
  let upperBound = idfLines.length;
  for (const word of words) {
    poolLength += word.length;
    upperBound += word.length;
  }
  for (const line of idfLines) poolLength += line.length;
  let capacity = 1;
  while (capacity < upperBound * 1.5) capacity *= 2;
  const slots = new Int32Array(capacity * 2);
  const keyStart = new Uint32Array(upperBound);
  const meta = new Uint32Array(upperBound);
  const weight = new Float64Array(upperBound);
  const idf = new Float64Array(upperBound);
  const hashes = new Int32Array(upperBound);
  const pool = new Uint16Array(poolLength);
  let entries = 0;
  let poolUsed = 0;
  const mask = capacity - 1;

  /** Finds or adds the entry for pool[start, start + length), whose hash is `hash`. */
  const entryFor = (hash: number, start: number, length: number): number => {
    let slot = hash & mask;
    for (;;) {
      const found = slots[slot * 2];
      if (found === 0) {
        const e = entries;
        entries += 1;
        slots[slot * 2] = e + 1;
        slots[slot * 2 + 1] = hash;
        keyStart[e] = start;
        meta[e] = length;
        hashes[e] = hash;
        return e;
      }
      const e = found - 1;
      if (slots[slot * 2 + 1] === hash && (meta[e] & 0xffff) === length && samePool(pool, keyStart[e], start, length)) {
        return e;
      }
      slot = (slot + 1) & mask;
    }
  };
  const copy = (word: string): number => {
    const start = poolUsed;
    for (let i = 0; i < word.length; i += 1) pool[poolUsed + i] = word.charCodeAt(i);
    poolUsed += word.length;
    return start;
  };

  // The trie: every rune-prefix of a word is a node; the word's own node carries its weight.
  for (let w = 0; w < words.length; w += 1) {
    const word = words[w];
    if (word === '') continue;
    const start = copy(word);
    let hash = FNV_OFFSET;
    let e = -1;
    let used = false;
    for (let i = 0; i < word.length; i += 1) {
      const c = word.charCodeAt(i);
      hash = Math.imul(hash ^ c, FNV_PRIME);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < word.length) continue; // A rune ends after its low surrogate.
      if (e >= 0) meta[e] |= CHILD << 16;
      e = entryFor(hash, start, i + 1);
      used ||= keyStart[e] === start;
      meta[e] |= NODE << 16;
    }
    if (!used) poolUsed = start; // Every key of the word was there already: its copy is not needed.
    meta[e] |= WORD << 16;
    weight[e] = weights[w]!;
  }
  let idfSum = 0;
  for (const line of idfLines) {
    if (line === '') continue;
    const fields = splitFields(line, ' ');
    if (fields.length !== 2) continue;
    const value = atof(fields[1]);
    const word = fields[0];
    const start = copy(word);
    const e = entryFor(hashOf(word, 0, word.length), start, word.length);
    if (keyStart[e] !== start) poolUsed = start;
    meta[e] |= IDF << 16;
    idf[e] = value;
    idfSum += value;
  }
  const single = new Int32Array(0x10000).fill(-1);
  for (let e = 0; e < entries; e += 1) if ((meta[e] & 0xffff) === 1) single[pool[keyStart[e]]] = e;
  const [weightIds, weightValues] = distinctValues(weight.subarray(0, entries));
  const [idfIds, idfValues] = distinctValues(idf.subarray(0, entries));
  return {
    minWeight,
    idfAverage: idfSum / idfLines.length,
    slots: slotsFor(hashes.subarray(0, entries)),
    keyStart: keyStart.slice(0, entries),
    meta: meta.slice(0, entries),
    weightIds,
    weights: weightValues,
    idfIds,
    idfs: idfValues,
    pool: pool.slice(0, poolUsed),
    userSingles: Uint32Array.from([...userSingles].sort((a, b) => a - b)),
    single,
    ...compileHmm(parseHmmModel(texts.hmm)),
  };
}

/** The HMM model as flat arrays: one row of four emissions for each rune that has any. */
function compileHmm(
  model: HmmModel,
): Pick<JiebaTables, 'hmmStart' | 'hmmTrans' | 'emitRows' | 'emitRow' | 'emitAstral'> {
  const rows = new Map<number, number>();
  for (const map of model.emit) for (const rune of map.keys()) if (!rows.has(rune)) rows.set(rune, rows.size + 1);
  const emitRows = new Float64Array((rows.size + 1) * 4).fill(MIN_DOUBLE);
  model.emit.forEach((map, y) => {
    for (const [rune, prob] of map) emitRows[rows.get(rune)! * 4 + y] = prob;
  });
  const emitRow = new Uint32Array(0x10000);
  const astral: number[] = [];
  for (const [rune, row] of rows) {
    if (rune < 0x10000) emitRow[rune] = row;
    else astral.push(rune, row);
  }
  return {
    // A missing probability stays NaN, as the model's own arrays would give it.
    hmmStart: Float64Array.from({ length: 4 }, (_, y) => model.start[y] ?? NaN),
    hmmTrans: Float64Array.from({ length: 16 }, (_, i) => model.trans[i >> 2]?.[i & 3] ?? NaN),
    emitRows,
    emitRow,
    emitAstral: Uint32Array.from(astral),
  };
}

/** The final slots, at most half full, from each entry's hash (see JiebaTables.slots). */
function slotsFor(hashes: Int32Array): Uint32Array {
  let capacity = 1;
  while (capacity < hashes.length * 2) capacity *= 2;
  const mask = capacity - 1;
  const high = highBits(hashes.length);
  const slots = new Uint32Array(capacity);
  for (let e = 0; e < hashes.length; e += 1) {
    let slot = hashes[e] & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = (hashes[e] & high) | (e + 1);
  }
  return slots;
}

/** The bits of a slot above those that number `entries` entries. */
function highBits(entries: number): number {
  return ~(2 ** (32 - Math.clz32(entries)) - 1);
}

/** Each value as its number in a table of the different values (0 is unused entries' 0), 16 bits each when they fit. */
function distinctValues(values: Float64Array): [Uint16Array | Uint32Array, Float64Array] {
  const numbers = new Map<number, number>([[0, 0]]);
  for (const value of values) if (!numbers.has(value)) numbers.set(value, numbers.size);
  const index = numbers.size <= 0x10000 ? new Uint16Array(values.length) : new Uint32Array(values.length);
  for (let e = 0; e < values.length; e += 1) index[e] = numbers.get(values[e])!;
  return [index, Float64Array.from(numbers.keys())];
}

function samePool(pool: Uint16Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (pool[a + i] !== pool[b + i]) return false;
  return true;
}

function hashOf(text: string, start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let i = start; i < end; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

const ARRAYS = [
  'slots',
  'keyStart',
  'meta',
  'weightIds',
  'weights',
  'idfIds',
  'idfs',
  'pool',
  'userSingles',
  'single',
  'hmmStart',
  'hmmTrans',
  'emitRows',
  'emitRow',
  'emitAstral',
] as const;
/** Format, minWeight, idfAverage, the byte size of weightIds' and idfIds' numbers, then each array's length. */
const HEADER = 5 + ARRAYS.length;

/** The tables as one buffer: a header of lengths and scalars, then each array, 8-byte aligned. */
export function serializeTables(tables: JiebaTables): Uint8Array {
  const header = new Float64Array(HEADER);
  header.set([
    FORMAT,
    tables.minWeight,
    tables.idfAverage,
    tables.weightIds.BYTES_PER_ELEMENT,
    tables.idfIds.BYTES_PER_ELEMENT,
  ]);
  let size = header.byteLength;
  ARRAYS.forEach((name, i) => {
    header[5 + i] = tables[name].length;
    size += align(tables[name].byteLength);
  });
  const out = new Uint8Array(size);
  out.set(new Uint8Array(header.buffer), 0);
  let offset = header.byteLength;
  for (const name of ARRAYS) {
    const array = tables[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset += align(array.byteLength);
  }
  return out;
}

/** The tables from `serializeTables` bytes; undefined when they are not such bytes. */
export function deserializeTables(bytes: Uint8Array): JiebaTables | undefined {
  if (bytes.byteLength < HEADER * 8) return undefined;
  // Typed-array views need 8-byte alignment: a file read whole usually has it, else the bytes are copied.
  let buffer = bytes.buffer as ArrayBuffer;
  let base = bytes.byteOffset;
  if (base % 8 !== 0) {
    buffer = new ArrayBuffer(bytes.byteLength);
    new Uint8Array(buffer).set(bytes);
    base = 0;
  }
  const header = new Float64Array(buffer, base, HEADER);
  if (header[0] !== FORMAT) return undefined;
  const numbers = (size: number) => (size === 2 ? Uint16Array : size === 4 ? Uint32Array : undefined);
  const weightIds = numbers(header[3]);
  const idfIds = numbers(header[4]);
  if (!weightIds || !idfIds) return undefined;
  const kinds = {
    slots: Uint32Array,
    keyStart: Uint32Array,
    meta: Uint32Array,
    weightIds,
    weights: Float64Array,
    idfIds,
    idfs: Float64Array,
    pool: Uint16Array,
    userSingles: Uint32Array,
    single: Int32Array,
    hmmStart: Float64Array,
    hmmTrans: Float64Array,
    emitRows: Float64Array,
    emitRow: Uint32Array,
    emitAstral: Uint32Array,
  } as const;
  let offset = base + HEADER * 8;
  const arrays: Partial<Record<(typeof ARRAYS)[number], unknown>> = {};
  for (const [i, name] of ARRAYS.entries()) {
    const kind = kinds[name];
    const length = header[5 + i];
    const byteLength = length * kind.BYTES_PER_ELEMENT;
    if (!Number.isInteger(length) || offset + byteLength > buffer.byteLength) return undefined;
    arrays[name] = new kind(buffer, offset, length);
    offset += align(byteLength);
  }
  return {
    minWeight: header[1],
    idfAverage: header[2],
    ...(arrays as Omit<JiebaTables, 'minWeight' | 'idfAverage'>),
  };
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}

/** cppjieba's HMM model: start and transition log-probabilities, and emission per state (B, E, M, S). */
export interface HmmModel {
  start: number[];
  trans: number[][];
  emit: Map<number, number>[];
}

export function parseHmmModel(text: string): HmmModel {
  const lines = fileLines(text)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length < 9)
    throw new Error('HMM model: expected a start line, four transition lines and four emission lines');
  const numbers = (line: string) => splitFields(line, ' ').map(atof);
  const emit = lines.slice(5, 9).map((line) => {
    const map = new Map<number, number>();
    for (const pair of splitFields(line, ',')) {
      const [rune, prob] = splitFields(pair, ':');
      if (rune === undefined || prob === undefined || runeCount(rune) !== 1) throw new Error('HMM model: bad emission');
      map.set(rune.codePointAt(0)!, atof(prob));
    }
    return map;
  });
  return { start: numbers(lines[0]), trans: lines.slice(1, 5).map(numbers), emit };
}

export interface Keyword {
  word: string;
  weight: number;
}

export interface Jieba {
  /** Words as MixSegment cuts them, with the HMM. */
  cut(text: string): string[];
  /** The top `topN` words by TF-IDF, as nodejieba.extract returns them. */
  extract(text: string, topN: number): Keyword[];
}

export function createJieba(tables: JiebaTables, stopWords: ReadonlySet<string>): Jieba {
  const { slots, keyStart, meta, weightIds, weights, idfIds, idfs, pool, minWeight, idfAverage, single } = tables;
  const { hmmStart, hmmTrans, emitRows, emitRow } = tables;
  const mask = slots.length - 1;
  const high = highBits(meta.length);
  const low = ~high;
  const userSingles = new Set(tables.userSingles);
  const astralRow = new Map<number, number>();
  for (let i = 0; i < tables.emitAstral.length; i += 2) astralRow.set(tables.emitAstral[i], tables.emitAstral[i + 1]);
  const emitOf = (rune: number, y: number): number =>
    emitRows[(rune < 0x10000 ? emitRow[rune] : (astralRow.get(rune) ?? 0)) * 4 + y];
  let path = new Int32Array(1024);
  let score = new Float64Array(1024);
  let status = new Int32Array(256);

  /** The entry whose key is text[start, end) with hash `hash`, or -1. */
  const find = (text: string, start: number, end: number, hash: number): number => {
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const found = slots[slot];
      if (found === 0) return -1;
      const e = (found & low) - 1;
      if (((found ^ hash) & high) === 0 && (meta[e] & 0xffff) === length) {
        const at = keyStart[e];
        let same = true;
        for (let i = 0; i < length; i += 1) {
          if (pool[at + i] !== text.charCodeAt(start + i)) {
            same = false;
            break;
          }
        }
        if (same) return e;
      }
      slot = (slot + 1) & mask;
    }
  };

  let best = new Float64Array(256);
  let choice = new Int32Array(256);
  /** The route's words as pairs of first and last rune, kept from one cut to the next like `best` and `choice`. */
  let words = new Int32Array(512);

  /** Cuts runes [from, to) (offsets into `at`, the runes' unit offsets) into word boundaries, appended to `out`. */
  const cutRange = (text: string, runes: Int32Array, at: Int32Array, from: number, to: number, out: number[]) => {
    const n = to - from;
    if (best.length < n) {
      best = new Float64Array(n * 2);
      choice = new Int32Array(n * 2);
      words = new Int32Array(n * 4);
    }
    // The most probable route through the DAG, from the right (Trie::Find and MPSegment::CalcDP in one pass):
    // a start's candidates are tried shortest first, and only a strictly better route replaces the one found.
    for (let i = n - 1; i >= 0; i -= 1) {
      let top = MIN_DOUBLE;
      let pick = -1;
      let hash = FNV_OFFSET;
      const startUnit = at[from + i];
      for (let j = i; j < n && j - i < MAX_WORD_LENGTH; j += 1) {
        const endUnit = at[from + j + 1];
        for (let u = at[from + j]; u < endUnit; u += 1) hash = Math.imul(hash ^ text.charCodeAt(u), FNV_PRIME);
        const e = endUnit - startUnit === 1 ? single[text.charCodeAt(startUnit)] : find(text, startUnit, endUnit, hash);
        const flags = e >= 0 ? meta[e] >>> 16 : 0;
        const node = (flags & NODE) !== 0;
        const word = node && (flags & WORD) !== 0;
        if (j === i || word) {
          const value = (j + 1 < n ? best[j + 1] : 0) + (word ? weights[weightIds[e]] : minWeight);
          if (value > top) {
            top = value;
            pick = word ? j : -1;
          }
        }
        if (!node || (flags & CHILD) === 0) break;
      }
      best[i] = top;
      choice[i] = pick;
    }
    // MPSegment words, then runs of lone characters re-cut by the HMM (MixSegment::Cut).
    let count = 0;
    for (let i = 0; i < n;) {
      const last = choice[i] >= 0 ? choice[i] : i;
      words[count] = from + i;
      words[count + 1] = from + last;
      count += 2;
      i = last + 1;
    }
    for (let k = 0; k < count; k += 2) {
      const left = words[k];
      const right = words[k + 1];
      if (left !== right || userSingles.has(runes[left])) {
        out.push(left, right);
        continue;
      }
      let m = k;
      while (m < count && words[m] === words[m + 1] && !userSingles.has(runes[words[m]])) m += 2;
      hmmCut(runes, words[k], words[m - 2] + 1, out);
      k = m - 2;
    }
  };

  const hmmCut = (runes: Int32Array, begin: number, end: number, out: number[]) => {
    let left = begin;
    let right = begin;
    while (right !== end) {
      if (runes[right] < 0x80) {
        if (left !== right) viterbi(runes, left, right, out);
        left = right;
        right = letters(runes, left, end);
        if (right === left) right = numbers(runes, left, end);
        if (right === left) right += 1;
        out.push(left, right - 1);
        left = right;
      } else {
        right += 1;
      }
    }
    if (left !== right) viterbi(runes, left, right, out);
  };

  const viterbi = (runes: Int32Array, begin: number, end: number, out: number[]) => {
    const X = end - begin;
    if (score.length < X * 4) {
      path = new Int32Array(X * 8);
      score = new Float64Array(X * 8);
      status = new Int32Array(X * 2);
    }
    for (let y = 0; y < 4; y += 1) {
      score[y * X] = hmmStart[y] + emitOf(runes[begin], y);
      path[y * X] = -1;
    }
    for (let x = 1; x < X; x += 1) {
      for (let y = 0; y < 4; y += 1) {
        const now = x + y * X;
        score[now] = MIN_DOUBLE;
        path[now] = 1;
        const emit = emitOf(runes[begin + x], y);
        for (let prev = 0; prev < 4; prev += 1) {
          const value = score[x - 1 + prev * X] + hmmTrans[prev * 4 + y] + emit;
          if (value > score[now]) {
            score[now] = value;
            path[now] = prev;
          }
        }
      }
    }
    let state = score[X - 1 + 1 * X] >= score[X - 1 + 3 * X] ? 1 : 3;
    for (let x = X - 1; x >= 0; x -= 1) {
      status[x] = state;
      state = path[x + state * X]!;
    }
    let left = begin;
    for (let i = 0; i < X; i += 1) {
      if (status[i] % 2 === 1) {
        out.push(left, begin + i);
        left = begin + i + 1;
      }
    }
  };

  // The runes of the text being cut and their unit offsets, in buffers kept from one text to the next.
  let runes = new Int32Array(4096);
  let at = new Int32Array(4097);

  /**
   * The text as cut: each word is runes bounds[k]..bounds[k + 1], units at[first]..at[last + 1] (`at` holds until
   * the next cut).
   */
  const cutBounds = (input: string): { text: string; at: Int32Array; bounds: number[] } => {
    const text = input.toWellFormed();
    if (runes.length < text.length) {
      runes = new Int32Array(text.length * 2);
      at = new Int32Array(text.length * 2 + 1);
    }
    let count = 0;
    for (let i = 0; i < text.length; count += 1) {
      const c = text.codePointAt(i)!;
      runes[count] = c;
      at[count] = i;
      i += c > 0xffff ? 2 : 1;
    }
    at[count] = text.length;
    const bounds: number[] = [];
    // PreFilter: a separator is a piece of its own; the text between separators is one piece.
    let start = 0;
    for (let i = 0; i <= count; i += 1) {
      if (i === count || SEPARATORS.has(runes[i])) {
        if (i > start) cutRange(text, runes, at, start, i, bounds);
        if (i < count) bounds.push(i, i);
        start = i + 1;
      }
    }
    return { text, at, bounds };
  };

  const cut = (input: string): string[] => {
    const { text, at, bounds } = cutBounds(input);
    const words: string[] = [];
    for (let k = 0; k < bounds.length; k += 2) words.push(text.slice(at[bounds[k]], at[bounds[k + 1] + 1]));
    return words;
  };

  const idfOf = (word: string): number => {
    const e = find(word, 0, word.length, hashOf(word, 0, word.length));
    return e >= 0 && ((meta[e] >>> 16) & IDF) !== 0 ? idfs[idfIds[e]] : idfAverage;
  };

  return {
    cut,
    extract(text, topN) {
      const counts = new Map<string, number>();
      const { text: cutText, at, bounds } = cutBounds(text);
      for (let k = 0; k < bounds.length; k += 2) {
        if (bounds[k] === bounds[k + 1]) continue; // One rune: never a keyword.
        const word = cutText.slice(at[bounds[k]], at[bounds[k + 1] + 1]);
        if (!stopWords.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      const words = [...counts.keys()];
      // Within the BMP, UTF-16 order is UTF-8 order, and the engine's own comparison is many times faster.
      words.sort(words.some((word) => ASTRAL.test(word)) ? utf8Order : undefined);
      const keywords = words.map((word) => ({ word, weight: counts.get(word)! * idfOf(word) }));
      return partialSort(keywords, Math.min(topN, keywords.length));
    },
  };
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** HMMSegment's SequentialLetterRule: a letter, then letters and digits. Returns the end (== begin when none). */
function letters(runes: Int32Array, begin: number, end: number): number {
  if (!isLetter(runes[begin])) return begin;
  let i = begin + 1;
  while (i < end && (isLetter(runes[i]) || isDigit(runes[i]))) i += 1;
  return i;
}

/** HMMSegment's NumbersRule: a digit, then digits and dots. */
function numbers(runes: Int32Array, begin: number, end: number): number {
  if (!isDigit(runes[begin])) return begin;
  let i = begin + 1;
  while (i < end && (isDigit(runes[i]) || runes[i] === 0x2e)) i += 1;
  return i;
}

/** std::string order (UTF-8 bytes), which is code point order, not UTF-16 order. */
export function utf8Order(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i += 1) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** libstdc++ std::partial_sort(first, first + k, last, weight >): heap select, then sort the heap. */
export function partialSort(items: Keyword[], k: number): Keyword[] {
  const a = items.slice();
  const before = (x: Keyword, y: Keyword) => x.weight > y.weight;
  const pushHeap = (hole: number, top: number, value: Keyword) => {
    let parent = Math.floor((hole - 1) / 2);
    while (hole > top && before(a[parent], value)) {
      a[hole] = a[parent]!;
      hole = parent;
      parent = Math.floor((hole - 1) / 2);
    }
    a[hole] = value;
  };
  const adjustHeap = (hole: number, len: number, value: Keyword) => {
    const top = hole;
    let child = hole;
    while (child < Math.floor((len - 1) / 2)) {
      child = 2 * (child + 1);
      if (before(a[child], a[child - 1])) child -= 1;
      a[hole] = a[child]!;
      hole = child;
    }
    if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
      child = 2 * (child + 1);
      a[hole] = a[child - 1]!;
      hole = child - 1;
    }
    pushHeap(hole, top, value);
  };
  const popHeap = (last: number, result: number) => {
    const value = a[result];
    a[result] = a[0]!;
    adjustHeap(0, last, value);
  };
  if (k >= 2) {
    for (let parent = Math.floor((k - 2) / 2); ; parent -= 1) {
      adjustHeap(parent, k, a[parent]);
      if (parent === 0) break;
    }
  }
  for (let i = k; i < a.length; i += 1) if (before(a[i], a[0])) popHeap(k, i);
  for (let last = k; last > 1;) {
    last -= 1;
    popHeap(last, last);
  }
  return a.slice(0, k);
}
