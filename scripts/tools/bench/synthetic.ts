/**
 * A deterministic synthetic archive of 衡阳日报 pages, in the raw OCR format
 * of seeds/*.txt, for benchmarks. Pure: no I/O, no clock; the same options
 * and corpus give byte-identical pages.
 *
 * Each page is generated from (seed, issue date, page number) alone, so an
 * archive of N pages is a prefix-stable set of issues spread over the date
 * range, and one more day's issue can be added without changing any other page.
 */
import { createHash } from 'node:crypto';
import type { ArticleKind, AuthorRole } from '../../../src/schemas/articleContract.ts';
import { Rng } from './prng.ts';

export interface Corpus {
  /** Body sentences; `{Y}`, `{M}` and `{MD}` stand for a year, a month and a month-day, filled per article. */
  sentences: string[];
  /** Canonical region names (data/gazetteer.yaml). */
  regions: string[];
  /** Landmarks and towns with their region (gazetteer `places`). */
  places: { name: string; region: string }[];
}

export interface SyntheticOptions {
  seed: string;
  pages: number;
  /** First and last possible issue dates, ISO; default 2015-01-01 … 2024-12-31. */
  start?: string;
  end?: string;
  /** Pages in one day's issue; default 8. */
  pagesPerIssue?: number;
}

export interface SyntheticAuthor {
  name: string;
  role: AuthorRole;
}

/** What the generator put on a page: the ground truth an ingest should recover. */
export interface SyntheticArticle {
  kind: ArticleKind;
  title: string;
  kicker?: string;
  subtitle?: string;
  column?: string;
  /** The byline as printed (without the ■/□ mark), when there is one. */
  byline?: string;
  authors: SyntheticAuthor[];
  regions: string[];
  /** Topic words used in the title and lead: real words for search queries. */
  topics: string[];
  /** The day the reported events happened (the issue date is the page's `date`). */
  eventDate: string;
  /** Body paragraphs, unwrapped, as they should read after the ingest. */
  paragraphs: string[];
  continued?: string;
}

export interface SyntheticPage {
  /** File name in the generated seeds folder, like seeds/ (no date in it). */
  file: string;
  /** Issue (publication) date, ISO. */
  date: string;
  pageNo: number;
  /** True when the page's columns are hard-wrapped every ~13 characters. */
  wrapped: boolean;
  articles: SyntheticArticle[];
  /** The raw page text. */
  text: string;
}

export interface Issue {
  date: string;
  pages: number;
}

const DAY_MS = 86_400_000;

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The issues of an archive of `pages` pages: evenly spread over the date range, all full but the last. */
export function issuePlan(options: SyntheticOptions): Issue[] {
  const start = options.start ?? '2015-01-01';
  const end = options.end ?? '2024-12-31';
  const perIssue = options.pagesPerIssue ?? 8;
  if (!Number.isInteger(options.pages) || options.pages < 1) throw new Error('pages must be a positive integer');
  const count = Math.ceil(options.pages / perIssue);
  const span = daysBetween(start, end) + 1;
  const issues: Issue[] = [];
  for (let k = 0; k < count; k++) {
    const pages = k === count - 1 ? options.pages - perIssue * (count - 1) : perIssue;
    issues.push({ date: addDays(start, Math.floor((k * span) / count)), pages });
  }
  return issues;
}

/** The whole archive, page by page (a generator: 100,000 articles need not sit in memory). */
export function* generateArchive(corpus: Corpus, options: SyntheticOptions): Generator<SyntheticPage> {
  for (const issue of issuePlan(options)) yield* generateIssue(corpus, options.seed, issue);
}

export function* generateIssue(corpus: Corpus, seed: string, issue: Issue): Generator<SyntheticPage> {
  for (let pageNo = 1; pageNo <= issue.pages; pageNo++) yield generatePage(corpus, seed, issue.date, pageNo);
}

/** The issue an incremental build adds: the day after the archive's last issue. */
export function nextIssue(options: SyntheticOptions): Issue {
  const plan = issuePlan(options);
  const last = plan[plan.length - 1];
  return { date: addDays(last.date, 1), pages: options.pagesPerIssue ?? 8 };
}

