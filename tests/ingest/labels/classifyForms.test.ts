import { describe, expect, it } from 'vitest';
import { parseByline } from '../../../scripts/ingest/parse/byline.ts';
import {
  artworkCredit,
  isColumnLabel,
  isCreditLine,
  isSignature,
  namesNotice,
  photoCreditOf,
} from '../../../scripts/ingest/parse/classify.ts';
import { assignHeadline } from '../../../scripts/ingest/parse/headline.ts';
import { loadVocabulary } from '../../../scripts/ingest/parse/vocabulary.ts';

const vocabulary = loadVocabulary();
const noticeWords = ['停水', '停电', '公告', '通告', '启事', '声明', '通知'];

describe('photoCreditOf', () => {
  it('finds a ■ credit alone or after a caption', () => {
    expect(photoCreditOf('■全媒体记者 颜子钧 摄')).toEqual({ credit: '■全媒体记者 颜子钧 摄', index: 0 });
    expect(photoCreditOf('市民在公园里赏花。 ■颜子钧 摄')).toEqual({ credit: '■颜子钧 摄', index: 10 });
  });

  it('finds a bracketed credit alone or after a caption', () => {
    expect(photoCreditOf('（全媒体记者 颜子钧 摄）')).toEqual({ credit: '（全媒体记者 颜子钧 摄）', index: 0 });
    expect(photoCreditOf('市民在公园里赏花。（通讯员 何 灵 摄影）')).toEqual({
      credit: '（通讯员 何 灵 摄影）',
      index: 9,
    });
  });

  it('finds none in a byline, a caption note or prose about photography', () => {
    expect(photoCreditOf('■本报记者 王明远')).toBeUndefined();
    expect(photoCreditOf('（资料图片）')).toBeUndefined();
    expect(photoCreditOf('摄影爱好者在湘江边拍摄')).toBeUndefined();
    expect(photoCreditOf('（全媒体记者 贺晓岚）')).toBeUndefined();
  });
});

describe('isCreditLine', () => {
  it('knows a line that is a photo credit and nothing else', () => {
    expect(isCreditLine('■全媒体记者 颜子钧 摄')).toBe(true);
    expect(isCreditLine('（全媒体记者 颜子钧 摄）')).toBe(true);
    expect(isCreditLine('□ 邝一鸣 摄影')).toBe(true);
  });

  it('does not take a caption with its credit, or a writer’s byline, for a credit line', () => {
    expect(isCreditLine('市民在公园里赏花。（全媒体记者 颜子钧 摄）')).toBe(false);
    expect(isCreditLine('■本报记者 王明远')).toBe(false);
    expect(isCreditLine('市民踊跃参加摄影大赛。')).toBe(false);
  });
});

describe('namesNotice', () => {
  it('knows a notice by the word its title ends with', () => {
    expect(namesNotice('关于城区部分路段停水的通告', vocabulary)).toBe(true);
    expect(namesNotice('遗失声明', vocabulary)).toBe(true);
    expect(namesNotice('衡阳市2022年公开招聘教师公告', vocabulary)).toBe(true);
    expect(namesNotice('  寻人启事  ', { noticeWords })).toBe(true);
  });

  it('does not take a sentence that names a notice, or a long line, for a notice title', () => {
    expect(namesNotice('通告称，城区停水。', vocabulary)).toBe(false);
    expect(namesNotice('市自来水公司发布通告后市民积极储水', vocabulary)).toBe(false);
    expect(
      namesNotice(
        '关于做好二〇二二年度全市城区供水管网和燃气管网改造期间居民生活用水用气保障工作有关事项的通知',
        vocabulary,
      ),
    ).toBe(false);
  });

  it('goes by the vocabulary it is given', () => {
    expect(namesNotice('关于城区部分路段停水的通告', { noticeWords: ['启事'] })).toBe(false);
  });
});

describe('isColumnLabel', () => {
  it('knows column names by their endings', () => {
    for (const label of ['雁城时评', '每周短评', '读者来信', '湘江之声', '雁城观察']) {
      expect(isColumnLabel(label), label).toBe(true);
    }
  });

  it('knows two to four characters set with typesetting spaces', () => {
    for (const label of ['社　论', '社 论', '短　评', '更　正', '声　明']) {
      expect(isColumnLabel(label), label).toBe(true);
    }
  });

  it('does not take headlines, prose or long names for column labels', () => {
    for (const line of [
      '春耕正忙',
      '市委召开常委会',
      '更正',
      '本报评论员',
      '全市重点项目建设推进会召开',
      '时评：要把好事办好',
      '春 天 的 故 事 会',
    ]) {
      expect(isColumnLabel(line), line).toBe(false);
    }
  });
});

describe('artworkCredit', () => {
  it('reads a work’s title, its medium and its maker', () => {
    expect(artworkCredit('秋山晚晴（摄影）　　□ 邝一鸣')).toEqual({
      title: '秋山晚晴',
      medium: '摄影',
      credit: '□ 邝一鸣',
    });
    expect(artworkCredit('春江（书法） ■王一')).toEqual({ title: '春江', medium: '书法', credit: '■王一' });
    expect(artworkCredit('荷塘月色(国画)□ 李晓东')).toEqual({ title: '荷塘月色', medium: '国画', credit: '□ 李晓东' });
  });

  it('needs the medium and the maker both', () => {
    expect(artworkCredit('秋山晚晴（摄影）')).toBeUndefined();
    expect(artworkCredit('秋山晚晴 □ 邝一鸣')).toBeUndefined();
    expect(artworkCredit('秋山晚晴（资料图片）□ 邝一鸣')).toBeUndefined();
  });

  it('does not read a sentence with a bracketed word as an artwork', () => {
    expect(artworkCredit('他说（摄影）是爱好，我们都知道这一点啊')).toBeUndefined();
  });
});

