import { describe, expect, it } from 'vitest';
import { findFurniture, isMastheadLine, isNoiseLine } from '../../../scripts/ingest/parse/labels/furniture.ts';
import { loadVocabulary } from '../../../scripts/ingest/parse/vocabulary.ts';

const vocabulary = loadVocabulary();

/** The numbers of the lines taken as furniture. */
function furnitureLines(lines: string[]): number[] {
  return findFurniture(lines, vocabulary).furniture.map((f) => f.line);
}

describe('isMastheadLine', () => {
  it('knows the parts of a masthead', () => {
    expect(isMastheadLine('衡阳日报')).toBe(true);
    expect(isMastheadLine('HENGYANG DAILY')).toBe(true);
    expect(isMastheadLine('中共衡阳市委机关报')).toBe(true);
    expect(isMastheadLine('衡阳日报社出版')).toBe(true);
    expect(isMastheadLine('今日12版')).toBe(true);
    expect(isMastheadLine('2022年3月8日　星期二')).toBe(true);
    expect(isMastheadLine('2022年3月8日　农历二月初六')).toBe(true);
  });

  it('knows a running head by its page number, a credit or the paper’s name', () => {
    expect(isMastheadLine('2022年3月8日　第2版　要闻')).toBe(true);
    expect(isMastheadLine('2022年3月8日　　责任编辑：龙浩然')).toBe(true);
    expect(isMastheadLine('衡阳日报　2022年3月8日')).toBe(true);
  });

  it('takes a date alone for a story’s dateline, not a running head', () => {
    expect(isMastheadLine('2022年3月8日')).toBe(false);
  });

  it('rejects prose, headlines and lines that only mention a page', () => {
    expect(isMastheadLine('2022年3月8日星期二，市委召开常委会，研究部署春耕工作。')).toBe(false);
    expect(isMastheadLine('衡阳日报社举行新春团拜会')).toBe(false);
    expect(isMastheadLine('详见第2版')).toBe(false);
    expect(isMastheadLine('Hengyang Daily')).toBe(false);
    expect(isMastheadLine('市委召开常委会')).toBe(false);
    expect(isMastheadLine('中共衡阳市委机关报社主办的活动吸引了众多市民参加，现场气氛热烈。')).toBe(false);
  });
});

describe('isNoiseLine', () => {
  it('knows lines of marks alone', () => {
    expect(isNoiseLine('■')).toBe(true);
    expect(isNoiseLine('——')).toBe(true);
    expect(isNoiseLine('· · ·')).toBe(true);
    expect(isNoiseLine('　■　□　')).toBe(true);
  });

  it('keeps lines with any word on them, and blank lines', () => {
    expect(isNoiseLine('■本报记者 王明远')).toBe(false);
    expect(isNoiseLine('——衡南县乡村振兴纪实')).toBe(false);
    expect(isNoiseLine('▲雁峰区开展植树活动')).toBe(false);
    expect(isNoiseLine('   ')).toBe(false);
    expect(isNoiseLine('')).toBe(false);
  });
});