// ---------------------------------------------------------------------------
// Vocabulary. Titles, leads and bylines are built from these; bodies come from
// the corpus sentences (the seeds' own text).

const TOPICS = [
  '安全生产',
  '乡村振兴',
  '营商环境',
  '疫情防控',
  '复工复产',
  '招商引资',
  '项目建设',
  '产业集群',
  '文明创建',
  '河长制',
  '防汛抗旱',
  '森林防火',
  '禁毒宣传',
  '消防演练',
  '就业招聘',
  '技能培训',
  '养老服务',
  '医疗保障',
  '义务教育',
  '食品安全',
  '生态环境',
  '垃圾分类',
  '农村公路',
  '高标准农田',
  '油茶产业',
  '电子信息',
  '输变电',
  '新能源汽车',
  '文化旅游',
  '非遗传承',
  '志愿服务',
  '基层治理',
  '平安建设',
  '科技创新',
  '专精特新',
  '人才引进',
  '数字经济',
  '城市更新',
  '老旧小区改造',
  '湘江保护',
];
const VERBS = ['全力推进', '扎实开展', '稳步推进', '持续深化', '全面启动', '加快推进', '聚力推动', '纵深推进'];
const RESULTS = ['取得新成效', '跑出加速度', '按下快进键', '迈上新台阶', '交出亮眼答卷', '见实效', '结出硕果'];
const ORGANS = [
  '市公安局',
  '市人民检察院',
  '市农业农村局',
  '市水利局',
  '市发改委',
  '市教育局',
  '市卫健委',
  '市人社局',
  '市生态环境局',
  '市文旅广体局',
  '市住建局',
  '市总工会',
  '团市委',
  '市妇联',
  '市消防救援支队',
  '市市场监管局',
];
const LEAD_EVENTS = [
  (t: string) => `召开${t}工作推进会`,
  (t: string) => `举行${t}现场观摩活动`,
  (t: string) => `启动${t}专项行动`,
  (t: string) => `开展“${t}”主题宣传活动`,
  (t: string) => `组织开展${t}业务培训`,
  (t: string) => `对${t}工作进行专题调研`,
  (t: string) => `集中签约一批${t}项目`,
];
const LEAD_TAILS = [
  '进一步推动各项工作落实落细',
  '为全市高质量发展注入新动能',
  '现场气氛热烈',
  '相关部门负责人参加活动',
  '确保各项任务按时保质完成',
  '推动工作再上新台阶',
];
const QUOTES = ['加速键', '快进键', '硬核答卷', '及时雨', '定心丸', '新引擎', '主阵地'];
const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董程曹袁邓许彭蒋蔡贾丁魏叶余潘杜夏钟汪田姜范石姚谭廖邹熊金陆孔白崔毛邱秦江侯邵龙段雷汤尹黎易贺龚旷',
];
const GIVEN = [...'晓辉健华明军红伟平芳文静丽强磊洋勇艳杰娟涛超秀英霞刚宇鹏飞琳雪婷志国建新春永亮成章达山'];
const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八'];

interface Staff {
  reporters: string[];
  correspondents: string[];
  trainees: string[];
}

const staffCache = new Map<string, Staff>();

/** The paper's staff for a seed: the same names recur across the decade, as in a real paper. */
function staffFor(seed: string): Staff {
  let staff = staffCache.get(seed);
  if (!staff) {
    const rng = new Rng(`${seed}|staff`);
    const name = () => rng.pick(SURNAMES) + rng.pick(GIVEN) + (rng.chance(0.7) ? rng.pick(GIVEN) : '');
    const list = (n: number) => Array.from({ length: n }, name);
    staff = { reporters: list(40), correspondents: list(120), trainees: list(10) };
    staffCache.set(seed, staff);
  }
  return staff;
}

/** Two-character names are typeset with a space between the characters (周 健). */
function printed(name: string): string {
  return [...name].length === 2 ? [...name].join(' ') : name;
}

