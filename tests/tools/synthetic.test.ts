import { describe, expect, it } from 'vitest';
import { Rng } from '../../scripts/tools/bench/prng.ts';
import { fnv1a } from '../../src/utils/fnv1a.ts';
import {
  addDays,
  articleMarkdown,
  buildCorpus,
  extractSentences,
  generateArchive,
  generateIssue,
  hardWrap,
  issuePlan,
  nextIssue,
  periodOverFrom,
  sampleQueries,
  type Corpus,
  type SyntheticPage,
} from '../../scripts/tools/bench/synthetic.ts';
import { loadGazetteer } from '../../src/schemas/gazetteer.ts';
import { inferPageDate } from '../../scripts/ingest/parse/pageDate.ts';

// A small page in the seeds' format, so the tests do not depend on seeds/ being present.
const RAW = `

# 全市经济社会发展按下「快进键」

■本报记者 胡亚华

本报讯 2020年3月8日，记者从市发改委获悉，截至目前，全市1049户规模工业企业和12个省重点项目全部复工复产。

连日来，我市上下紧盯重点项目及企业不放松，全力蓄积项目、企业复工力量，掀起了复工复产热潮。

面对危机，湖南衡东县这几组数

据堪称“亮眼”：今年一季度，

衡东经开区工业总产值14.56

亿元。

简讯

▲5月31日，石鼓区潇湘街道桑园社区党总支联合当地派出所民警来到童星幼儿园开展禁毒宣传活动。

■通讯员 蒋静 摄
`;

const corpus: Corpus = buildCorpus([RAW], loadGazetteer());
const options = { seed: 'test', pages: 40 };
const archive = (o = options): SyntheticPage[] => [...generateArchive(corpus, o)];

describe('prng', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const c = new Rng('y');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(fnv1a('衡阳')).toBe(fnv1a('衡阳'));
  });

  it('keeps int() within its bounds', () => {
    const rng = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
  });
});

describe('extractSentences', () => {
  it('rejoins wrapped columns, drops bylines and captions, and turns dates into slots', () => {
    const sentences = extractSentences([RAW]);
    expect(sentences).toContain(
      '{Y}年{MD}，记者从市发改委获悉，截至目前，全市1049户规模工业企业和12个省重点项目全部复工复产。',
    );
    expect(sentences).toContain(
      '面对危机，湖南衡东县这几组数据堪称“亮眼”：今年一季度，衡东经开区工业总产值14.56亿元。',
    );
    expect(sentences.some((s) => /■|▲|摄/.test(s))).toBe(false);
    expect(sentences.some((s) => /20\d\d年|\d月\d+日/.test(s))).toBe(false);
  });

  it('falls back to built-in sentences when the texts give too few', () => {
    expect(buildCorpus([], loadGazetteer()).sentences.length).toBeGreaterThanOrEqual(10);
  });
});

describe('periods in the text', () => {
  it('knows from which month a reported period is over', () => {
    expect(periodOverFrom('1—9月，全市规模工业增加值同比增长。')).toBe(10);
    expect(periodOverFrom('今年一季度，衡东经开区工业总产值14.56亿元。')).toBe(4);
    expect(periodOverFrom('上半年，全市接待游客一千万人次，前三季度再创新高。')).toBe(10);
    expect(periodOverFrom('截至5月底，已完成投资两亿元。')).toBe(6);
    expect(periodOverFrom('活动现场，工作人员向过往群众发放宣传资料。')).toBe(1);
  });

  it('never puts a period on a page printed before it is over, which would pin the page months later', () => {
    const periodic = buildCorpus(
      [RAW.replace('今年一季度，', '1—11月，').replace('连日来，', '今年前三季度，')],
      loadGazetteer(),
    );
    const pages = [...generateArchive(periodic, { seed: 'periods', pages: 120 })];
    expect(pages.some((p) => p.text.includes('1—11月'))).toBe(true);
    for (const page of pages) {
      const inferred = inferPageDate(page.text).date;
      // The ingest dates a page the day after its latest event; an event of the issue's own day moves it by one.
      if (inferred) expect(inferred <= addDays(page.date, 1), `${page.file} (${page.date}): ${inferred}`).toBe(true);
    }
  });
});

