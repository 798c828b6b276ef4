import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Page-furniture words from data/columns.yaml: columns, banners, notice cues. */
export interface Vocabulary {
  briefColumns: string[];
  photoColumns: string[];
  noticeWords: string[];
  bannerWords: string[];
  captionNotes: string[];
}

export const COLUMNS_PATH = fileURLToPath(new URL('../../../data/columns.yaml', import.meta.url));

export function parseVocabulary(text: string, origin = COLUMNS_PATH): Vocabulary {
  const raw = parse(text) as Record<string, unknown>;
  const list = (key: keyof Vocabulary): string[] => {
    const value = raw[key];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) {
      throw new Error(`${origin}: \`${key}\` must be a list of words`);
    }
    return value as string[];
  };
  return {
    briefColumns: list('briefColumns'),
    photoColumns: list('photoColumns'),
    noticeWords: list('noticeWords'),
    bannerWords: list('bannerWords'),
    captionNotes: list('captionNotes'),
  };
}

let cached: Vocabulary | undefined;

export function loadVocabulary(): Vocabulary {
  cached ??= parseVocabulary(readFileSync(COLUMNS_PATH, 'utf8'));
  return cached;
}