function monthDay(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

// ---------------------------------------------------------------------------

interface PageContext {
  rng: Rng;
  corpus: Corpus;
  staff: Staff;
  date: string;
  pageNo: number;
  hashHeadings: boolean;
}

interface Block {
  text: string;
  /** Body text is hard-wrapped on narrow-column pages; titles and bylines are not. */
  wrap: boolean;
}

interface Rendered {
  article: SyntheticArticle;
  blocks: Block[];
}

export function generatePage(corpus: Corpus, seed: string, date: string, pageNo: number): SyntheticPage {
  const rng = new Rng(`${seed}|${date}|${pageNo}`);
  const ctx: PageContext = {
    rng,
    corpus,
    staff: staffFor(seed),
    date,
    pageNo,
    hashHeadings: rng.chance(0.3),
  };
  const wrapped = rng.chance(0.2);
  const rendered: Rendered[] = [];
  if (wrapped && rng.chance(0.5)) {
    rendered.push(feature(ctx));
    if (rng.chance(0.5)) rendered.push(photo(ctx, false));
  } else {
    const regular = rng.int(2, 5);
    for (let i = 0; i < regular; i++) rendered.push(regularArticle(ctx, i === 0));
    if (rng.chance(0.4)) rendered.splice(rng.int(1, rendered.length), 0, photo(ctx, rng.chance(0.5)));
    if (rng.chance(0.1)) rendered.push(notice(ctx));
    if (rng.chance(0.35)) rendered.push(...briefBox(ctx));
  }
  const width = rng.int(12, 14);
  const parts: string[] = [];
  for (const { blocks } of rendered) {
    for (const block of blocks) parts.push(wrapped && block.wrap ? hardWrap(block.text, width) : block.text);
  }
  const lead = '\n'.repeat(rng.int(0, 3));
  const text = `${lead}${parts.join('\n\n')}\n`;
  const id = createHash('sha256').update(`${seed}|${date}|${pageNo}`).digest('hex').slice(0, 16);
  return { file: `syn_${id}.txt`, date, pageNo, wrapped, articles: rendered.map((r) => r.article), text };
}

const NO_LINE_START = '，。、；：？！”）》…';

/** Cuts a paragraph into lines of `width` characters with blank lines between, as narrow OCR'd columns read. */
export function hardWrap(text: string, width: number): string {
  const chars = [...text];
  const lines: string[] = [];
  let i = 0;
  while (i < chars.length) {
    let end = Math.min(i + width, chars.length);
    // Typesetting keeps closing punctuation off the start of a line.
    while (end < chars.length && NO_LINE_START.includes(chars[end])) end++;
    lines.push(chars.slice(i, end).join(''));
    i = end;
  }
  return lines.join('\n\n');
}

function fill(ctx: PageContext, sentence: string, eventDate: string): string {
  const { rng } = ctx;
  return sentence
    .replaceAll('{MD}', () => {
      // An earlier day of the same month: never after the event, never before the 1st.
      const back = Math.min(rng.int(0, 12), Number(eventDate.slice(8, 10)) - 1);
      return monthDay(addDays(eventDate, -back));
    })
    .replaceAll('{Y}', eventDate.slice(0, 4))
    .replaceAll('{M}', String(Number(eventDate.slice(5, 7))));
}

function paragraphs(ctx: PageContext, count: number, eventDate: string, sentencesEach: [number, number]): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: ctx.rng.int(...sentencesEach) }, () => fill(ctx, sentenceFor(ctx, eventDate), eventDate)).join(
      '',
    ),
  );
}

/**
 * A corpus sentence that fits the date: one reporting a period (`1—9月`, `上半年`)
 * is only written after the period is over, as a real report would be; a page
 * of May saying `1—9月` would pin its own date to October. Across New Year
 * (an event of 30 December on the page of 1 January) no period fits.
 */
