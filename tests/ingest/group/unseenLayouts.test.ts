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
