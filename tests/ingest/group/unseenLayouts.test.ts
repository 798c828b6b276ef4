/** How unseen layouts group into articles: photos, columns, rules between stories. */
import { describe, expect, it } from 'vitest';
import { splitPage } from '../../../scripts/ingest/group/splitPage.ts';
import { reflow } from '../../../scripts/ingest/parse/reflow.ts';
import { loadVocabulary } from '../../../scripts/ingest/parse/vocabulary.ts';

const split = (text: string, skip?: Set<number>, breaks?: Set<number>) =>
  splitPage(reflow(text, { ...(skip ? { skip } : {}), ...(breaks ? { breaks } : {}) }), loadVocabulary(), breaks);

describe('photo news whose caption runs to two paragraphs', () => {
  it('is one photo item credited to its photographers', () => {
    const text = [
      '夜色中的码头',
      '',
      '9月2日晚，石鼓区湘江风光带灯火璀璨，市民沿江散步纳凉，感受城市夜景。',
      '',
      '入夏以来，风光带延长了亮灯时间，每晚吸引游客上万人次。',
      '（通讯员 王 琳 摄）',
    ].join('\n');
    const [item] = split(text);
    expect(item).toMatchObject({ kind: 'photo', title: '夜色中的码头', bylines: ['（通讯员 王 琳 摄）'] });
    expect(item.blocks.filter((b) => b.type !== 'credit')).toHaveLength(2);
  });

  it('leaves a headline over a report with a dateline as an article', () => {
    const text = [
      '新建公园开放',
      '',
      '衡阳日报讯（记者 王 明）9月2日，新建的公园向市民开放。',
      '',
      '（通讯员 王 琳 摄）',
    ].join('\n');
    expect(split(text)[0].kind).toBe('article');
  });
});

describe('a label of a few characters over a headline', () => {
  it('is the column of the story under it', () => {
    const text = [
      '一家之言',
      '',
      '“网红”小店更要做好服务',
      '',
      '□ 谭 青',
      '',
      '近来，不少小店靠短视频走红，但服务跟不上，热度很快消退。',
    ].join('\n');
    expect(split(text)[0]).toMatchObject({ column: '一家之言', title: '“网红”小店更要做好服务' });
  });
});

describe('a rule between stories', () => {
  it('ends the story above it, and the heading under it opens another', () => {
    const text = [
      '农贸市场完成提质改造',
      '',
      '衡阳日报讯（记者 王 明）市场完成改造，地面干净了，价格也透明了。',
      '—　—　—',
      '',
      '记者手记',
      '',
      '小区治理看似琐碎，却连着千家万户，细节见真章。',
    ].join('\n');
    const articles = split(text, new Set([4]), new Set([4, 6]));
    expect(articles.map((a) => a.title)).toEqual(['农贸市场完成提质改造', '记者手记']);
  });
});

describe('a second round of unseen layouts', () => {
  it('reads ◆ items as briefs', () => {
    const text = [
      '简　讯',
      '',
      '◆4月16日，衡山县组织农技人员指导农户开展早稻机插秧作业。（通讯员 赵 青）',
      '',
      '◆4月16日，南岳机场开通衡阳至西安往返航线。（通讯员 龙 飞）',
    ].join('\n');
    const items = split(text);
    expect(items.map((a) => a.kind)).toEqual(['brief', 'brief']);
    expect(items.every((a) => a.column === '简讯')).toBe(true);
  });

  it('closes a notice at its last signature line, dated or not', () => {
    const text = [
      '张建军：本院受理原告刘芳诉你民间借贷纠纷一案，逾期将依法缺席裁判。',
      '　　　　　　　　　衡阳市珠晖区人民法院',
      '',
      '刘某某：本院受理申请人周某某申请宣告刘某某失踪一案，公告期间为三个月。',
      '　　　　　　　　　衡东县人民法院',
    ].join('\n');
    expect(split(text)).toHaveLength(2);
  });

  it('keeps ## sections labelled with a word and a colon in their story', () => {
    const text = [
      '# 衡东推进高标准农田建设',
      '',
      '衡阳日报讯（记者 王 明）今年以来，衡东县加快高标准农田建设。',
      '',
      '## 破题：把碎片田拼成整片田',
      '',
      '长乐村的巴掌田，曾是农业生产的缩影。',
      '',
      '## 见效：种粮成本降了',
      '',
      '改造后的田块平均面积达到8亩以上。',
    ].join('\n');
    const [story, ...rest] = split(text);
    expect(rest).toEqual([]);
    expect(story.blocks.filter((b) => b.type === 'subhead').map((b) => b.text)).toEqual([
      '破题：把碎片田拼成整片田',
      '见效：种粮成本降了',
    ]);
  });

  it('reads a short title over a `——` dedication as title and subtitle, not as a column', () => {
    const text = [
      '桂花树下',
      '',
      '——谨以此文献给我的外婆',
      '',
      '□ 曾 雯',
      '',
      '外婆家门前有一棵桂花树，每到秋天，满院飘香。',
    ].join('\n');
    expect(split(text)[0]).toMatchObject({ title: '桂花树下', subtitle: '——谨以此文献给我的外婆' });
    expect(split(text)[0].column).toBeUndefined();
  });
});