function sentenceFor(ctx: PageContext, eventDate: string): string {
  const month = eventDate.slice(0, 4) === ctx.date.slice(0, 4) ? Number(eventDate.slice(5, 7)) : 1;
  for (let tries = 0; tries < 20; tries++) {
    const sentence = ctx.rng.pick(ctx.corpus.sentences);
    if (periodOverFrom(sentence) <= month) return sentence;
  }
  return ctx.rng.pick(FALLBACK_SENTENCES);
}

/** Periods of the current year a sentence reports on, each with the month from which it is over. */
const PERIODS: [RegExp, (m: RegExpMatchArray) => number][] = [
  [/前三季度/u, () => 10],
  [/上半年/u, () => 7],
  [/一季度/u, () => 4],
  [/(?<!\d)1\s*[—–\-~～至]\s*(\d{1,2})月/u, (m) => Number(m[1]) + 1],
  [/截至(\d{1,2})月(?:底|末)/u, (m) => Number(m[1]) + 1],
];

/** The first month in which every period the sentence reports on is over (1 when it names none). */
export function periodOverFrom(sentence: string): number {
  let month = 1;
  for (const [pattern, over] of PERIODS) {
    const match = pattern.exec(sentence);
    if (match) month = Math.max(month, over(match));
  }
  return month;
}

function eventDateFor(ctx: PageContext): string {
  return addDays(ctx.date, -ctx.rng.pick([0, 1, 1, 1, 2]));
}

/** How a lead names its day: with the year, month and day, or the day alone when the month is plain. */
function dateExpression(ctx: PageContext, eventDate: string, explicitYear: boolean): string {
  if (explicitYear) return `${eventDate.slice(0, 4)}年${monthDay(eventDate)}`;
  if (eventDate.slice(0, 7) === ctx.date.slice(0, 7) && ctx.rng.chance(0.1)) return `${Number(eventDate.slice(8))}日`;
  return monthDay(eventDate);
}

function heading(ctx: PageContext, level: 1 | 2, text: string): Block {
  return { text: ctx.hashHeadings ? `${'#'.repeat(level)} ${text}` : text, wrap: false };
}

function title(ctx: PageContext, region: string, topics: string[]): string {
  const { rng } = ctx;
  const [a, b] = topics as [string, string];
  switch (rng.int(0, 3)) {
    case 0:
      return `${region}${rng.pick(VERBS)}${a}`;
    case 1:
      return `${a}“${rng.pick(RESULTS)}”`;
    case 2:
      return `${rng.pick(VERBS)}${a} ${rng.pick(VERBS)}${b}`;
    default:
      return `${region}：${a}按下“${rng.pick(QUOTES)}”`;
  }
}

interface Byline {
  /** A line of its own under the title (■本报记者 X), if any. */
  line?: string;
  /** What opens the lead paragraph (衡阳日报讯（…）, 本报讯 ), if anything. */
  dateline: string;
  byline?: string;
  authors: SyntheticAuthor[];
}

function byline(ctx: PageContext): Byline {
  const { rng, staff } = ctx;
  const reporter = rng.pick(staff.reporters);
  const helpers = rng.sample(staff.correspondents, rng.int(1, 2));
  const helperAuthors = helpers.map((name): SyntheticAuthor => ({ name, role: '通讯员' }));
  switch (rng.int(0, 5)) {
    case 0: {
      const byline = `本报记者 ${printed(reporter)}`;
      return { line: `■${byline}`, dateline: '本报讯 ', byline, authors: [{ name: reporter, role: '记者' }] };
    }
    case 1: {
      const byline = `衡阳日报全媒体记者 ${printed(reporter)} 通讯员 ${helpers.map(printed).join(' ')}`;
      return {
        line: `■${byline}`,
        dateline: '',
        byline,
        authors: [{ name: reporter, role: '全媒体记者' }, ...helperAuthors],
      };
    }
    case 2:
    case 3: {
      const trainee = rng.chance(0.15) ? rng.pick(staff.trainees) : undefined;
      const inner = trainee
        ? `通讯员 ${helpers.join(' ')} 见习记者 ${trainee}`
        : `全媒体记者 ${reporter} 通讯员 ${helpers.join(' ')}`;
      const authors: SyntheticAuthor[] = trainee
        ? [...helperAuthors, { name: trainee, role: '见习记者' }]
        : [{ name: reporter, role: '全媒体记者' }, ...helperAuthors];
      const dateline = `衡阳日报讯（${inner}）`;
      return { dateline, byline: dateline, authors };
    }
    case 4: {
      const byline = rng.chance(0.5) ? `本报记者 ${reporter}` : `${printed(reporter)} ${printed(helpers[0])}`;
      const role: AuthorRole = byline.startsWith('本报记者') ? '记者' : '作者';
      const authors: SyntheticAuthor[] =
        role === '记者'
          ? [{ name: reporter, role }]
          : [
              { name: reporter, role },
              { name: helpers[0], role },
            ];
      return { line: `□ ${byline}`, dateline: '', byline, authors };
    }
    default:
      return { dateline: '本报讯 ', authors: [] };
  }
}

