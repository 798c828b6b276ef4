import { describe, expect, it } from 'vitest';
import { reflow } from '../../scripts/ingest/parse/reflow.ts';
import { splitPage } from '../../scripts/ingest/group/splitPage.ts';
import { missingLines } from '../../scripts/ingest/nothingLost.ts';
import { loadVocabulary } from '../../scripts/ingest/parse/vocabulary.ts';

const split = (page: string) => splitPage(reflow(page), loadVocabulary());
const page = (...blocks: string[]) => blocks.join('\n\n') + '\n';

describe('splitPage', () => {
  it('opens an article at each headline block followed by a byline or dateline', () => {
    const text = page(
      '# 第一篇标题',
      '副标题说明',
      '■本报记者 张三',
      '本报讯 3月8日，第一篇的正文在这里。',
      '第二段正文。',
      '因天气原因',
      '某区某片区明日停水',
      '衡阳日报讯（全媒体记者 李四）6月1日，记者获悉停水消息。',
    );
    const articles = split(text);
    expect(articles.map((a) => [a.kicker, a.title, a.subtitle])).toEqual([
      [undefined, '第一篇标题', '副标题说明'],
      ['因天气原因', '某区某片区明日停水', undefined],
    ]);
    expect(articles[0].bylines).toEqual(['■本报记者 张三']);
    expect(articles[1].bylines).toEqual(['衡阳日报讯（全媒体记者 李四）']);
    expect(missingLines(text, articles)).toEqual([]);
  });

  it('keeps a single short line inside a story as a subhead', () => {
    const articles = split(
      page(
        '# 标题',
        '■本报记者 张三',
        '第一段正文，说了一些事情。',
        '滚石上山力保稳产',
        '第二段正文，又说了一些事情。',
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0].blocks.map((b) => b.type)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('splits 简讯 into briefs closed by their reporters', () => {
    const text = page(
      '简讯',
      '▲5月31日，石鼓区开展禁毒宣传活动。',
      '志愿者为孩子们讲解毒品危害。（全媒体记者 胡亚华 通讯员 谢金金）',
      '▲5月31日下午，支教队伍来到祁东县河洲镇中心小学。（通讯员 肖春芳）',
      '▲为传承尊老美德，志愿者来到珠晖区东风街道。',
      '（全媒体记者 金明达）',
    );
    const articles = split(text);
    expect(articles.map((a) => [a.kind, a.column, a.bylines])).toEqual([
      ['brief', '简讯', ['（全媒体记者 胡亚华 通讯员 谢金金）']],
      ['brief', '简讯', ['（通讯员 肖春芳）']],
      ['brief', '简讯', ['（全媒体记者 金明达）']],
    ]);
    expect(missingLines(text, articles)).toEqual([]);
  });

  it('makes photo news of every photo under a 图片新闻 banner', () => {
    const text = page(
      '## 图片新闻',
      '3月8日，常宁市隆源铜业有限公司内一派繁忙。',
      '■本报记者 王翟 摄',
      '3月9日，衡东县一家企业的生产线全面恢复运转，工人们正在忙碌。',
      '■通讯员 李西 摄',
    );
    const articles = split(text);
    expect(articles.map((a) => [a.kind, a.column, a.bylines])).toEqual([
      ['photo', '图片新闻', ['■本报记者 王翟 摄']],
      ['photo', '图片新闻', ['■通讯员 李西 摄']],
    ]);
    expect(missingLines(text, articles)).toEqual([]);
  });

  it('leaves no empty block in a story that a kicker and headline follow', () => {
    const text = page(
      '图片新闻',
      '12月21日，衡山经开区开展“基层治理”主题宣传活动。',
      '今年以来，衡阳产业发展公司聚焦进出口供应链业务的发展，多措并举。',
      '■本报记者 邵健成 摄',
      '纵深推进就业招聘——',
      '松木经开区聚力推动输变电',
      '市人社局启动输变电专项行动',
      '本报讯 （上接第一版）',
      '2024年12月21日，松木经开区组织开展输变电业务培训，现场气氛热烈。',
    );
    const articles = split(text);
    expect(articles.map((a) => a.title)).toContain('松木经开区聚力推动输变电');
    for (const article of articles) {
      expect(article.blocks.filter((b) => b.text.trim() === '')).toEqual([]);
      expect(article.column).not.toBe('');
    }
    expect(missingLines(text, articles)).toEqual([]);
  });

  it('makes photo news of a dated caption with a credit after a story, and keeps short captions in it', () => {
    const text = page(
      '# 标题',
      '■本报记者 张三',
      '本报讯 正文第一段，讲述了一些事情。',
      '\n\n活动现场。 ■李西 摄',
      '\n\n6月1日上午，蒸湘区长湖社区组织志愿者走进幼儿园开展禁毒宣传活动，孩子们认真听讲。',
      '■通讯员 蒋静 摄',
    );
    const articles = split(text);
    expect(articles.map((a) => [a.kind, a.column, a.bylines])).toEqual([
      ['article', undefined, ['■本报记者 张三']],
      ['photo', undefined, ['■通讯员 蒋静 摄']],
    ]);
    expect(articles[0].blocks.map((b) => b.type)).toEqual(['paragraph', 'caption']);
  });

  it('reads a narrow-column page with its headline on top', () => {
    const column = Array.from({ length: 14 }, (_, i) => `第${i}行的正文内容，继续讲述这件`);
    const text = page(
      '衡东县三键齐按激活动力',
      '□ 本报记者 王晓辉',
      ...column,
      '事情的结尾。',
      '下一个小标题',
      ...column,
      '又一个结尾。',
    );
    const articles = split(text);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('衡东县三键齐按激活动力');
    expect(articles[0].blocks.map((b) => b.type)).toEqual(['paragraph', 'subhead', 'paragraph']);
  });

  it('notes a continuation marker printed inside a dateline and keeps the line whole', () => {
    const text = page(
      '垃圾分类“跑出加速度”',
      '■本报记者 廖 刚',
      '本报讯 （上接第一版）',
      '2023年11月20日，南岳区启动垃圾分类专项行动。',
    );
    const [article] = split(text);
    expect(article?.continued).toBe('（上接第一版）');
    expect(article?.blocks[0]?.text).toBe('本报讯 （上接第一版）');
    expect(missingLines(text, split(text))).toEqual([]);
  });

  it('gives a （上接…） marker printed under a headline to that story', () => {
    const text = page(
      '# 西渡高新区纵深推进禁毒宣传',
      '■衡阳日报全媒体记者 谢 达',
      '（上接第一版）',
      '12月31日，西渡高新区签约一批项目。',
    );
    const articles = split(text);
    expect(articles.map((a) => [a.title, a.continued, a.blocks.length])).toEqual([
      ['西渡高新区纵深推进禁毒宣传', '（上接第一版）', 1],
    ]);
  });

  it('starts a new story after one signed off by its reporters', () => {
    const text = page(
      '# 第一条',
      '正文说了一件事。（通讯员 张三）',
      '第二条的标题',
      '正文说了另一件事。（通讯员 李四）',
    );
    expect(split(text).map((a) => [a.title, a.bylines])).toEqual([
      ['第一条', ['（通讯员 张三）']],
      ['第二条的标题', ['（通讯员 李四）']],
    ]);
  });

  it('keeps captions with the story and takes a headline printed after its body', () => {
    const column = [
      '□ 本报记者 王晓辉',
      '面对危机，衡东县这几组数',
      '据堪称“亮眼”：今年一季度，衡东经开',
      '区工业总产值14.56亿元，规模以上工',
      '业增加值3.40亿元。',
    ];
    const filler = Array.from({ length: 12 }, (_, i) => `第${i}行正文，继续讲述这件`);
    const text = page(
      ...column,
      ...filler,
      '事情的结尾。',
      '“三键齐按”激活突围源动力\n——湖南衡东县“百日大会战”攻坚扫描',
      '湖南机油泵股份有限公司工人正在车间忙碌赶制订单，产能全部释放，项目正加速建设。',
      '衡东十大产业项目集中开工',
    );
    const articles = split(text);
    expect(articles).toHaveLength(1);
    expect(articles[0].title).toBe('“三键齐按”激活突围源动力');
    expect(articles[0].subtitle).toBe('——湖南衡东县“百日大会战”攻坚扫描');
    expect(articles[0].blocks.filter((b) => b.type === 'caption')).toHaveLength(2);
    expect(missingLines(text, articles)).toEqual([]);
  });

  it('starts a continued story at （上接…） and reads banners as its column, not its title', () => {
    const text = page(
      '前一篇的正文结束了。',
      '（上接第一版）',
      '数据显示，该区研发投入强度稳步提高。',
      '企业难题“动态清零” 产业培育“双月交账”',
      '衡阳县“全链式兴工”促高质量发展',
      '新时代新征程新衡阳\n真抓实干推动高质量发展',
      '衡阳日报讯（全媒体记者 邹红辉）湖南金旋食品公司内，预制菜装车发往市场。',
    );
    const articles = split(text);
    expect(articles[1].continued).toBe('（上接第一版）');
    expect(articles[2]).toMatchObject({
      kicker: '企业难题“动态清零” 产业培育“双月交账”',
      title: '衡阳县“全链式兴工”促高质量发展',
      column: '新时代新征程新衡阳 真抓实干推动高质量发展',
    });
    expect(missingLines(text, articles)).toEqual([]);
  });
});

describe('splitPage: after a jump to another page', () => {
  it('starts the next story at the headline that follows a （下转…） marker', () => {
    const text = [
      '全市项目建设提速',
      '',
      '衡阳日报讯（记者 王 明）今年以来，全市各地加快推进项目建设，一批重大项目相继开工（下转第2版）',
      '',
      '城区新增停车位3000个',
      '',
      '今年以来，城区新建公共停车场12处，新增停车位3000个，缓解了停车难。',
    ].join('\n');
    const articles = split(text);
    expect(articles.map((a) => a.title)).toEqual(['全市项目建设提速', '城区新增停车位3000个']);
    expect(articles[0].continued).toBe('（下转第2版）');
  });
});
