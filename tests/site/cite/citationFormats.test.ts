import { describe, expect, it } from 'vitest';
import {
  bibtexEscape,
  bibtexKey,
  citationMeta,
  formatBibtex,
  formatRis,
  type ReferenceInput,
} from '../../../src/utils/cite/citationFormats.ts';

const base: ReferenceInput = {
  slug: 'b2c3d4e5f6',
  title: '在建水利工程质量和进度如何？',
  authors: [{ name: '胡亚华' }, { name: '谢金金' }],
  date: '2020-03-09',
  dateInferred: false,
  page: 3,
  url: 'https://archive.example/articles/b2c3d4e5f6/',
};
const hostile: ReferenceInput = {
  ...base,
  title: '标题}, author = {Evil\nER  - \nTY  - JOUR\r\nTI  - 注入 \\input{/etc/passwd} 50% & $x$ #1 a_b ^ ~',
  authors: [{ name: 'Tom and Jerry' }, { name: '周}健\nAU  - 假' }],
};

/** The top-level `name = {value}` fields of a BibTeX entry, read by brace depth as BibTeX reads them. */
function bibtexFields(entry: string): string[] {
  const open = entry.indexOf('{');
  let depth = 0;
  const fields: string[] = [];
  let current = '';
  for (const [i, ch] of [...entry.slice(open + 1)].entries()) {
    const escaped = entry[open + i] === '\\';
    if (ch === '{' && !escaped) depth++;
    if (ch === '}' && !escaped) depth--;
    if (depth < 0) break;
    if (ch === ',' && depth === 0) {
      fields.push(current.trim());
      current = '';
    } else current += ch;
  }
  fields.push(current.trim());
  return fields.slice(1).map((f) => f.split('=')[0].trim());
}

describe('Highwire meta', () => {
  it('gives title, each author, the date as YYYY/MM/DD, the paper and the language', () => {
    const meta = citationMeta(base);
    expect(meta.filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual(['胡亚华', '谢金金']);
    expect(meta.find((m) => m.name === 'citation_publication_date')?.content).toBe('2020/03/09');
    expect(meta.find((m) => m.name === 'citation_journal_title')?.content).toBe('衡阳日报');
    expect(meta.find((m) => m.name === 'citation_language')?.content).toBe('zh');
    expect(citationMeta({ ...base, date: null }).some((m) => m.name === 'citation_publication_date')).toBe(false);
  });
});

describe('RIS', () => {
  it('writes one field a line, from TY to ER', () => {
    const lines = formatRis(base).split('\r\n');
    expect(lines[0]).toBe('TY  - NEWS');
    expect(lines).toContain('AU  - 胡亚华');
    expect(lines).toContain('DA  - 2020/03/09');
    expect(lines).toContain('SP  - 3');
    expect(lines.at(-2)).toBe('ER  -');
  });

  it('keeps hostile text on its own line: no field can be injected and the record ends once', () => {
    const text = formatRis(hostile);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}-( |$)/u.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('ER  -'))).toHaveLength(1);
    expect(lines.filter((l) => l.startsWith('TY  -'))).toEqual(['TY  - NEWS']);
    expect(lines.filter((l) => l.startsWith('AU  -'))).toEqual(['AU  - Tom and Jerry', 'AU  - 周}健 AU - 假']);
    expect(text).not.toMatch(/\r(?!\n)|(?<!\r)\n/u);
  });

  it('notes an inferred date', () => {
    expect(formatRis({ ...base, dateInferred: true })).toContain('N1  - 日期由正文推断');
  });
});

describe('BibTeX', () => {
  it('writes an @article with a safe key', () => {
    const entry = formatBibtex(base);
    expect(entry.startsWith('@article{hyrb-b2c3d4e5f6,\n')).toBe(true);
    expect(entry).toContain('author = {{胡亚华} and {谢金金}}');
    expect(bibtexFields(entry)).toEqual(['title', 'author', 'journal', 'date', 'year', 'pages', 'langid', 'url']);
    expect(bibtexKey('a/b c')).toBe('hyrb-a-b-c');
  });

  it('escapes hostile text so that it cannot close a value, add a field or run a TeX command', () => {
    const entry = formatBibtex(hostile);
    expect(bibtexFields(entry)).toEqual(['title', 'author', 'journal', 'date', 'year', 'pages', 'langid', 'url']);
    expect(entry).toContain('author = {{Tom and Jerry} and {周\\}健 AU - 假}}');
    expect(entry).not.toContain('\\input');
    expect(bibtexEscape('50% & $x$ #1 a_b ^ ~ \\')).toBe(
      '50\\% \\& \\$x\\$ \\#1 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}',
    );
    expect(entry.split('\n').filter((l) => l.startsWith('@'))).toHaveLength(1);
  });
});