describe('findFurniture', () => {
  it('takes the masthead block at the top of the front page and reads its facts', () => {
    const page = [
      '衡阳日报',
      'HENGYANG DAILY',
      '中共衡阳市委机关报',
      '2022年3月8日　星期二',
      '今日8版',
      '',
      '# 全市春耕生产工作会议召开',
      '衡阳日报讯（全媒体记者 贺晓岚）3月7日，全市春耕生产工作会议召开。',
    ];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture).toEqual([
      { line: 1, text: '衡阳日报' },
      { line: 2, text: 'HENGYANG DAILY' },
      { line: 3, text: '中共衡阳市委机关报' },
      { line: 4, text: '2022年3月8日　星期二' },
      { line: 5, text: '今日8版' },
    ]);
    expect(found.facts).toEqual({ date: '2022-03-08', edition: '衡阳日报', editors: [] });
    expect(found.noise).toEqual([]);
  });

  it('takes a running head and reads the page’s facts from it', () => {
    const page = [
      '衡阳日报　2022年3月8日　星期二　第2版　要闻　　责任编辑：龙浩然　美术编辑：邝雨桐',
      '',
      '# 蒸湘区：项目建设跑出加速度',
      '今年以来，蒸湘区坚持项目为王，全力推动重点项目建设。',
    ];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([1]);
    expect(found.facts).toEqual({
      date: '2022-03-08',
      edition: '衡阳日报',
      page: 2,
      pageName: '要闻',
      editors: [
        { role: '责任编辑', name: '龙浩然' },
        { role: '美术编辑', name: '邝雨桐' },
      ],
    });
  });

  it('sets noise apart and reads the masthead through it', () => {
    const found = findFurniture(['衡阳日报', '■', '2022年3月8日　星期二', '— —', '# 标题在此'], vocabulary);
    expect(found.noise).toEqual([
      { line: 2, text: '■' },
      { line: 4, text: '— —' },
    ]);
    expect(found.furniture.map((f) => f.line)).toEqual([1, 3]);
  });

  it('takes a page banner alone over the page, set off by two blank lines', () => {
    const page = ['2022年3月8日　星期二　第6版', '', '体育·文化', '', '', '# 雁城健儿省运会夺金', '正文。'];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([1, 3]);
    expect(found.facts.pageName).toBe('体育·文化');
    expect(found.facts.page).toBe(6);
  });

  it('takes a banner with its `——` subtitle', () => {
    const page = ['乡村振兴', '——衡南县发展纪实', '', '', '# 稻田里的好日子', '正文。'];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([1, 2]);
    expect(found.facts.pageName).toBe('乡村振兴');
  });

  it('prefers the running head’s section name to the banner’s', () => {
    const page = ['衡阳日报　2022年3月8日　星期二　第2版　要闻', '', '乡村振兴', '', '', '# 标题', '正文。'];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([1, 3]);
    expect(found.facts.pageName).toBe('要闻');
  });

  it('does not take a short headline followed by only one blank line as a banner', () => {
    expect(furnitureLines(['春耕正忙', '', '乡村一片繁忙景象，农民们在田间地头忙碌着。'])).toEqual([]);
  });

  it('does not take a sentence or a brief column as a banner', () => {
    expect(furnitureLines(['今天，我们在田间。', '', '', '乡村一片繁忙景象。'])).toEqual([]);
    expect(furnitureLines(['简讯', '', '', '▲3月7日，雁峰区开展植树活动。'])).toEqual([]);
    expect(furnitureLines(['图片新闻', '', '', '3月7日，市民在公园赏花。'])).toEqual([]);
  });

  it('does not take a banner whose subtitle is followed by only one blank line', () => {
    expect(furnitureLines(['乡村振兴', '——衡南县发展纪实', '', '# 稻田里的好日子', '正文。'])).toEqual([]);
  });

  it('takes credit, sponsor and advertising lines at the foot', () => {
    const page = [
      '# 雁城健儿省运会夺金',
      '本报讯 昨日，省运会游泳比赛落幕，我市选手斩获金牌3枚。',
      '本版编辑：刘 芳　美术编辑：邝雨桐',
      '（本版由衡阳市体育局协办）',
      '广告热线：0734-8123456',
    ];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture.map((f) => f.line)).toEqual([3, 4, 5]);
    expect(found.facts.editors).toEqual([
      { role: '本版编辑', name: '刘芳' },
      { role: '美术编辑', name: '邝雨桐' },
    ]);
  });

  it('takes a credit line and a sponsor line anywhere on the page', () => {
    const page = [
      '# 标题',
      '正文内容，全市上下迅速行动。',
      '本版编辑：刘 芳',
      '本版由衡阳市文化旅游广电体育局协办',
      '正文内容继续，活动持续到月底。',
      '更多内容请关注后续报道。',
    ];
    expect(furnitureLines(page)).toEqual([3, 4]);
  });

  it('takes an advertising line only at the foot, and only when short', () => {
    expect(
      furnitureLines(['# 标题', '订阅热线：0734-8123456', '正文内容，全市上下迅速行动。', '更多内容。', '结尾。']),
    ).toEqual([]);
    const long = '欢迎各界人士踊跃参与本次活动的组织与筹备工作，详情请拨打广告热线0734-8123456咨询';
    expect(furnitureLines(['# 标题', '正文。', long])).toEqual([]);
  });

  it('takes a 导读 box and its items', () => {
    const page = ['导　读', '● 春耕正忙 田野织锦 2版', '■ 雁城新貌 3版', '市委召开常委会，研究部署近期工作。'];
    expect(furnitureLines(page)).toEqual([1, 2, 3]);
  });

  it('leaves body text, tables, verse and signatures alone', () => {
    const page = [
      '# 标题',
      '正文内容，全市上下迅速行动起来。',
      '项目    金额    备注',
      '道路    100万    已完工',
      '',
      '春风吹过雁峰',
      '湘江水长又长',
      '归雁声声入梦',
      '',
      '读者　王建国',
    ];
    const found = findFurniture(page, vocabulary);
    expect(found.furniture).toEqual([]);
    expect(found.noise).toEqual([]);
    expect(found.facts).toEqual({ editors: [] });
  });

  it('does not take a dateline or a dated sentence at the top as a masthead', () => {
    expect(furnitureLines(['2022年3月8日', '市委召开常委会。'])).toEqual([]);
    expect(furnitureLines(['2022年3月8日，市委召开常委会。', '正文。'])).toEqual([]);
  });

  it('lists each editor once', () => {
    const page = [
      '衡阳日报　2022年3月8日　第2版　要闻　　责任编辑：龙浩然',
      '正文内容。',
      '责任编辑：龙浩然　美术编辑：邝雨桐',
    ];
    expect(findFurniture(page, vocabulary).facts.editors).toEqual([
      { role: '责任编辑', name: '龙浩然' },
      { role: '美术编辑', name: '邝雨桐' },
    ]);
  });
});
