/**
 * Turns the bytes of a page file into text. OCR output arrives as UTF-8 or,
 * often, GBK/GB18030, with or without a byte-order mark and with any line ends.
 */

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodePage(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  if (bytes.includes(0)) return { ok: false, reason: 'the file is binary (it contains NUL bytes), not page text' };
  const body = UTF8_BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(3) : bytes;
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(body), 'utf-8');
  } catch {
    // Not valid UTF-8: Chinese OCR tools commonly write GB18030 (a superset of GBK and GB2312).
  }
  try {
    return finish(new TextDecoder('gb18030', { fatal: true }).decode(body), 'gb18030');
  } catch {
    return { ok: false, reason: 'the file is neither UTF-8 nor GB18030 text' };
  }
}

function finish(raw: string, encoding: string): DecodeResult {
  const text = raw
    .replace(/^\ufeff/u, '')
    .replace(/\r\n?/gu, '\n')
    .normalize('NFC');
  if (text.trim() === '') return { ok: false, reason: 'the file holds only white space' };
  // Control characters (other than tab and line ends) and U+FFFD mean the bytes were not text.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffd]/gu)?.length ?? 0;
  if (controls > Math.max(4, text.length / 100)) {
    return { ok: false, reason: `the file is unreadable as text (${controls} control or replacement characters)` };
  }
  if (!/[\u4e00-\u9fff]/u.test(text)) return { ok: false, reason: 'the file contains no Chinese text' };
  return { ok: true, text, encoding };
}