function regularArticle(ctx: PageContext, front: boolean): Rendered {
  const { rng, corpus } = ctx;
  const region = rng.pick(corpus.regions);
  const topics = rng.sample(TOPICS, 2);
  const eventDate = eventDateFor(ctx);
  const article: SyntheticArticle = {
    kind: 'article',
    title: title(ctx, region, topics),
    authors: [],
    regions: [region],
    topics,
    eventDate,
    paragraphs: [],
  };
  const blocks: Block[] = [];
  if (rng.chance(0.25)) {
    article.kicker = rng.chance(0.5) ? `${rng.pick(ORGANS)}：` : `${rng.pick(VERBS)}${topics[1]}——`;
    blocks.push({ text: article.kicker, wrap: false });
  }
  blocks.push(heading(ctx, 1, article.title));
  if (rng.chance(0.3)) {
    article.subtitle = `${rng.pick(ORGANS)}${rng.pick(LEAD_EVENTS)(topics[0])}`;
    blocks.push({ text: article.subtitle, wrap: false });
  }
  const by = byline(ctx);
  article.authors = by.authors;
  if (by.byline) article.byline = by.byline;
  if (by.line) blocks.push({ text: by.line, wrap: false });

  const when = dateExpression(ctx, eventDate, front || rng.chance(0.4));
  const lead = `${when}，${region}${rng.pick(LEAD_EVENTS)(topics[0])}，${rng.pick(LEAD_TAILS)}。`;
  const size = rng.pick(['short', 'medium', 'medium', 'long'] as const);
  const count = size === 'short' ? rng.int(1, 2) : size === 'medium' ? rng.int(3, 5) : rng.int(6, 9);
  const body = paragraphs(ctx, count, eventDate, [2, 4]);
  body[0] = lead + body[0];
  if (ctx.pageNo > 1 && rng.chance(0.08)) {
    article.continued = '（上接第一版）';
    body.unshift(article.continued);
  } else if (ctx.pageNo === 1 && rng.chance(0.15)) {
    article.continued = `（下转第${CN_NUM[rng.int(2, 4)]}版）`;
    body.push(article.continued);
  }
  article.paragraphs = body;
  blocks.push({ text: by.dateline + body[0], wrap: true });
  const sections = size === 'long' && rng.chance(0.4);
  body.slice(1).forEach((p, i) => {
    if (sections && i % 3 === 1) blocks.push(heading(ctx, 2, `${rng.pick(TOPICS)}“${rng.pick(RESULTS)}”`));
    blocks.push({ text: p, wrap: true });
  });
  return { article, blocks };
}

