import { describe, expect, it } from 'vitest';
import { decodePage } from '../../scripts/ingest/parse/decode.ts';

const gb18030 = (text: string): Uint8Array => {
  // 衡阳日报 in GB18030, byte for byte: Node's TextEncoder only writes UTF-8.
  const table: Record<string, number[]> = { 衡: [0xba, 0xe2], 阳: [0xd1, 0xf4], 日: [0xc8, 0xd5], 报: [0xb1, 0xa8] };
  return Uint8Array.from([...text].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('decodePage', () => {
  it('reads UTF-8 with a BOM and CRLF line ends', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('衡阳日报\r\n第二行\r\n')]);
    const result = decodePage(bytes);
    expect(result).toEqual({ ok: true, text: '衡阳日报\n第二行\n', encoding: 'utf-8' });
  });

  it('falls back to GB18030 for GBK pages', () => {
    const result = decodePage(gb18030('衡阳日报\n'));
    expect(result.ok && result.text).toBe('衡阳日报\n');
    expect(result.ok && result.encoding).toBe('gb18030');
  });

  it('reads UTF-16 with a BOM', () => {
    const body = Buffer.from('衡阳日报', 'utf16le');
    const result = decodePage(new Uint8Array([0xff, 0xfe, ...body]));
    expect(result.ok && result.text).toBe('衡阳日报');
  });

  it('names the reason for empty, blank, binary and non-Chinese files', () => {
    const reasonFor = (bytes: Uint8Array) => {
      const result = decodePage(bytes);
      return result.ok ? 'decoded' : result.reason;
    };
    expect(reasonFor(new Uint8Array())).toBe('the file is empty');
    expect(reasonFor(new TextEncoder().encode(' \n\n'))).toMatch(/white space/);
    expect(reasonFor(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))).toMatch(/binary/);
    expect(reasonFor(new TextEncoder().encode('hello world'))).toMatch(/no Chinese/);
  });
});
