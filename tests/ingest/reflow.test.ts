import { describe, expect, it } from 'vitest';
import { reflow } from '../../scripts/ingest/parse/reflow.ts';

/** A narrow-column page: every printed line alone between blank lines. */
function narrowPage(lines: string[]): string {
  return lines.join('\n\n') + '\n';
}

const column = [
  '□ 本报记者 王晓辉',
  '面对危机，湖南衡东县这几组数',
  '据堪称“亮眼”：今年一季度，衡东经开',
  '区工业总产值14.56亿元，规模以上工',
  '业增加值3.40亿元。',
  '抢占先机，思路同样令人“眼前一',
  '亮”：衡东经开区按需“上菜”，跑出复',
  '工复产“加速度”；技术创新赋能，助推',
  '高新技术企业扩产增效。',
  '“园区紧盯企业生产中遇到的各',
  '种难题，给我们带来了用工‘及时雨’，',
  '现在可以甩开膀子放心地生产了！”',
  '益力盛新材料科技有限公司副经理',
  '尹志强告诉记者，公司于2月17日开',
  '工。',
];

describe('reflow', () => {
  it('joins narrow-column wraps without inserting spaces', () => {
    const { units, narrow } = reflow(narrowPage(column));
    expect(narrow).toBe(true);
    const texts = units.map((u) => u.text);
    expect(texts[1]).toContain('衡东经开区工业总产值14.56亿元');
    expect(texts.slice(1).join('')).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/u);
  });

  it('keeps paragraph breaks and the byline apart', () => {
    const { units } = reflow(narrowPage(column));
    expect(units.map((u) => u.text)).toEqual([
      '□ 本报记者 王晓辉',
      '面对危机，湖南衡东县这几组数据堪称“亮眼”：今年一季度，衡东经开区工业总产值14.56亿元，规模以上工业增加值3.40亿元。',
      '抢占先机，思路同样令人“眼前一亮”：衡东经开区按需“上菜”，跑出复工复产“加速度”；技术创新赋能，助推高新技术企业扩产增效。',
      '“园区紧盯企业生产中遇到的各种难题，给我们带来了用工‘及时雨’，现在可以甩开膀子放心地生产了！”益力盛新材料科技有限公司副经理尹志强告诉记者，公司于2月17日开工。',
    ]);
  });

  it('records which source lines each paragraph came from', () => {
    const { units } = reflow(narrowPage(column));
    expect(units[1].lines).toEqual([3, 5, 7, 9]);
  });

  it('joins a dateline wrapped inside its bracket, keeping the space between names', () => {
    const lines = [
      ...column.slice(1),
      '衡阳日报讯（全媒体记者 ',
      '许洋山 通讯员 梁成华 ',
      '徐涛雪）2017年3月22日，衡南',
      '经开区启动技能培训专项行动。',
    ];
    const texts = reflow(narrowPage(lines)).units.map((u) => u.text);
    expect(texts).toContain(
      '衡阳日报讯（全媒体记者 许洋山 通讯员 梁成华 徐涛雪）2017年3月22日，衡南经开区启动技能培训专项行动。',
    );
  });

  it('keeps joining a paragraph whose lines happen to have no punctuation', () => {
    const lines = [
      ...column.slice(1),
      '▲8月4日，衡阳市启动禁毒宣',
      '传专项行动。会上，市农业综合',
      '行政执法支队负责人介绍了现阶',
      '段全市生猪屠宰行业执法工作开',
      '展情况。',
    ];
    const texts = reflow(narrowPage(lines)).units.map((u) => u.text);
    expect(texts).toContain(
      '▲8月4日，衡阳市启动禁毒宣传专项行动。会上，市农业综合行政执法支队负责人介绍了现阶段全市生猪屠宰行业执法工作开展情况。',
    );
  });

  it('runs a paragraph on past a full line ending in a semicolon', () => {
    const lines = [
      ...column.slice(1),
      '深入查找出存在的主要问题，并',
      '提出了今后工作的具体思路；',
      '市畜牧水产事务中心负责人就如',
      '何做好生猪检疫工作提出措施。',
    ];
    const texts = reflow(narrowPage(lines)).units.map((u) => u.text);
    expect(texts).toContain(
      '深入查找出存在的主要问题，并提出了今后工作的具体思路；市畜牧水产事务中心负责人就如何做好生猪检疫工作提出措施。',
    );
  });

  it('joins a wide paragraph cut at a column break, but not a headline after it', () => {
    const page = [
      '# 标题在这里',
      '本报讯 3月8日，市委副书记、代理市长朱健赴衡南县、祁东县督导工作。来到衡南县，朱健先后来到产业园，朱健指',
      '出，衡南县要在现有良好工作基础上，全力推动高质量发展。',
      '他们团队将以科技的力量为雁峰企业赋能，推动全区经济社会持续健康发展和进步',
      '创新体系日益完善 塑造雁峰科创环境',
      '我市注重加强重大工业项目调度，1—9',
      '月，全市在建亿元以上工业项目149个。',
    ].join('\n\n');
    const texts = reflow(page).units.map((u) => u.text);
    expect(texts).toContain(
      '本报讯 3月8日，市委副书记、代理市长朱健赴衡南县、祁东县督导工作。来到衡南县，朱健先后来到产业园，朱健指出，衡南县要在现有良好工作基础上，全力推动高质量发展。',
    );
    expect(texts).toContain('创新体系日益完善 塑造雁峰科创环境');
    expect(texts).toContain('我市注重加强重大工业项目调度，1—9月，全市在建亿元以上工业项目149个。');
  });

  it('never joins across a layout break of three blank lines', () => {
    const page =
      '这是一段很长的正文内容，讲述了很多事情，但是在这里被截断了没有结束\n\n\n\n的方式，促进安全意识提升。\n';
    expect(reflow(page).units).toHaveLength(2);
  });

  it('keeps lines printed together as separate units of one block', () => {
    const { units } = reflow('新时代新征程新衡阳\n真抓实干推动高质量发展\n\n正文第一段。\n');
    expect(units.slice(0, 2).map((u) => u.blockSize)).toEqual([2, 2]);
  });
});

describe('reflow: narrow columns, lines that look alike', () => {
  const narrow = (lines: string[]) => lines.join('\n\n') + '\n';
  const column = [
    '今年以来，全市重点项目加快推进，',
    '一季度完成投资同比增长百分之十，',
    '超过时序进度四点九个百分点左右。',
    '与会人员先后来到湖南衡峰新材料',
    '有限公司年产五万吨锂电池正极材',
    '料项目等七个项目现场实地察看。',
    '各地各部门要坚持项目为王理念，',
    '聚焦产业项目和基础设施项目建设，',
    '强化要素保障，推动项目早日投产。',
    '会议还对下一阶段工作作出部署，',
    '要求各县市区对照目标查漏补缺，',
    '确保二季度末完成年度投资计划。',
  ];

  it('runs a line that fills the column on, punctuation or not', () => {
    const texts = reflow(narrow(column)).units.map((u) => u.text);
    expect(texts.some((t) => t.includes('湖南衡峰新材料有限公司'))).toBe(true);
  });

  it('keeps two bare lines over a dateline apart: a headline’s decks', () => {
    const page = narrow([
      '“项目为王”跑出发展加速度',
      '我市前4月重点项目完成投资186亿元',
      '衡阳日报讯（记者 王 明）5月13日，',
      ...column,
    ]);
    const texts = reflow(page).units.map((u) => u.text);
    expect(texts.slice(0, 2)).toEqual(['“项目为王”跑出发展加速度', '我市前4月重点项目完成投资186亿元']);
  });
});