/** A long narrow-column feature: names at the top, sections with two-line headings, captions at the end. */
function feature(ctx: PageContext): Rendered {
  const { rng, corpus, staff } = ctx;
  const region = rng.pick(corpus.regions);
  const topics = rng.sample(TOPICS, 3);
  const eventDate = eventDateFor(ctx);
  const writers = rng.sample(staff.reporters, 3);
  const article: SyntheticArticle = {
    kind: 'article',
    title: `“${topics[0]}”激活发展新动能`,
    subtitle: `——${region}“${topics[1]}”攻坚扫描`,
    byline: `本报记者 ${writers[2]}`,
    authors: [
      { name: writers[0], role: '作者' },
      { name: writers[1], role: '作者' },
      { name: writers[2], role: '记者' },
    ],
    regions: [region],
    topics,
    eventDate,
    paragraphs: [],
  };
  const blocks: Block[] = [
    { text: ` □ ${printed(writers[0])} ${printed(writers[1])}`, wrap: false },
    { text: `□ 本报记者 ${writers[2]}`, wrap: false },
    heading(ctx, 1, article.title),
    { text: article.subtitle as string, wrap: false },
  ];
  const lead = `${dateExpression(ctx, eventDate, true)}，记者在${region}看到，${rng.pick(LEAD_TAILS)}。`;
  const body = paragraphs(ctx, rng.int(8, 12), eventDate, [2, 4]);
  body[0] = lead + body[0];
  body.forEach((p, i) => {
    if (i > 0 && i % 4 === 0) {
      const topic = topics[(i / 4) % topics.length];
      blocks.push({ text: `按下“${topic}”${rng.pick(QUOTES)}\n${rng.pick(VERBS)}${topic}`, wrap: false });
    }
    blocks.push({ text: p, wrap: true });
  });
  article.paragraphs = body;
  return { article, blocks };
}

function photo(ctx: PageContext, column: boolean): Rendered {
  const { rng, corpus, staff } = ctx;
  const region = rng.pick(corpus.regions);
  const topics = rng.sample(TOPICS, 1);
  const eventDate = eventDateFor(ctx);
  const staffer = rng.chance(0.5);
  const name = staffer ? rng.pick(staff.reporters) : rng.pick(staff.correspondents);
  const credit = `${staffer ? '本报记者' : '通讯员'} ${name} 摄`;
  const caption = `${dateExpression(ctx, eventDate, rng.chance(0.3))}，${region}${rng.pick(LEAD_EVENTS)(topics[0])}。`;
  const article: SyntheticArticle = {
    kind: 'photo',
    title: caption.slice(0, 30),
    byline: credit,
    authors: [{ name, role: '摄影' }],
    regions: [region],
    topics,
    eventDate,
    paragraphs: [caption],
  };
  const blocks: Block[] = [];
  if (column) {
    article.column = '图片新闻';
    blocks.push(heading(ctx, 2, '图片新闻'));
    if (rng.chance(0.5)) article.paragraphs.push(fill(ctx, sentenceFor(ctx, eventDate), eventDate));
  }
  for (const p of article.paragraphs) blocks.push({ text: p, wrap: false });
  blocks.push({ text: `■${credit}`, wrap: false });
  return { article, blocks };
}

function notice(ctx: PageContext): Rendered {
  const { rng, corpus, staff } = ctx;
  const place = rng.pick(corpus.places);
  const reporter = rng.pick(staff.reporters);
  const eventDate = addDays(ctx.date, -1);
  const outage = addDays(ctx.date, 1);
  const title = `${place.name}片区明日停水`;
  const body =
    `${monthDay(eventDate)}，记者自市水务集团获悉，因管网改造施工，拟定于${monthDay(outage)}9:00至17:00停水。` +
    `届时，${place.region}${place.name}片区将暂停供水，请用户提前做好储水准备。`;
  const dateline = `衡阳日报讯（全媒体记者 ${reporter}）`;
  const article: SyntheticArticle = {
    kind: 'notice',
    title,
    kicker: '因管网改造施工',
    byline: dateline,
    authors: [{ name: reporter, role: '全媒体记者' }],
    regions: [place.region],
    topics: ['停水'],
    eventDate,
    paragraphs: [body],
  };
  return {
    article,
    blocks: [
      { text: article.kicker as string, wrap: false },
      { text: title, wrap: false },
      { text: dateline + body, wrap: true },
      { text: '供水信息 咨询热线：8429110\n衡阳市自来水有限公司协办', wrap: false },
    ],
  };
}

