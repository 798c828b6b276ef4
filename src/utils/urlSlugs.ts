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
