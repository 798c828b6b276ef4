import { describe, expect, it } from 'vitest';
import { assignHeadline, deriveTitle } from '../../scripts/ingest/parse/headline.ts';

describe('assignHeadline', () => {
  it('takes a # heading as the title, with the lines around it as kicker and subtitle', () => {
    expect(assignHeadline(['衡阳国家高新区：', '# “辛苦指数”换取“发展指数”', '副题在这里'])).toEqual({
      kicker: '衡阳国家高新区：',
      title: '“辛苦指数”换取“发展指数”',
      subtitle: '副题在这里',
    });
  });

  it('reads kicker forms (：, ——) and dash subtitles', () => {
    expect(assignHeadline(['全市工信系统力促规模工业逆势“飘红”——', '“亮眼成绩”背后的“硬核答卷”'])).toEqual({
      kicker: '全市工信系统力促规模工业逆势“飘红”——',
      title: '“亮眼成绩”背后的“硬核答卷”',
    });
    expect(assignHeadline(['“三键齐按”激活突围源动力', '——湖南衡东县“百日大会战”攻坚扫描'])).toEqual({
      title: '“三键齐按”激活突围源动力',
      subtitle: '——湖南衡东县“百日大会战”攻坚扫描',
    });
  });

  it('reads a scene-setting first line as a kicker and a longer second line as a subtitle', () => {
    expect(assignHeadline(['因封堵原老旧管', '雁峰区雷公塘片区明日停水'])).toEqual({
      kicker: '因封堵原老旧管',
      title: '雁峰区雷公塘片区明日停水',
    });
    expect(
      assignHeadline(['检爱同行 共护花开', '“六一”到来，市人民检察院与祁东县人民检察院联合开展检察开放日活动']),
    ).toEqual({
      title: '检爱同行 共护花开',
      subtitle: '“六一”到来，市人民检察院与祁东县人民检察院联合开展检察开放日活动',
    });
  });

  it('reads three unmarked lines as kicker, title, subtitle', () => {
    expect(assignHeadline(['引题', '主标题', '副标题'])).toEqual({
      kicker: '引题',
      title: '主标题',
      subtitle: '副标题',
    });
  });
});

describe('deriveTitle', () => {
  it('uses the first sentence, without the dateline, the ▲ or the date it opens with', () => {
    expect(deriveTitle(['本报讯 3月8日，常宁市隆源铜业有限公司内一派繁忙。该公司……'])).toBe(
      '常宁市隆源铜业有限公司内一派繁忙',
    );
    expect(deriveTitle(['▲2014年12月30日下午，石鼓区开展禁毒宣传活动。'])).toBe('石鼓区开展禁毒宣传活动');
    expect(deriveTitle(['▲6月1日，雨。'])).toBe('6月1日，雨');
  });

  it('skips fragments left by a column break and cuts long sentences at a clause', () => {
    const title = deriveTitle([
      '能。',
      '近年来，雁峰区在创新驱动高质量发展中不断凝聚向上的力量：柔性引进院士5位、省高层次科技创新人才14位。',
    ]);
    expect(title).toBe('近年来，雁峰区在创新驱动高质量发展中不断凝聚向上的力量…');
  });
});