/** A 简讯 box: a heading and 2–4 ▲ items, each an article of kind `brief`, credited at its end. */
function briefBox(ctx: PageContext): Rendered[] {
  const { rng, corpus, staff } = ctx;
  const items: Rendered[] = [];
  const count = rng.int(2, 4);
  for (let i = 0; i < count; i++) {
    const region = rng.pick(corpus.regions);
    const topics = rng.sample(TOPICS, 1);
    const eventDate = eventDateFor(ctx);
    const lead = `${dateExpression(ctx, eventDate, rng.chance(0.3))}，${region}${rng.pick(LEAD_EVENTS)(topics[0])}。`;
    const body = paragraphs(ctx, rng.int(1, 2), eventDate, [1, 3]);
    body[0] = lead + body[0];
    const helper = rng.pick(staff.correspondents);
    const reporter = rng.pick(staff.reporters);
    const both = rng.chance(0.4);
    const credit = both ? `（全媒体记者 ${reporter} 通讯员 ${helper}）` : `（通讯员 ${helper}）`;
    const authors: SyntheticAuthor[] = both
      ? [
          { name: reporter, role: '全媒体记者' },
          { name: helper, role: '通讯员' },
        ]
      : [{ name: helper, role: '通讯员' }];
    const article: SyntheticArticle = {
      kind: 'brief',
      title: lead.replace(/^[^，]*，/, '').replace(/。$/, ''),
      column: '简讯',
      byline: credit,
      authors,
      regions: [region],
      topics,
      eventDate,
      paragraphs: body,
    };
    const blocks: Block[] = i === 0 ? [heading(ctx, 2, '简讯')] : [];
    body.forEach((p, j) => blocks.push({ text: (j === 0 ? '▲' : '') + p, wrap: true }));
    if (rng.chance(0.5)) blocks.push({ text: credit, wrap: false });
    else blocks[blocks.length - 1].text += credit;
    items.push({ article, blocks });
  }
  return items;
}

// ---------------------------------------------------------------------------
// Corpus: sentences taken from real pages, with their dates made into slots.

const FALLBACK_SENTENCES = [
  '据了解，该项目总投资十五亿元，建成后可实现年产值四十亿元以上。',
  '{MD}，记者在项目建设现场看到，工人们正紧张有序地忙碌着。',
  '{Y}年以来，全市上下紧盯目标任务，各项工作稳步推进。',
  '活动现场，工作人员向过往群众发放宣传资料，并耐心解答群众提出的问题。',
  '该负责人表示，下一步将进一步压实责任，确保各项措施落地见效。',
  '近年来，该区坚持以人民为中心的发展思想，不断提升群众的获得感和幸福感。',
  '通过面对面的沟通交流，企业遇到的难题得到了及时解决。',
  '截至目前，已累计解决各类问题一百余个，群众满意度持续提升。',
  '会议强调，要坚持问题导向，细化工作举措，推动工作落实落细。',
  '下一步，该局将持续加大工作力度，为经济社会发展保驾护航。',
];

/**
 * Splits raw page texts into body sentences: hard-wrapped columns are rejoined,
 * headings, bylines and captions dropped, and every year and month-day turned
 * into a `{Y}`/`{MD}` slot so that a sentence never carries a stray date.
 */
