import { gunzipSync } from 'fflate';

/**
 * The bytes, gunzipped when they are gzip (Pagefind writes its files so, and a
 * host may send them as stored). Synchronously: the files are small, and a
 * DecompressionStream costs about a millisecond of set-up per file, measured,
 * ten times over for a page of results.
 */
export function inflate(bytes: Uint8Array): Uint8Array {
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}