describe('isSignature', () => {
  it('knows a name signing off a letter, bracketed or not', () => {
    expect(isSignature('读者　王建国')).toBe(true);
    expect(isSignature('（读者 李 梅）')).toBe(true);
    expect(isSignature('（作者 王 明）')).toBe(true);
    expect(isSignature('　　　　读者 欧阳晓燕')).toBe(true);
  });

  it('does not take a sentence, a role alone or several people for a signature', () => {
    expect(isSignature('读者　王建国说，这件事很重要')).toBe(false);
    expect(isSignature('读者王建国')).toBe(false);
    expect(isSignature('读者')).toBe(false);
    expect(isSignature('作者单位：衡阳市第一中学')).toBe(false);
    expect(isSignature('（全媒体记者 贺晓岚 通讯员 刘倩）')).toBe(false);
    expect(isSignature('读者来信')).toBe(false);
  });
});

describe('assignHeadline: three decks and notices', () => {
  it('reads 引题, 主题 and a `——` 副题', () => {
    expect(assignHeadline(['聚焦“三高四新”战略', '奋力谱写衡阳新篇章', '——我市推进高质量发展综述'])).toEqual({
      kicker: '聚焦“三高四新”战略',
      title: '奋力谱写衡阳新篇章',
      subtitle: '——我市推进高质量发展综述',
    });
  });

  it('takes the first line as the kicker over a `——` subtitle even when it is the shorter', () => {
    expect(assignHeadline(['坚持项目为王', '奋力谱写衡阳高质量发展新篇章', '——我市重点项目建设综述'])).toEqual({
      kicker: '坚持项目为王',
      title: '奋力谱写衡阳高质量发展新篇章',
      subtitle: '——我市重点项目建设综述',
    });
  });

  it('keeps a marked kicker and does not take a second one', () => {
    expect(assignHeadline(['春潮涌动：', '奋力谱写衡阳新篇章', '——我市推进高质量发展综述'])).toEqual({
      kicker: '春潮涌动：',
      title: '奋力谱写衡阳新篇章',
      subtitle: '——我市推进高质量发展综述',
    });
  });

  it('reads a title over a `——` subtitle as two decks', () => {
    expect(assignHeadline(['奋力谱写衡阳新篇章', '——我市推进高质量发展综述'])).toEqual({
      title: '奋力谱写衡阳新篇章',
      subtitle: '——我市推进高质量发展综述',
    });
  });

  it('takes the line naming the notice as the title, the issuers over it as the kicker', () => {
    expect(
      assignHeadline(
        ['衡阳市自然资源和规划局', '衡阳市住房和城乡建设局', '关于规范城区建设项目审批的通告'],
        noticeWords,
      ),
    ).toEqual({
      kicker: '衡阳市自然资源和规划局 衡阳市住房和城乡建设局',
      title: '关于规范城区建设项目审批的通告',
    });
  });

  it('puts what follows a notice’s title in the subtitle', () => {
    expect(assignHeadline(['关于规范城区建设项目审批的通告', '（第2号）'], noticeWords)).toEqual({
      title: '关于规范城区建设项目审批的通告',
      subtitle: '（第2号）',
    });
  });

  it('does not take a kicker that names a notice for the title', () => {
    expect(assignHeadline(['停电通知：', '城区部分线路检修'], noticeWords)).toEqual({
      kicker: '停电通知：',
      title: '城区部分线路检修',
    });
  });

  it('lets a `#` heading stand over the notice rule', () => {
    expect(assignHeadline(['# 衡阳市自来水有限公司', '关于城区部分路段停水的通告'], noticeWords)).toEqual({
      title: '衡阳市自来水有限公司',
      subtitle: '关于城区部分路段停水的通告',
    });
  });

  it('applies no notice rule without notice words', () => {
    expect(assignHeadline(['衡阳市自然资源和规划局', '关于规范城区建设项目审批的通告'])).not.toEqual(
      expect.objectContaining({ title: '关于规范城区建设项目审批的通告' }),
    );
  });
});

describe('parseByline: readers', () => {
  it('files a reader who signs a letter as its author', () => {
    expect(parseByline('读者 王建国')).toEqual([{ name: '王建国', role: '作者' }]);
    expect(parseByline('读者　王建国')).toEqual([{ name: '王建国', role: '作者' }]);
    expect(parseByline('（读者 李 梅）')).toEqual([{ name: '李梅', role: '作者' }]);
  });

  it('still reads reporters and photographers', () => {
    expect(parseByline('（全媒体记者 贺晓岚 通讯员 刘 倩）')).toEqual([
      { name: '贺晓岚', role: '全媒体记者' },
      { name: '刘倩', role: '通讯员' },
    ]);
    expect(parseByline('■全媒体记者 颜子钧 摄')).toEqual([{ name: '颜子钧', role: '摄影' }]);
  });
});
