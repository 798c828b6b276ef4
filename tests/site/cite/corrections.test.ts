import { describe, expect, it } from 'vitest';
import { correctionHref, MAX_SELECTION, parseCorrectionTarget } from '../../../src/utils/cite/corrections.ts';

const report = { id: 'b2c3d4e5f6', url: 'https://archive.example/articles/b2c3d4e5f6/', title: '在建水利工程' };

describe('the corrections target', () => {
  it('is none when empty, so the link is hidden', () => {
    expect(parseCorrectionTarget(undefined)).toBeUndefined();
    expect(parseCorrectionTarget('  ')).toBeUndefined();
  });

  it('is a mail address or an http(s) URL; anything else fails the build', () => {
    expect(parseCorrectionTarget('mailto:jiucuo@example.org')).toEqual({
      kind: 'mailto',
      address: 'jiucuo@example.org',
    });
    expect(parseCorrectionTarget('https://github.com/o/r/issues/new')).toEqual({
      kind: 'url',
      url: 'https://github.com/o/r/issues/new',
    });
    for (const bad of ['javascript:alert(1)', 'mailto:nobody', 'mailto:a@b.c?bcc=x@y.z', 'ftp://x.org/', 'not a url'])
      expect(() => parseCorrectionTarget(bad), bad).toThrow();
  });
});

describe('the report link', () => {
  it('prefills a mail with the id, the URL and the selection, all percent-encoded', () => {
    const href = correctionHref(parseCorrectionTarget('mailto:jiucuo@example.org')!, {
      ...report,
      selection: '质量&进度?#',
    });
    const url = new URL(href);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('jiucuo@example.org');
    const body = decodeURIComponent(/[?&]body=([^&]*)/u.exec(href)![1]);
    expect(body).toContain('文章编号：b2c3d4e5f6\r\n');
    expect(body).toContain(report.url);
    expect(body).toContain('质量&进度?#');
    expect(href).not.toMatch(/[\s#]|&(?!body=)/u);
  });

  it('fills an issue form’s title and body, keeping the form’s own parameters', () => {
    const target = parseCorrectionTarget('https://git.example/o/r/issues/new?labels=ocr')!;
    const url = new URL(correctionHref(target, { ...report, selection: 'x'.repeat(MAX_SELECTION + 100) }));
    expect(url.searchParams.get('labels')).toBe('ocr');
    expect(url.searchParams.get('title')).toContain('b2c3d4e5f6');
    const body = url.searchParams.get('body')!;
    expect(body).toContain(report.url);
    expect(body).toContain('x'.repeat(MAX_SELECTION));
    expect(body).not.toContain('x'.repeat(MAX_SELECTION + 1));
  });

  it('says when nothing was selected', () => {
    const url = new URL(correctionHref(parseCorrectionTarget('https://git.example/new')!, report));
    expect(url.searchParams.get('body')).toContain('（未选择）');
  });
});
