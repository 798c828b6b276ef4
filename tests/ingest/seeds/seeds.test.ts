/**
 * The ingest over all five seed pages: the articles a reader of each page
 * would expect, nothing lost, and output that is stable and deterministic.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { squash } from '../../../scripts/ingest/parse/text.ts';
import { ingestTo, onPage, SEEDS_DIR, tempDir, type WrittenArticle } from './helpers.ts';

let articles: WrittenArticle[];
let outDir: string;

beforeAll(async () => {
  outDir = tempDir('seeds');
  const result = await ingestTo(SEEDS_DIR, outDir);
  expect(result.summary.errors).toEqual([]);
  articles = result.articles;
});

const titles = (list: WrittenArticle[]) => list.map((a) => a.frontMatter.title);
const byTitle = (fragment: string) => {
  const found = articles.find((a) => a.frontMatter.title.includes(fragment));
  if (!found) throw new Error(`no article titled …${fragment}…`);
  return found.frontMatter;
};

describe('seed 004: a front page of five reports', () => {
  it('holds 复工复产, 水利督查, two 朱健 inspections and one 图片新闻', () => {
    const page = onPage(articles, '004');
    expect(titles(page)).toEqual([
      '全市经济社会发展按下「快进键」',
      '在建水利工程质量和进度如何？',
      '争当“优等生” 努力交出经济社会发展优质答卷',
      '主动作为 创先争优 全力推动经济社会平稳健康发展',
      '常宁市隆源铜业有限公司内一派繁忙',
    ]);
    expect(page.map((a) => a.frontMatter.kind)).toEqual(['article', 'article', 'article', 'article', 'photo']);
    expect(page[4].frontMatter.column).toBe('图片新闻');
    expect(page[2].frontMatter.subtitle).toBe('朱健赴常宁市、耒阳市督导疫情防控和经济社会发展工作');
  });

  it('reads bylines, regions and the date', () => {
    const water = byTitle('在建水利工程');
    expect(water.authors).toEqual([{ name: '胡亚华', role: '记者' }]);
    expect(water.regions).toEqual(['衡阳市']);
    expect(byTitle('争当“优等生”').regions).toEqual(['耒阳市', '常宁市']);
    const south = byTitle('主动作为');
    expect(south.regions).toEqual(['衡南县', '祁东县']);
    expect(south.regions).not.toContain('南岳区');
    expect(byTitle('一派繁忙').authors).toEqual([{ name: '王翟', role: '摄影' }]);
    for (const a of onPage(articles, '004')) expect([a.frontMatter.date, a.frontMatter.dateInferred]).toEqual(['2020-03-09', true]);
  });
});

describe('seed 000: a narrow-column feature with its headline printed last', () => {
  it('is one article with title, subtitle, two bylines and its captions', () => {
    const page = onPage(articles, '000');
    expect(page).toHaveLength(1);
    const { frontMatter, bodyText } = page[0];
    expect(frontMatter.title).toBe('“三键齐按”激活突围源动力');
    expect(frontMatter.subtitle).toBe('——湖南衡东县“百日大会战”攻坚扫描');
    expect(frontMatter.byline).toBe('□ 章焱平 周 健 □ 本报记者 王晓辉');
    expect(frontMatter.authors).toEqual([
      { name: '章焱平', role: '作者' },
      { name: '周健', role: '作者' },
      { name: '王晓辉', role: '记者' },
    ]);
    expect(frontMatter.regions).toEqual(['衡东县', '衡东经开区']);
    expect(frontMatter.date).toBe('2020-04-16');
    expect(bodyText).toContain('衡东经开区工业总产值14.56亿元');
    // Each photo caption stays a caption of its own.
    for (const caption of ['衡东十大产业项目集中开工', '衡东县委书记吴伟生(右二)深入项目现场调研']) {
      expect(page[0].raw).toContain(`\n_${caption}_\n`);
    }
  });
});

describe('seed 001: a feature between two photos', () => {
  it('separates the photos from the feature and reads its kicker', () => {
    const page = onPage(articles, '001');
    expect(page.map((a) => a.frontMatter.kind)).toEqual(['photo', 'article', 'photo']);
    const feature = page[1].frontMatter;
    expect(feature).toMatchObject({
      kicker: '全市工信系统以超常举措力促规模工业逆势“飘红”——',
      title: '“亮眼成绩”背后的“硬核答卷”',
      authors: [{ name: '邓小山', role: '全媒体记者' }],
      regions: ['衡阳市'],
    });
    expect(page[0].frontMatter.authors).toEqual([{ name: '周围', role: '摄影' }]);
    expect(page.every((a) => a.frontMatter.date?.startsWith('2022-'))).toBe(true);
  });
});

describe('seed 002: reports, 简讯, a notice, photo news and a continued story', () => {
  const page = () => onPage(articles, '002');

  it('has each report with its kicker, title, subtitle and reporters', () => {
    expect(byTitle('衡阳县“全链式兴工”')).toMatchObject({
      kicker: '企业难题“动态清零” 产业培育“双月交账”',
      column: '新时代新征程新衡阳 真抓实干推动高质量发展',
      regions: ['衡阳县', '西渡高新区'],
    });
    expect(byTitle('充电赋能')).toMatchObject({ kicker: '南岳区人社局：', regions: ['南岳区'] });
    expect(byTitle('充电赋能').authors.map((a) => a.role)).toEqual(['通讯员', '通讯员', '见习记者']);
    expect(byTitle('检爱同行').subtitle).toContain('联合开展检察开放日活动');
  });

  it('splits the 简讯 column into three briefs', () => {
    const briefs = page().filter((a) => a.frontMatter.kind === 'brief');
    expect(briefs).toHaveLength(3);
    expect(briefs.every((a) => a.frontMatter.column === '简讯')).toBe(true);
    expect(briefs.map((a) => a.frontMatter.regions)).toEqual([['石鼓区'], ['祁东县'], ['珠晖区']]);
    expect(briefs.map((a) => a.frontMatter.authors.map((p) => p.name))).toEqual([['胡亚华', '谢金金'], ['肖春芳'], ['金明达']]);
  });

  it('reads the water cut as a notice and dates the page the day before it', () => {
    expect(byTitle('明日停水')).toMatchObject({ kind: 'notice', kicker: '因封堵原老旧管', regions: ['雁峰区'] });
    expect(new Set(page().map((a) => a.frontMatter.date))).toEqual(new Set(['2023-06-02']));
  });

  it('marks the story continued from page one', () => {
    expect(page().filter((a) => a.frontMatter.continued === '（上接第一版）')).toHaveLength(1);
  });
});

describe('seed 003: a 专版 of one feature and four ## reports', () => {
  it('reads the kicker and the ## headings', () => {
    const page = onPage(articles, '003');
    expect(titles(page)).toEqual([
      '“辛苦指数”换取“发展指数” 纵深推进“三送三解三优”',
      '燕京啤酒·破解员工停车难',
      '风顺车桥·精准解难促发展',
      '长高森源·保障要素助倍增',
      '高新产业·拓宽外贸第一步',
    ]);
    expect(page[0].frontMatter.kicker).toBe('衡阳国家高新区：');
    expect(page[0].frontMatter.regions).toEqual(['衡阳高新区']);
    expect(page[3].frontMatter.regions).toEqual(['衡阳高新区']);
    expect(page[4].frontMatter.regions).toContain('衡阳综合保税区');
    expect(page[0].bodyText).toContain('深入风顺车桥生产车间调研。 ■李西 摄');
  });
});

describe('every seed', () => {
  it('loses nothing: each printed line is in some article of its page', () => {
    for (const file of readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
      const own = squash(
        articles
          .filter((a) => a.frontMatter.source.file === file)
          .map((a) => {
            const f = a.frontMatter;
            return [f.kicker, f.title, f.subtitle, f.column, f.byline, f.continued, a.bodyText].join('\n');
          })
          .join('\n'),
      );
      const lost = text
        .split('\n')
        .map((line) => squash(line).replace(/^#+/u, ''))
        .filter((line) => line !== '' && !own.includes(line));
      expect({ file, lost }).toEqual({ file, lost: [] });
    }
  });

  it('gives every article a title, a kind and at most eight keywords with no bare numbers', () => {
    for (const { frontMatter } of articles) {
      expect(frontMatter.title.trim()).not.toBe('');
      expect(frontMatter.keywords.length).toBeLessThanOrEqual(8);
      for (const keyword of frontMatter.keywords) expect(keyword).not.toMatch(/^[\d.%]+$/u);
    }
  });

  it('writes byte-identical output on a second run', async () => {
    const second = (await ingestTo(SEEDS_DIR)).articles;
    expect(second.map((a) => [a.slug, a.raw])).toEqual(articles.map((a) => [a.slug, a.raw]));
  });

  it('keeps an article’s slug and file when other pages are removed', async () => {
    const files = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    const kept = [files[0], files.at(-1)!];
    const subset = tempDir('subset');
    for (const file of kept) copyFileSync(join(SEEDS_DIR, file), join(subset, file));
    const fewer = (await ingestTo(subset)).articles;
    expect(fewer.length).toBe(articles.filter((a) => kept.includes(a.frontMatter.source.file)).length);
    for (const article of fewer) expect(articles.find((a) => a.slug === article.slug)?.raw).toBe(article.raw);
  });
});
