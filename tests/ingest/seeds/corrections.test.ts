/**
 * The editor's loop: seeds/corrections.yaml is applied on every ingest; a fix that no longer matches its page is an
 * error naming the entry; a corrected article keeps its slug; furniture goes to the page record; the review report
 * lists what is doubtful beside its source lines.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestTo, tempDir } from './helpers.ts';
import { recordReader, writeReview } from '../../../scripts/ingest/review/reviewReport.ts';

// An invented page: a running head, two stories printed without a gap between them, and an advertising line.
const PAGE = [
  '衡阳日报　2024年5月6日　星期一　第3版　县域经济　　责任编辑：周 立',
  '',
  '',
  '雁峰区新建口袋公园12个',
  '',
  '衡阳日报讯（全媒体记者 陈 默）5月5日，记者从雁峰区获悉，今年该区利用边角地新建口袋公园12个。',
  '',
  '公园内设置健身步道和儿童游乐设施，方便周边居民休闲。',
  '蒸湘区开展夜市消费季活动',
  '',
  '5月4日晚，蒸湘区夜市消费季启动，特色小吃和文创市集吸引众多市民。',
  '',
  '本期广告热线：0734-8000000',
].join('\n');

async function ingestWith(corrections?: string) {
  const seeds = tempDir('fix');
  writeFileSync(join(seeds, 'p.txt'), PAGE);
  if (corrections) writeFileSync(join(seeds, 'corrections.yaml'), corrections);
  const out = tempDir('fix-out');
  return { ...(await ingestTo(seeds, out)), out };
}

describe('page records', () => {
  it('sets the running head apart with its date, 版次, 版名 and editors, and dates the articles by it', async () => {
    const { articles, out } = await ingestWith();
    const record = JSON.parse(readFileSync(join(out, 'p.page.json'), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({
      file: 'p.txt',
      date: '2024-05-06',
      dateSource: 'printed',
      edition: '衡阳日报',
      page: 3,
      pageName: '县域经济',
      editors: [{ role: '责任编辑', name: '周立' }],
    });
    expect(record.furniture).toContainEqual({ line: 13, text: '本期广告热线：0734-8000000' });
    expect(record.articles).toEqual(articles.map((a) => a.slug));
    for (const a of articles) expect(a.frontMatter).toMatchObject({ date: '2024-05-06', dateSource: 'printed', dateInferred: false });
    expect(articles.map((a) => a.frontMatter.title)).not.toContainEqual(expect.stringContaining('责任编辑'));
  });
});

describe('seeds/corrections.yaml', () => {
  it('splits before a line, sets fields and marks furniture, keeping a corrected article’s slug', async () => {
    const before = await ingestWith();
    const park = before.articles.find((a) => a.frontMatter.title.includes('口袋公园'))!;
    expect(park.bodyText).toContain('夜市消费季启动'); // The second story ran into the first: the case to fix.

    const after = await ingestWith(
      [
        'p.txt:',
        '  - { line: 9, text: 蒸湘区开展夜市, split: true }',
        '  - { line: 4, text: 雁峰区新建, set: { title: 雁峰区今年新建口袋公园12个, regions: [雁峰区] } }',
        '  - { line: 8, text: 公园内设置, furniture: true }',
      ].join('\n'),
    );
    expect(after.summary.errors).toEqual([]);
    const titles = after.articles.map((a) => a.frontMatter.title);
    expect(titles).toContain('雁峰区今年新建口袋公园12个');
    expect(titles).toContain('蒸湘区开展夜市消费季活动');
    const fixed = after.articles.find((a) => a.frontMatter.title === '雁峰区今年新建口袋公园12个')!;
    expect(fixed.bodyText).not.toContain('夜市');
    expect(fixed.bodyText).not.toContain('公园内设置');
    expect(fixed.frontMatter.regions).toEqual(['雁峰区']);
    const record = JSON.parse(readFileSync(join(after.out, 'p.page.json'), 'utf8')) as { furniture: { line: number }[] };
    expect(record.furniture.map((f) => f.line)).toContain(8);
    // Same page file and same parsed title and text: the URL an editor's fix leaves alone.
    const unfixedTitle = await ingestWith('p.txt:\n  - { line: 9, text: 蒸湘区开展夜市, split: true }\n  - { line: 8, text: 公园内设置, furniture: true }\n');
    const sameStory = unfixedTitle.articles.find((a) => a.frontMatter.title.includes('口袋公园'))!;
    expect(fixed.slug).toBe(sameStory.slug);
  });

  it('merges an item with the next', async () => {
    const split = await ingestWith('p.txt:\n  - { line: 9, text: 蒸湘区, split: true }\n');
    const merged = await ingestWith(
      'p.txt:\n  - { line: 9, text: 蒸湘区, split: true }\n  - { line: 4, text: 雁峰区, merge: next }\n',
    );
    expect(merged.summary.errors).toEqual([]);
    expect(merged.articles).toHaveLength(split.articles.length - 1);
    expect(merged.articles[0].bodyText).toContain('夜市消费季启动');
  });

  it('rejects a fix that no longer matches its page, naming the entry, and still writes the page', async () => {
    const { summary, articles } = await ingestWith(
      [
        'p.txt:',
        '  - { line: 9, text: 石鼓区, split: true }',
        '  - { line: 99, text: 雁峰区, split: true }',
        'gone.txt:',
        '  - { line: 1, text: 衡阳, furniture: true }',
      ].join('\n'),
    );
    expect(summary.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/corrections\.yaml: p\.txt line 9: the line reads "蒸湘区开展夜市消费季活动", not "石鼓区"/),
        expect.stringMatching(/corrections\.yaml: p\.txt line 99: the page has only 13 lines/),
        expect.stringMatching(/corrections\.yaml: gone\.txt: no such page/),
      ]),
    );
    expect(articles.length).toBeGreaterThan(0);
  });

  it('refuses a malformed entry with the file and the entry’s place', async () => {
    await expect(ingestWith('p.txt:\n  - { line: 4, split: true }\n')).rejects.toThrow(/corrections\.yaml: p\.txt, fix 1: `text`/);
    await expect(ingestWith('p.txt:\n  - { line: 4, text: 雁峰区, set: { colour: red } }\n')).rejects.toThrow(/unknown field `colour`/);
  });
});

describe('the review report', () => {
  it('lists doubtful items with their source lines, escaped', async () => {
    const { summary, out } = await ingestWith();
    const html = join(tempDir('review'), 'review.html');
    const notes = writeReview(html, undefined, summary.pages, summary.records, recordReader(out));
    expect(notes).toBeGreaterThan(0);
    expect(existsSync(html)).toBe(true);
    const text = readFileSync(html, 'utf8');
    expect(text).toContain('p.txt');
    expect(text).toContain('版面信息');
    expect(text).toMatch(/<td class="no">13<\/td><td>本期广告热线：0734-8000000<\/td>/u);
  });
});

describe('reviewHtml', () => {
  it('escapes page text, so a hostile line is shown, never run', async () => {
    const { reviewHtml } = await import('../../../scripts/ingest/review/reviewReport.ts');
    const html = reviewHtml([
      {
        file: 'x<y>.txt',
        date: null,
        notes: [{ reason: 'derived-title', detail: 'd', item: 0, title: '<b>t</b>', lines: [{ line: 3, text: '<script>alert(1)</script>' }] }],
      },
    ]);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>t</b>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

describe('a line labelled by the editor', () => {
  it('is body text where the ingest read a head', async () => {
    const before = await ingestWith();
    const after = await ingestWith('p.txt:\n  - { line: 9, text: 蒸湘区开展夜市, label: body }\n');
    const headOf = (raw: string) => /^## 蒸湘区开展夜市消费季活动$/mu.test(raw);
    expect(before.articles.some((a) => headOf(a.raw) || a.frontMatter.title === '蒸湘区开展夜市消费季活动')).toBe(true);
    expect(after.summary.errors).toEqual([]);
    expect(after.articles.some((a) => headOf(a.raw) || a.frontMatter.title === '蒸湘区开展夜市消费季活动')).toBe(false);
    expect(after.articles.some((a) => a.bodyText.includes('蒸湘区开展夜市消费季活动'))).toBe(true);
  });

  it('refuses a label it does not know', async () => {
    await expect(ingestWith('p.txt:\n  - { line: 9, text: 蒸湘区, label: poem }\n')).rejects.toThrow(/label must be one of body, caption/);
  });
});
