/**
 * Layouts met on pages the development corpus does not show: each rule with an invented example and the case it
 * must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { parseByline } from '../../../scripts/ingest/parse/byline.ts';
import { isBylineLine, isSignature } from '../../../scripts/ingest/parse/classify.ts';
import { findFurniture, isDividerLine, isMastheadLine } from '../../../scripts/ingest/parse/labels/furniture.ts';
import { lineForm } from '../../../scripts/ingest/parse/labels/lineForms.ts';
import { loadVocabulary } from '../../../scripts/ingest/parse/vocabulary.ts';

const vocabulary = loadVocabulary();

describe('furniture on pages laid out otherwise', () => {
  it('reads a letter-spaced paper name, full-width digits and a running head without a date', () => {
    expect(isMastheadLine('衡　阳　日　报')).toBe(true);
    expect(isMastheadLine('衡阳日报　２０２３年６月６日　星期二　第５版　县域新闻')).toBe(true);
    expect(isMastheadLine('第6版　区县传真')).toBe(true);
    expect(isMastheadLine('第6版的报道引起了广泛关注，读者纷纷来电。')).toBe(false);
    expect(isMastheadLine('衡阳日报社记者走进田间地头')).toBe(false);
  });

  it('takes the printed date from full-width digits', () => {
    const { facts } = findFurniture(
      ['衡阳日报　２０２３年６月６日　星期二　第５版　县域新闻', '', '正文第一段。'],
      vocabulary,
    );
    expect(facts).toMatchObject({ date: '2023-06-06', page: 5, pageName: '县域新闻', edition: '衡阳日报' });
  });

  it('finds a running head printed at the foot of the page', () => {
    const lines = [
      '标题',
      '',
      '正文第一段，写得很长很长。',
      '',
      '第4版　评论　　责任编辑：石 磊　　衡阳日报　2024年1月9日　星期二',
    ];
    const found = findFurniture(lines, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([5]);
    expect(found.facts).toMatchObject({ date: '2024-01-09', page: 4, editors: [{ role: '责任编辑', name: '石磊' }] });
  });

  it('tells a rule between stories from a stray mark', () => {
    expect(isDividerLine('—　—　—')).toBe(true);
    expect(isDividerLine('* * *')).toBe(true);
    expect(isDividerLine('————————')).toBe(true);
    expect(isDividerLine('—')).toBe(false);
    expect(isDividerLine('· ·')).toBe(false);
  });
});

describe('lines readers write and sign', () => {
  it('reads any …热线： or …电话： as a contact line', () => {
    expect(lineForm('　　供水服务热线：0734-8223300')).toBe('contact');
    expect(lineForm('咨询电话：0734-8123456')).toBe('contact');
    expect(lineForm('市民热线越来越忙，接线员说。')).toBeUndefined();
  });

  it('takes a reader who signs with a place as the writer', () => {
    expect(isSignature('衡南县读者　黄志明')).toBe(true);
    expect(parseByline('衡南县读者 黄志明')).toEqual([{ name: '黄志明', role: '作者' }]);
    expect(isSignature('全县读者都说好')).toBe(false);
  });

  it('reads 文/X as a byline', () => {
    expect(isBylineLine('文/谭 青')).toBe(true);
    expect(parseByline('文/谭 青')).toEqual([{ name: '谭青', role: '作者' }]);
    expect(isBylineLine('文化活动丰富多彩')).toBe(false);
  });
});

describe('wraps a second round of pages showed', () => {
  it('runs a full line ending on a closing quote on to who said it', async () => {
    const { readPrintedLines } = await import('../../../scripts/ingest/parse/printedLines.ts');
    const lines = readPrintedLines(
      ['“土地整平了，机械进得去，种粮更有奔头了。”', '村党总支书记彭卫东说。'].join('\n'),
    ).map((l) => l.text);
    expect(lines).toEqual(['“土地整平了，机械进得去，种粮更有奔头了。”村党总支书记彭卫东说。']);
  });

  it('joins a role wrapped inside a byline into one word', async () => {
    const { readPrintedLines } = await import('../../../scripts/ingest/parse/printedLines.ts');
    const [lead] = readPrintedLines('衡阳日报讯（通讯员 李 想 全媒体\n记者 何 雨）4月16日，常宁市政务服务中心启用。');
    expect(lead.text).toContain('全媒体记者 何 雨');
    expect(parseByline('（通讯员 李 想 全媒体记者 何 雨）').map((a) => a.name)).toEqual(['李想', '何雨']);
  });

  it('keeps a table header printed over two lines in the table', async () => {
    const { tableRows } = await import('../../../scripts/ingest/parse/labels/lineForms.ts');
    const rows = [
      '序号    姓名      性别    出生年月     学历',
      '                             （年.月）',
      '1       王晓雯    女      1996.03      硕士研究生',
      '2       李明      男      1995.11      本科',
    ];
    expect([...tableRows(rows)]).toEqual([0, 1, 2, 3]);
    expect([...tableRows(['一段文字。', '                    衡阳市教育局', '二段文字。'])]).toEqual([]);
  });
});
