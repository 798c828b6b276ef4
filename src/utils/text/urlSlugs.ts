/**
 * URL segments derived from page text or file names. Both must be stable
 * across builds and safe as a single path segment on any static host.
 */

/** A short, stable FNV-1a hash, used to keep distinct names distinct after slugging. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, '0');
}

/**
 * The URL slug of a source page file: its name without `.txt`, lower-cased,
 * with anything outside [a-z0-9_-] turned into hyphens. Names that lose
 * information that way (e.g. Chinese file names) get a hash so they stay unique.
 */
export function sourcePageSlug(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  const cleaned = base
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (cleaned === base && cleaned !== '') return cleaned;
  return cleaned ? `${cleaned}-${shortHash(file)}` : `page-${shortHash(file)}`;
}

/** Characters that cannot appear raw in one path segment, or that static hosts treat specially. */
const UNSAFE_SEGMENT = /[/\\?#%\s\p{Cc}\p{Cf}]/u;

/**
 * The path parameter of a keyword page. Ordinary keywords (Chinese words,
 * names, numbers) are used as they are, so /keywords/复工复产/ reads well;
 * a keyword that could not be a path segment (or that could be mistaken for
 * a hashed one) gets a hashed stand-in starting with `~`.
 */
export function keywordParam(keyword: string): string {
  const nfc = keyword.normalize('NFC');
  if (nfc.length > 0 && nfc.length <= 40 && !UNSAFE_SEGMENT.test(nfc) && !/^[.~]/.test(nfc)) {
    return nfc;
  }
  return `~${shortHash(keyword)}`;
}

/**
 * A person's name as one key: NFKC (full-width letters fold), with every space removed, since the paper sets
 * two-character names with a typesetting space (周 健 is 周健). The ingest strips them already; the site does
 * it again so that no spelling of a name can make a second person.
 */
export function personName(name: string): string {
  return name.normalize('NFKC').replace(/[\s\u3000\p{Cf}]+/gu, '');
}

/**
 * The path parameter of a person's page: the normalised name itself (/people/周健/) when it can be a path
 * segment, else a hashed stand-in starting with `~`, like keywordParam. Stable: the same name always gives
 * the same slug, whatever article it came from.
 */
export function personSlug(name: string): string {
  const key = personName(name);
  if (key.length > 0 && key.length <= 40 && !UNSAFE_SEGMENT.test(key) && !/^[.~]/.test(key)) return key;
  return `~${shortHash(key)}`;
}
