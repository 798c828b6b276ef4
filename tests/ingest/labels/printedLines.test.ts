import { describe, expect, it } from 'vitest';
import { readPrintedLines } from '../../../scripts/ingest/parse/printedLines.ts';

function texts(text: string, skip?: ReadonlySet<number>): string[] {
  return readPrintedLines(text, { skip }).map((l) => l.text);
}

describe('readPrintedLines: joining wraps', () => {
  it('joins the lines of a paragraph that fill the column, and stops at a short line that closes a sentence', () => {
    const lines = readPrintedLines(
      [
        '今年以来，我市坚持把项目建设作为',
        '经济工作的主抓手，全力推动重点项',
        '目建设提速增效，成效明显。',
        '全市上下迅速行动起来。',
      ].join('\n'),
    );
    expect(lines.map((l) => l.text)).toEqual([
      '今年以来，我市坚持把项目建设作为经济工作的主抓手，全力推动重点项目建设提速增效，成效明显。',
      '全市上下迅速行动起来。',
    ]);
    expect(lines[0]).toMatchObject({ nos: [1, 2, 3], joined: true, blockSize: 2 });
    expect(lines[1]).toMatchObject({ nos: [4], joined: false, blockSize: 2 });
  });

  it('does not join a full line that closes a sentence when paragraphs are not indented', () => {
    expect(texts('今年以来，我市坚持把项目建设作为经济工作。\n全力推动重点项目建设提速增效，成效明显。')).toEqual([
      '今年以来，我市坚持把项目建设作为经济工作。',
      '全力推动重点项目建设提速增效，成效明显。',
    ]);
  });

  it('joins across a closed sentence when paragraphs are marked by indents, and starts one at each indent', () => {
    const lines = readPrintedLines(
      [
        '　　今年以来，我市坚持把项目建设作为经济。',
        '全力推动重点项目建设提速增效，成效明显。',
        '　　全市上下迅速行动起来，掀起热潮，推',
        '动项目落地见效。',
      ].join('\n'),
    );
    expect(lines.map((l) => l.text)).toEqual([
      '今年以来，我市坚持把项目建设作为经济。全力推动重点项目建设提速增效，成效明显。',
      '全市上下迅速行动起来，掀起热潮，推动项目落地见效。',
    ]);
    expect(lines[0]).toMatchObject({ form: 'indented', indent: 2, spacedEdge: { start: true, end: false } });
  });

  it('does not join a line that ends a paragraph well short of the column', () => {
    expect(
      texts('今年以来，我市坚持把项目建设作为经济工作\n的主抓手，全力推动。\n重点项目建设提速增效，成效明显取得进展。'),
    ).toEqual([
      '今年以来，我市坚持把项目建设作为经济工作的主抓手，全力推动。',
      '重点项目建设提速增效，成效明显取得进展。',
    ]);
  });

  it('never joins across a blank line', () => {
    const lines = readPrintedLines('今年以来，我市坚持把项目建设作为\n\n经济工作的主抓手，全力推动。');
    expect(lines.map((l) => l.text)).toEqual(['今年以来，我市坚持把项目建设作为', '经济工作的主抓手，全力推动。']);
    expect(lines[0]).toMatchObject({ gapAfter: 1, blockSize: 1 });
    expect(lines[1]).toMatchObject({ gapBefore: 1, blockSize: 1 });
  });
});

