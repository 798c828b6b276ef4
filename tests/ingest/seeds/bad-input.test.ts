/**
 * Bad input: encodings OCR tools write, files that are not pages, duplicates.
 * One bad page never stops the others, and each gets a message naming it.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestTo, SEEDS_DIR, tempDir } from './helpers.ts';

const FIXTURES = new URL('../../fixtures/pages/', import.meta.url).pathname;
const firstSeed = () => readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort()[0];

describe('bad input', () => {
  it('reports empty, binary and undecodable files by name, ingests the rest and fails the run', async () => {
    const dir = tempDir('bad');
    copyFileSync(join(SEEDS_DIR, firstSeed()), join(dir, 'good.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    writeFileSync(join(dir, 'latin.txt'), 'only ascii here\n');
    const { summary, articles } = await ingestTo(dir);
    expect(summary.errors).toEqual([
      expect.stringMatching(/empty\.txt: skipped: the file is empty/),
      expect.stringMatching(/image\.txt: skipped: the file is binary/),
      expect.stringMatching(/latin\.txt: skipped: the file contains no Chinese text/),
    ]);
    expect(articles.length).toBeGreaterThan(0);
    expect(new Set(articles.map((a) => a.frontMatter.source.file))).toEqual(new Set(['good.txt']));
  });

  it('decodes a GB18030 page to the same articles as its UTF-8 text', async () => {
    const gbDir = tempDir('gb');
    copyFileSync(join(FIXTURES, 'gb18030-page.txt'), join(gbDir, 'page.txt'));
    const utfDir = tempDir('utf');
    writeFileSync(join(utfDir, 'page.txt'), new TextDecoder('gb18030').decode(readFileSync(join(FIXTURES, 'gb18030-page.txt'))));
    const gb = await ingestTo(gbDir);
    expect(gb.summary.errors).toEqual([]);
    expect(gb.summary.warnings).toContainEqual(expect.stringMatching(/page\.txt: decoded from gb18030/));
    expect(gb.articles.map((a) => a.raw)).toEqual((await ingestTo(utfDir)).articles.map((a) => a.raw));
    expect(gb.articles[0].frontMatter.title).toBe('全市经济社会发展按下「快进键」');
  });

  it('handles a BOM and CRLF line ends like the plain page', async () => {
    const text = readFileSync(join(SEEDS_DIR, firstSeed()), 'utf8');
    const plain = tempDir('plain');
    writeFileSync(join(plain, 'p.txt'), text);
    const crlf = tempDir('crlf');
    writeFileSync(join(crlf, 'p.txt'), '\ufeff' + text.replace(/\n/gu, '\r\n'));
    expect((await ingestTo(crlf)).articles.map((a) => a.raw)).toEqual((await ingestTo(plain)).articles.map((a) => a.raw));
  });

  it('ingests a duplicate page once, with a warning naming both files', async () => {
    const dir = tempDir('dup');
    copyFileSync(join(SEEDS_DIR, firstSeed()), join(dir, 'a.txt'));
    copyFileSync(join(SEEDS_DIR, firstSeed()), join(dir, 'b.txt'));
    const { summary, articles } = await ingestTo(dir);
    expect(summary.errors).toEqual([]);
    expect(summary.warnings).toContainEqual(expect.stringMatching(/b\.txt: duplicate of a\.txt/));
    expect(new Set(articles.map((a) => a.frontMatter.source.file))).toEqual(new Set(['a.txt']));
  });

  it('keeps slugs when a page printing the same story is added before others', async () => {
    const text = readFileSync(join(SEEDS_DIR, firstSeed()), 'utf8');
    const dir = tempDir('reprint');
    writeFileSync(join(dir, 'b.txt'), text);
    writeFileSync(join(dir, 'c.txt'), `${text}\n\n（下转第二版）\n`);
    const before = (await ingestTo(dir)).articles.map((a) => [a.frontMatter.source.file, a.slug]);
    writeFileSync(join(dir, 'a.txt'), `${text}\n\n（下转第三版）\n`);
    const after = (await ingestTo(dir)).articles.map((a) => [a.frontMatter.source.file, a.slug]);
    expect(after.filter(([file]) => file !== 'a.txt')).toEqual(before);
  });

  it('lets a date stated in seeds/manifest.yaml win over the inferred one', async () => {
    const dir = tempDir('manifest');
    copyFileSync(join(SEEDS_DIR, firstSeed()), join(dir, 'p.txt'));
    writeFileSync(join(dir, 'manifest.yaml'), 'pages:\n  p.txt: { date: 2020-04-17, edition: 衡阳日报, page: 3 }\n');
    const { articles } = await ingestTo(dir);
    expect(articles[0].frontMatter).toMatchObject({ date: '2020-04-17', dateInferred: false, edition: '衡阳日报', page: 3 });
  });

  it('escapes hostile page text so the Markdown holds it as text', async () => {
    const dir = tempDir('hostile');
    copyFileSync(join(FIXTURES, 'untrusted-page.txt'), join(dir, 'untrusted.txt'));
    const [article] = (await ingestTo(dir)).articles;
    expect(article.bodyText).toContain("正文包含<script>alert('正文')</script>和<img src=x onerror=alert(1)>");
    expect(article.frontMatter.title).toBe("<script>alert('标题')</script>不可信的标题");
    const body = article.raw.slice(article.raw.indexOf('\n---\n') + 5);
    // Every `<` and `[` that could open markup is escaped in the Markdown body.
    expect(body).not.toMatch(/(?<!\\)<(?:script|img|a )/u);
    expect(body).not.toMatch(/(?<!\\)\[[^\]]*\]\(javascript:/u);
  });
});
