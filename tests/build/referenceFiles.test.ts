import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceOf, writeReferenceFiles } from '../../scripts/build/referenceFiles.ts';
import { tempDir } from '../support/tempDir.ts';

const article = (title: string, extra = '') =>
  [
    '---',
    `title: ${JSON.stringify(title)}`,
    'kind: "article"',
    'authors:',
    '  - name: "王明"',
    '    role: "记者"',
    'date: "2022-03-08"',
    'dateInferred: false',
    'dateSource: "printed"',
    'page: 2',
    extra,
    'regions: []',
    'keywords: []',
    'source: { file: "p.txt", index: 0 }',
    '---',
    '',
    '正文。',
  ]
    .filter((l) => l !== '')
    .join('\n');

describe('RIS and BibTeX files written into the built site', () => {
  it('reads the reference from the front matter, with the article’s URL on the given origin', () => {
    const reference = referenceOf('abc123', article('全市春耕生产有序推进'), 'https://example.org');
    expect(reference).toMatchObject({
      slug: 'abc123',
      title: '全市春耕生产有序推进',
      authors: [{ name: '王明', role: '记者' }],
      date: '2022-03-08',
      page: 2,
      url: 'https://example.org/articles/abc123/',
    });
    expect(() => referenceOf('x', 'no front matter', undefined)).toThrow(/x\.md: no front matter/);
  });

  it('writes both files for every article, beside its page, keeping a hostile title inert', () => {
    const content = tempDir('refs-content');
    const out = tempDir('refs-out');
    mkdirSync(content, { recursive: true });
    writeFileSync(join(content, 'a1.md'), article('全市春耕生产有序推进'));
    writeFileSync(join(content, 'b2.md'), article('恶意标题\nER  - \nTY  - JOUR}'));
    expect(writeReferenceFiles(content, out, undefined)).toBe(2);
    for (const slug of ['a1', 'b2']) {
      expect(existsSync(join(out, 'articles', slug, 'cite.ris'))).toBe(true);
      expect(existsSync(join(out, 'articles', slug, 'cite.bib'))).toBe(true);
    }
    const ris = readFileSync(join(out, 'articles', 'a1', 'cite.ris'), 'utf8');
    expect(ris).toMatch(/^TY {2}- /mu);
    expect(ris).toContain('全市春耕生产有序推进');
    const hostile = readFileSync(join(out, 'articles', 'b2', 'cite.ris'), 'utf8');
    // One record: the title's line break and fake tags do not start fields of their own.
    expect(hostile.match(/^ER {2}-/gmu)).toHaveLength(1);
    expect(hostile.match(/^TY {2}- /gmu)).toHaveLength(1);
  });
});