describe('readPrintedLines: lines that open paragraphs of their own', () => {
  it('starts a paragraph at each clause', () => {
    const lines = readPrintedLines(
      [
        '为加强城区道路管理，现将有关事项通告',
        '一、自即日起，对城区道路实行交通管制，',
        '请过往车辆绕行。',
        '二、请广大市民予以理解和支持，谢谢。',
      ].join('\n'),
    );
    expect(lines.map((l) => l.text)).toEqual([
      '为加强城区道路管理，现将有关事项通告',
      '一、自即日起，对城区道路实行交通管制，请过往车辆绕行。',
      '二、请广大市民予以理解和支持，谢谢。',
    ]);
    expect(lines.map((l) => l.form)).toEqual([undefined, 'clause', 'clause']);
  });

  it('keeps contact lines whole and apart, and out of the column width', () => {
    const lines = readPrintedLines(
      [
        '欢迎广大市民积极参与本次活动，共同',
        '联系电话：0734-8123456',
        '地址：衡阳市蒸湘区解放大道1号衡阳日报社大楼三楼',
      ].join('\n'),
    );
    expect(lines.map((l) => [l.text, l.form])).toEqual([
      ['欢迎广大市民积极参与本次活动，共同', undefined],
      ['联系电话：0734-8123456', 'contact'],
      ['地址：衡阳市蒸湘区解放大道1号衡阳日报社大楼三楼', 'contact'],
    ]);
  });

  it('starts a paragraph at each ▲ item and joins the item’s own wrap', () => {
    expect(
      texts(
        ['▲3月7日，雁峰区举行植树活动，干部群', '众200余人参加。', '▲3月7日，珠晖区开展学雷锋志愿服务活', '动。'].join(
          '\n',
        ),
      ),
    ).toEqual(['▲3月7日，雁峰区举行植树活动，干部群众200余人参加。', '▲3月7日，珠晖区开展学雷锋志愿服务活动。']);
  });

  it('starts a paragraph at a dateline even after a full, open line', () => {
    expect(texts('今年以来，我市坚持把项目建设作为经济工作\n衡阳日报讯（全媒体记者 贺晓岚）3月7日，召开。')).toEqual([
      '今年以来，我市坚持把项目建设作为经济工作',
      '衡阳日报讯（全媒体记者 贺晓岚）3月7日，召开。',
    ]);
  });

  it('runs a full dateline alone on into the paragraph it opens', () => {
    expect(texts('衡阳日报讯（全媒体记者 贺晓岚 通讯员 刘倩）\n3月7日，我市召开重点项目推进会。')).toEqual([
      '衡阳日报讯（全媒体记者 贺晓岚 通讯员 刘倩）3月7日，我市召开重点项目推进会。',
    ]);
  });

  it('keeps a bracketed note on its own line', () => {
    expect(texts('市民在雁峰公园赏樱花，一派春日美好景象\n（资料图片）')).toEqual([
      '市民在雁峰公园赏樱花，一派春日美好景象',
      '（资料图片）',
    ]);
  });
});

describe('readPrintedLines: standing forms', () => {
  it('keeps table rows as printed', () => {
    const lines = readPrintedLines(
      ['项目名称    投资金额    完成情况', '蒸湘大道    1.2亿元    已完工', '雁峰路      0.8亿元    在建'].join('\n'),
    );
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.form)).toEqual(['table', 'table', 'table']);
    expect(lines.every((l) => !l.joined)).toBe(true);
  });

  it('does not keep a lone spaced line as a table row', () => {
    const lines = readPrintedLines('全市重点项目推进情况    一览    见下\n今年以来，全市重点项目进展顺利，成效明显。');
    expect(lines[0].form).toBeUndefined();
  });

  it('keeps a notice’s signature lines apart from the text and from each other', () => {
    const lines = readPrintedLines(
      ['特此通告。', '　　　　　　衡阳市自然资源和规划局', '　　　　　　2022年4月12日'].join('\n'),
    );
    expect(lines.map((l) => [l.text, l.form])).toEqual([
      ['特此通告。', undefined],
      ['衡阳市自然资源和规划局', 'signature'],
      ['2022年4月12日', 'signature'],
    ]);
  });

  it('keeps verse under a byline line by line', () => {
    const lines = readPrintedLines(['□ 李春华', '', '春风吹过雁峰', '湘江水长又长', '归雁声声入梦'].join('\n'));
    expect(lines.map((l) => [l.text, l.form])).toEqual([
      ['□ 李春华', undefined],
      ['春风吹过雁峰', 'verse'],
      ['湘江水长又长', 'verse'],
      ['归雁声声入梦', 'verse'],
    ]);
  });

  it('keeps stanzas among stanzas as verse', () => {
    const lines = readPrintedLines(
      ['春风吹过雁峰', '湘江水长又长', '归雁声声入梦', '', '青山不老', '绿水长流', '故乡在心头'].join('\n'),
    );
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.form === 'verse')).toBe(true);
  });

  it('does not take prose in a narrow column for verse', () => {
    const lines = readPrintedLines(
      ['□ 李春华', '', '今年以来，我市', '坚持项目为王，', '全力推动重点', '项目建设。'].join('\n'),
    );
    expect(lines.some((l) => l.form === 'verse')).toBe(false);
    expect(lines.map((l) => l.text)).toContain('今年以来，我市坚持项目为王，全力推动重点项目建设。');
  });
});