export function extractSentences(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const blocks = text
      .split(/\n\s*\n/)
      .map((b) => b.replace(/\s*\n\s*/g, '').trim())
      .filter(Boolean);
    const paras: string[] = [];
    let current = '';
    for (const block of blocks) {
      current += block;
      const length = [...block].length;
      const wrappedLine = length >= 10 && length <= 15 && !/[。！？”）)]$/.test(block);
      if (!wrappedLine) {
        paras.push(current);
        current = '';
      }
    }
    if (current) paras.push(current);
    let previousEnded = true;
    for (const para of paras) {
      const body = para.replace(/^(?:本报讯\s*|衡阳日报讯（[^）]*）)/, '');
      // A paragraph that follows one cut off mid-sentence (a column break) starts with a fragment.
      const sentences = body.match(/[^。！？]+[。！？]”?/g) ?? [];
      if (!previousEnded) sentences.shift();
      previousEnded = /[。！？”]$/.test(body) || [...body].length < 30;
      for (const raw of sentences) {
        const s = raw.trim();
        const length = [...s].length;
        if (length < 15 || length > 150) continue;
        if (/[■□▲#]|摄|本报讯|日报讯|（上接|（下转/.test(s)) continue;
        if (/^[，、。；：”）)]|^\d{1,2}[月日]/.test(s)) continue;
        if (count(s, '“') !== count(s, '”') || count(s, '（') !== count(s, '）')) continue;
        out.add(
          s
            .replace(/(?:19|20)\d{2}年/g, '{Y}年')
            .replace(/\d{1,2}月\d{1,2}日/g, '{MD}')
            .replace(/(?<![\d—-])\d{1,2}月(?=[上中下]旬|份|底|初)/g, '{M}月'),
        );
      }
    }
  }
  return [...out].sort();
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

/** A corpus from page texts and the gazetteer; falls back to built-in sentences if the texts give too few. */
export function buildCorpus(
  texts: readonly string[],
  gazetteer: { regions: { name: string }[]; places: { name: string; region: string }[] },
): Corpus {
  const sentences = extractSentences(texts);
  return {
    sentences: sentences.length >= 20 ? sentences : [...sentences, ...FALLBACK_SENTENCES],
    regions: gazetteer.regions.map((r) => r.name),
    places: gazetteer.places,
  };
}

// ---------------------------------------------------------------------------

/** Deterministic search queries drawn from the generated articles' topic words and regions. */
export function sampleQueries(pages: readonly SyntheticPage[], count: number, seed: string): string[] {
  const rng = new Rng(`${seed}|queries`);
  const articles = pages.flatMap((p) => p.articles);
  if (articles.length === 0) return [];
  const queries = new Set<string>();
  for (let tries = 0; queries.size < count && tries < count * 20; tries++) {
    const a = rng.pick(articles);
    const topic = rng.pick(a.topics);
    const region = a.regions[0];
    queries.add(region && rng.chance(0.3) ? `${region} ${topic}` : topic);
  }
  return [...queries];
}

/** A stable article id: ten hex digits of the page file and the article's index on it. */
export function articleId(file: string, index: number): string {
  return createHash('sha256').update(`${file}#${index}`).digest('hex').slice(0, 10);
}

/**
 * The Markdown file an ideal ingest would write for one generated article,
 * following src/content.config.ts. Benchmarks use it to fill a content folder
 * directly, to time the site build while the ingest is not there.
 */
export function articleMarkdown(page: SyntheticPage, index: number): string {
  const a = page.articles[index];
  if (!a) throw new Error(`${page.file} has no article ${index}`);
  const q = (s: string) => JSON.stringify(s);
  const lines = ['---', `title: ${q(a.title)}`];
  if (a.kicker) lines.push(`kicker: ${q(a.kicker)}`);
  if (a.subtitle) lines.push(`subtitle: ${q(a.subtitle)}`);
  if (a.column) lines.push(`column: ${q(a.column)}`);
  lines.push(`kind: ${q(a.kind)}`);
  if (a.byline) lines.push(`byline: ${q(a.byline)}`);
  lines.push(`authors: [${a.authors.map((x) => `{ name: ${q(x.name)}, role: ${q(x.role)} }`).join(', ')}]`);
  lines.push(`date: ${q(page.date)}`, 'dateInferred: true');
  lines.push(`regions: [${a.regions.map(q).join(', ')}]`);
  lines.push(`keywords: [${a.topics.slice(0, 8).map(q).join(', ')}]`);
  lines.push(`source: { file: ${q(page.file)}, index: ${index} }`);
  if (a.continued) lines.push(`continued: ${q(a.continued)}`);
  lines.push('---', '');
  const body = a.paragraphs.filter((p) => p !== a.continued);
  return `${lines.join('\n')}\n${body.join('\n\n')}\n`;
}
