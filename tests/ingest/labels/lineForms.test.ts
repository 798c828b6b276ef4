import { describe, expect, it } from 'vitest';
import {
  STANDING_FORMS,
  isClauseStart,
  isStanza,
  lineForm,
  tableRows,
} from '../../../scripts/ingest/parse/labels/lineForms.ts';

describe('lineForm', () => {
  it('knows a table row by two or more column gaps', () => {
    expect(lineForm('项目名称    投资金额    完成情况')).toBe('table');
    expect(lineForm('蒸湘大道\t1.2亿元\t已完工')).toBe('table');
  });

  it('does not take one gap, or single spaces, for a table', () => {
    expect(lineForm('项目名称    投资金额')).toBeUndefined();
    expect(lineForm('□ 章焱平 周 健')).toBeUndefined();
  });

  it('knows a right-aligned signature by its deep indent', () => {
    expect(lineForm('　　　　衡阳市自然资源和规划局')).toBe('signature');
    expect(lineForm('　　　　2022年4月12日')).toBe('signature');
    expect(lineForm('          衡阳市教育局')).toBe('signature');
  });

  it('does not take a long line with a deep indent for a signature', () => {
    const long = '　　　　为进一步加强城区道路管理，保障市民出行安全，根据有关规定，现将有关事项通告如下';
    expect(lineForm(long)).not.toBe('signature');
  });

  it('knows contact lines', () => {
    expect(lineForm('联系电话：0734-8123456')).toBe('contact');
    expect(lineForm('地址: 衡阳市蒸湘区解放大道1号')).toBe('contact');
    expect(lineForm('E-mail：hyrb@example.com')).toBe('contact');
  });

  it('knows salutations', () => {
    expect(lineForm('编辑同志：')).toBe('salutation');
    expect(lineForm('王建国读者：')).toBe('salutation');
    expect(lineForm('亲爱的朋友们：')).toBe('salutation');
  });

  it('does not take a sentence that names a reader for a salutation', () => {
    expect(lineForm('编辑同志：你们好，我是一名退休教师。')).toBeUndefined();
  });

  it('knows the openings of clauses', () => {
    for (const line of [
      '一、报名条件',
      '（三）年龄要求',
      '(2)报名方式',
      '1.年满18周岁',
      '12、其他事项',
      '①领取材料',
      '一是加强领导',
    ]) {
      expect(lineForm(line), line).toBe('clause');
    }
  });

  it('does not take a number that opens a sentence for a clause', () => {
    expect(lineForm('1.5亿元的投资已经到位。')).toBeUndefined();
    expect(lineForm('2022年，全市经济稳中有进。')).toBeUndefined();
  });

  it('knows a paragraph indent', () => {
    expect(lineForm('　　为进一步加强管理，')).toBe('indented');
    expect(lineForm('  两个空格缩进的段落')).toBe('indented');
  });

  it('gives nothing for an ordinary line or a blank one', () => {
    expect(lineForm('普通的一行正文，没有缩进。')).toBeUndefined();
    expect(lineForm('全国人民代表大会')).toBeUndefined();
    expect(lineForm('　　')).toBeUndefined();
  });
});

describe('isClauseStart', () => {
  it('reads the line trimmed', () => {
    expect(isClauseStart('　　二、工作要求')).toBe(true);
    expect(isClauseStart('（十二）附则')).toBe(true);
    expect(isClauseStart('1.5亿元')).toBe(false);
    expect(isClauseStart('一二三四五，上山打老虎')).toBe(false);
  });
});

describe('STANDING_FORMS', () => {
  it('keeps tables, signatures, verse, contact lines and salutations whole, but not clauses or indents', () => {
    for (const form of ['table', 'signature', 'verse', 'contact', 'salutation'] as const) {
      expect(STANDING_FORMS).toContain(form);
    }
    expect(STANDING_FORMS).not.toContain('clause');
    expect(STANDING_FORMS).not.toContain('indented');
    expect(STANDING_FORMS).not.toContain(undefined);
  });
});

describe('isStanza', () => {
  it('knows three or more short bare lines', () => {
    expect(isStanza(['春风吹过雁峰', '湘江水长又长', '归雁声声入梦'])).toBe(true);
    expect(isStanza(['青山不老', '绿水长流', '故乡在心头', '明月照归人'])).toBe(true);
  });

  it('allows a closing line with punctuation among enough bare ones', () => {
    expect(isStanza(['青山不老', '绿水长流', '故乡在心头', '明月照归人。'])).toBe(true);
  });

  it('rejects prose wrapped in a narrow column', () => {
    expect(isStanza(['今年以来，我市', '坚持项目为王，', '全力推动重点', '项目建设。'])).toBe(false);
    expect(isStanza(['春风吹过雁峰，', '湘江水长又长，', '归雁声声入梦。'])).toBe(false);
  });

  it('rejects a headline block of two lines, long lines and ▲ items', () => {
    expect(isStanza(['奋力谱写中国式现代化', '衡阳新篇章'])).toBe(false);
    expect(isStanza(['春风吹过雁峰', '湘江水长又长', '全市上下迅速行动起来掀起重点项目建设的新热潮'])).toBe(false);
    expect(isStanza(['▲雁峰区植树', '▲珠晖区义诊', '▲石鼓区清扫'])).toBe(false);
  });
});

describe('tableRows', () => {
  it('takes spaced lines that stand next to another', () => {
    const rows = tableRows(['项目    金额    备注', '道路    100万    已完工', '全市上下迅速行动起来。']);
    expect([...rows].sort()).toEqual([0, 1]);
  });

  it('does not take a lone spaced line, such as a running head', () => {
    const rows = tableRows(['正文一行。', '衡阳日报  2022年3月8日  第2版', '正文又一行。']);
    expect(rows.size).toBe(0);
  });
});