describe('readPrintedLines: bylines wrapped inside their brackets', () => {
  it('keeps a name broken by the wrap whole', () => {
    expect(texts('衡阳日报讯（全媒体记者 贺\n晓岚 通讯员 刘 倩）3月7日，我市召开会议。')).toEqual([
      '衡阳日报讯（全媒体记者 贺晓岚 通讯员 刘 倩）3月7日，我市召开会议。',
    ]);
    expect(texts('（全媒体记者 贺\n晓岚 通讯员 刘 倩）')).toEqual(['（全媒体记者 贺晓岚 通讯员 刘 倩）']);
  });

  it('puts a space after a role that ends the line', () => {
    expect(texts('（通讯员\n何 灵 陈 双）')).toEqual(['（通讯员 何 灵 陈 双）']);
    expect(texts('衡阳日报讯（全媒体记者\n贺晓岚）3月7日，我市召开会议。')).toEqual([
      '衡阳日报讯（全媒体记者 贺晓岚）3月7日，我市召开会议。',
    ]);
  });

  it('puts a space before a role that opens the next line', () => {
    expect(texts('（全媒体记者 贺晓岚\n通讯员 刘 倩）')).toEqual(['（全媒体记者 贺晓岚 通讯员 刘 倩）']);
  });
});

describe('readPrintedLines: headline blocks', () => {
  it('joins a two-line head whose first line is the wider', () => {
    expect(texts('奋力谱写中国式现代化\n衡阳新篇章')).toEqual(['奋力谱写中国式现代化衡阳新篇章']);
  });

  it('does not join a two-line head whose second line is the wider', () => {
    expect(texts('新篇章\n奋力谱写中国式现代化衡阳')).toEqual(['新篇章', '奋力谱写中国式现代化衡阳']);
    expect(texts('春耕正忙\n田野里处处是繁忙的景象')).toEqual(['春耕正忙', '田野里处处是繁忙的景象']);
  });
});

describe('readPrintedLines: skipped lines', () => {
  it('treats a skipped line as absent, leaving one blank where it stood alone', () => {
    const lines = readPrintedLines('第一行内容是这样的。\n衡阳日报　2022年3月8日\n第二行内容是这样的。', {
      skip: new Set([2]),
    });
    expect(lines.map((l) => [l.text, l.nos, l.gapBefore])).toEqual([
      ['第一行内容是这样的。', [1], 0],
      ['第二行内容是这样的。', [3], 1],
    ]);
  });

  it('leaves a skipped noise mark out of the text, and parts the block there', () => {
    const text = '今年以来，我市坚持把项目建设作为\n■\n经济工作的主抓手，全力推动。';
    // Read as printed, the mark would be taken for a wrap of the line above it.
    expect(texts(text).join('')).toContain('■');
    // Skipped, it is gone, and it still parts the block, as a blank line would.
    expect(texts(text, new Set([2]))).toEqual(['今年以来，我市坚持把项目建设作为', '经济工作的主抓手，全力推动。']);
  });

  it('keeps line numbers of the source', () => {
    const lines = readPrintedLines('■\n\n# 标题\n正文内容。', { skip: new Set([1]) });
    expect(lines.map((l) => l.nos)).toEqual([[3], [4]]);
  });

  // Bug (reported): the doc comment says a skipped line between two blank runs "leaves one gap, not their sum", but
  // '甲…\n\n\n乙\n\n\n丙…' with line 4 skipped gives 丙 gapBefore 4 (2 + 2), the sum.
  it('does not add up the blank runs on either side of a skipped line', () => {
    const lines = readPrintedLines('甲行内容是这样的。\n\n\n乙\n\n\n丙行内容是这样的。', { skip: new Set([4]) });
    expect(lines.map((l) => l.text)).toEqual(['甲行内容是这样的。', '丙行内容是这样的。']);
    expect(lines[1].gapBefore).toBe(2);
  });
});

describe('readPrintedLines: a story that jumps to another page', () => {
  it('ends the paragraph at a （下转…） marker, even where paragraphs are marked by indents', () => {
    const page = [
      '　　今年以来，全市各地加快推进项目建设，',
      '一批重大项目相继开工，为全年经济增长打',
      '下坚实基础，群众获得感不断（下转第2版）',
      '城区新增停车位3000个',
      '　　本报讯 记者从市城管局获悉，今年城区',
    ].join('\n');
    const lines = readPrintedLines(page);
    expect(lines.map((l) => l.text)).toContain('城区新增停车位3000个');
    expect(lines[0].text.endsWith('（下转第2版）')).toBe(true);
  });
});