describe('issuePlan', () => {
  it('spreads full issues over the decade, the last one partial', () => {
    const plan = issuePlan({ seed: 's', pages: 8 * 100 + 3 });
    expect(plan).toHaveLength(101);
    expect(plan.slice(0, -1).every((i) => i.pages === 8)).toBe(true);
    expect(plan.at(-1)?.pages).toBe(3);
    expect(plan[0]?.date).toBe('2015-01-01');
    expect(plan.at(-1)?.date.slice(0, 4)).toBe('2024');
    const dates = plan.map((i) => i.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });

  it('rejects a non-positive page count', () => {
    expect(() => issuePlan({ seed: 's', pages: 0 })).toThrow();
  });

  it('puts the next issue after the last one', () => {
    const plan = issuePlan(options);
    expect(nextIssue(options).date).toBe(addDays(plan.at(-1)?.date ?? '', 1));
  });
});

describe('generateArchive', () => {
  const pages = archive();

  it('makes exactly the pages asked for, with distinct file names', () => {
    expect(pages).toHaveLength(40);
    expect(new Set(pages.map((p) => p.file)).size).toBe(40);
    for (const p of pages) expect(p.file).toMatch(/^syn_[0-9a-f]{16}\.txt$/);
  });

  it('is deterministic: the same options give byte-identical pages', () => {
    const again = archive();
    expect(again.map((p) => p.text)).toEqual(pages.map((p) => p.text));
    expect(archive({ ...options, seed: 'other' }).map((p) => p.text)).not.toEqual(pages.map((p) => p.text));
  });

  it('puts several articles on a page, and every article has a title and a body', () => {
    for (const p of pages) {
      expect(p.articles.length).toBeGreaterThanOrEqual(1);
      for (const a of p.articles) {
        expect(a.title.length).toBeGreaterThan(0);
        expect(a.paragraphs.join('').length).toBeGreaterThan(0);
        expect(a.regions.length).toBeGreaterThan(0);
      }
    }
    const unwrapped = pages.filter((p) => !p.wrapped);
    expect(unwrapped.every((p) => p.articles.length >= 2)).toBe(true);
    const total = pages.reduce((n, p) => n + p.articles.length, 0);
    expect(total / pages.length).toBeGreaterThanOrEqual(3);
  });

  it('prints each article title on its page (headings may carry # marks)', () => {
    for (const p of pages.filter((x) => !x.wrapped)) {
      for (const a of p.articles.filter((x) => x.kind === 'article' || x.kind === 'notice')) {
        expect(p.text).toContain(a.title);
      }
    }
  });

  it('states a date on every page: the year with a month and day, never after the issue', () => {
    for (const p of pages) {
      const flat = p.text.replace(/\s+/g, '');
      const full = [...flat.matchAll(/(20\d\d)年(\d{1,2})月(\d{1,2})日/g)];
      expect(full.length, p.file).toBeGreaterThan(0);
      for (const [, y, m, d] of full) {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        expect(iso <= p.date, `${p.file}: ${iso} after ${p.date}`).toBe(true);
      }
      for (const a of p.articles) expect(a.eventDate <= p.date).toBe(true);
    }
  });

  it('spreads pages over the years 2015–2024', () => {
    const years = new Set(archive({ seed: 'test', pages: 400 }).map((p) => p.date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('varies the byline forms, and includes 简讯, 图片新闻 and hard-wrapped pages', () => {
    const big = archive({ seed: 'test', pages: 200 });
    const all = big.map((p) => p.text).join('\n');
    for (const form of [
      '■本报记者',
      '□ ',
      '衡阳日报讯（全媒体记者',
      '本报讯 ',
      '（通讯员 ',
      ' 摄',
      '▲',
      '简讯',
      '图片新闻',
    ]) {
      expect(all, form).toContain(form);
    }
    expect(big.some((p) => p.wrapped)).toBe(true);
    expect(big.some((p) => /^#{1,2} /m.test(p.text))).toBe(true);
    const kinds = new Set(big.flatMap((p) => p.articles.map((a) => a.kind)));
    expect([...kinds].sort()).toEqual(['article', 'brief', 'notice', 'photo']);
  });

  it('hard-wraps narrow-column pages into short lines with blank lines between', () => {
    const wrapped = archive({ seed: 'test', pages: 200 }).find((p) => p.wrapped);
    expect(wrapped).toBeDefined();
    const lines = (wrapped as SyntheticPage).text.split('\n').filter(Boolean);
    const short = lines.filter((l) => [...l].length <= 16);
    expect(short.length / lines.length).toBeGreaterThan(0.6);
  });

  it('draws regions from the gazetteer', () => {
    const names = new Set(loadGazetteer().regions.map((r) => r.name));
    for (const p of pages) for (const a of p.articles) for (const r of a.regions) expect(names.has(r)).toBe(true);
  });

  it('keeps pages stable when more pages or a next issue are added', () => {
    const more = archive({ seed: 'test', pages: 48 });
    const byFile = new Map(more.map((p) => [p.file, p.text]));
    // Pages are a function of (seed, date, page number): a page present in both archives is identical.
    for (const p of pages) if (byFile.has(p.file)) expect(byFile.get(p.file)).toBe(p.text);
    const next = [...generateIssue(corpus, 'test', nextIssue(options))];
    expect(next).toHaveLength(8);
    expect(next.some((p) => pages.some((q) => q.file === p.file))).toBe(false);
  });
});

describe('hardWrap', () => {
  it('cuts at the width and keeps closing punctuation off a line start', () => {
    expect(hardWrap('一二三四五六七', 3)).toBe('一二三\n\n四五六\n\n七');
    expect(hardWrap('一二三，四五', 3)).toBe('一二三，\n\n四五');
  });
});

describe('sampleQueries and articleMarkdown', () => {
  const pages = archive();

  it('samples the same queries for the same seed, from words in the text', () => {
    const q = sampleQueries(pages, 12, 'q');
    expect(q).toEqual(sampleQueries(pages, 12, 'q'));
    expect(q.length).toBe(12);
    const text = pages.map((p) => p.text.replace(/\s+/g, '')).join('');
    for (const query of q) for (const word of query.split(' ')) expect(text).toContain(word);
  });

  it('writes front matter that follows the content schema', () => {
    const page = pages[0];
    const md = articleMarkdown(page, 0);
    expect(md.startsWith('---\ntitle: ')).toBe(true);
    expect(md).toContain(`date: "${page.date}"`);
    expect(md).toContain(`source: { file: "${page.file}", index: 0 }`);
    expect(md).toMatch(/kind: "(article|brief|photo|notice)"/);
    expect(() => articleMarkdown(page, 99)).toThrow();
  });
});
