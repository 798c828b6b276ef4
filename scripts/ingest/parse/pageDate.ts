/**
 * Infers the publication date of a page from its text. Pages carry no date
 * line, but reports name their events (`3月8日，…`), periods that are over
 * (`今年一季度`, `1—9月`) and coming events (`明日停水`, `拟定于6月3日`).
 *
 * The year must be printed somewhere on the page: without it the date stays
 * null, because a day without a year is not a date.
 */

export interface InferredDate {
  date: string | null;
  /** A short account of the evidence, for the ingest's report. */
  reason: string;
}

interface Day {
  month: number;
  day: number;
}

/** Years that name targets or plans, not the time of writing. */
const FUTURE_YEAR_BEFORE = /(?:到|至|—|–|-|~|～)$/u;
const FUTURE_YEAR_AFTER = /^年(?:前(?![一二三四五六七八九十两几半]|季)|底前|末前|远景|目标|愿景|规划)/u;
/** Words that put the date that follows them in the future. */
const FUTURE_CUE = /(?:将|拟|计划|预计|定于|届时|即将|将于|预定)[^，。；]{0,6}$/u;
/** Periods whose end must have passed when the report was written. */
const PERIOD_ENDS: [RegExp, (m: RegExpMatchArray) => Day][] = [
  [/前三季度/u, () => ({ month: 10, day: 1 })],
  [/上半年(?!将|要|计划)/u, () => ({ month: 7, day: 1 })],
  [/(?:今年|年)一季度/u, () => ({ month: 4, day: 1 })],
  [/(?<!\d)1\s*[—–\-~～至]\s*(\d{1,2})月/u, (m) => ({ month: Number(m[1]) + 1, day: 1 })],
  [/截至(\d{1,2})月(?:底|末)/u, (m) => ({ month: Number(m[1]) + 1, day: 1 })],
];

/** A date alone on its line, under a notice or a letter: the day it was signed. */
const SIGNED = /^[\s\u3000]*((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日[\s\u3000]*$/gmu;

export function inferPageDate(raw: string): InferredDate {
  const digits = toAsciiDigits(raw);
  const text = joinWrappedNumbers(digits);
  // What a notice was signed on dates it better than the days it names: those are deadlines and periods to come.
  // Read before wrapped numbers are joined: a number ending the line above must not run into the date.
  const signed = latestTime(
    [...digits.matchAll(SIGNED)].flatMap((m) => {
      const year = Number(m[1]);
      const day = { month: Number(m[2]), day: Number(m[3]) };
      return isValid(year, day) ? [timeOf(year, day)] : [];
    }),
  );
  if (signed !== undefined) {
    return { date: iso(signed + DAY), reason: `the day after ${describe(signed)}, the date a notice on it was signed` };
  }
  const years = printedYears(text);
  if (years.size === 0) return { date: null, reason: 'no year is printed on the page' };
  const lastYear = Math.max(...years);

  const mentions: { year?: number; day: Day; future: boolean }[] = [];
  for (const match of text.matchAll(/(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日/gu)) {
    const year = match[1] ? Number(match[1]) : undefined;
    if (year !== undefined && year > lastYear) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
    mentions.push({
      ...(year ? { year } : {}),
      day: { month: Number(match[2]), day: Number(match[3]) },
      future: FUTURE_CUE.test(before),
    });
  }
  // Days printed without a year take the year that puts them nearest the latest fully dated event:
  // in a January paper, 12月31日 is last year's.
  const anchor = latestTime(mentions.flatMap((m) => (m.year && !m.future ? [timeOf(m.year, m.day)] : [])));
  const resolve = (m: (typeof mentions)[number]): number | undefined => {
    if (m.year) return isValid(m.year, m.day) ? timeOf(m.year, m.day) : undefined;
    const candidates = (
      anchor === undefined ? [lastYear] : [-1, 0, 1].map((d) => new Date(anchor).getUTCFullYear() + d)
    )
      .filter((y) => y <= lastYear && isValid(y, m.day))
      .map((y) => timeOf(y, m.day));
    return anchor === undefined ? candidates[0] : nearest(candidates, anchor);
  };
  const past: number[] = [];
  const future: number[] = [];
  for (const mention of mentions) {
    const time = resolve(mention);
    if (time !== undefined) (mention.future ? future : past).push(time);
  }

  const latest = latestTime(past);
  const announced = future.length > 0 ? Math.min(...future) : undefined;
  if (/明日|明天/u.test(text) && announced !== undefined && (latest === undefined || announced > latest)) {
    return { date: iso(announced - DAY), reason: `the day before ${describe(announced)}, announced for 明日` };
  }
  if (latest === undefined) return { date: null, reason: `${lastYear} is printed but no day of it is` };
  // A daily paper reports the day after the latest event it names, in a year the page prints.
  let published = years.has(new Date(latest + DAY).getUTCFullYear()) ? latest + DAY : latest;
  let reason = `the day after ${describe(latest)}, the latest event named`;
  const year = new Date(published).getUTCFullYear();
  for (const [pattern, floorOf] of PERIOD_ENDS) {
    const match = text.match(pattern);
    // Last year's figures (去年前三季度) say nothing about when this page was printed.
    if (!match || /(?:去年|上年|同期)$/u.test(text.slice(Math.max(0, (match.index ?? 0) - 2), match.index))) continue;
    const floor = floorOf(match);
    if (floor.month > 12 || !isValid(year, floor)) continue;
    if (timeOf(year, floor) > published) {
      published = timeOf(year, floor);
      reason = `after the period ending before ${describe(published)} that the page reports`;
    }
  }
  if (announced !== undefined && published >= announced && announced > latest) published = announced - DAY;
  return { date: iso(published), reason };
}

const DAY = 864e5;

function timeOf(year: number, { month, day }: Day): number {
  return Date.UTC(year, month - 1, day);
}

function latestTime(times: number[]): number | undefined {
  return times.length > 0 ? Math.max(...times) : undefined;
}

function nearest(times: number[], target: number): number | undefined {
  return times.reduce<number | undefined>(
    (best, t) => (best === undefined || Math.abs(t - target) < Math.abs(best - target) ? t : best),
    undefined,
  );
}

function iso(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function describe(time: number): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}

/** A year heading an event's name: `2023衡阳马拉松`, `2022湖南旅游发展大会`; not a count (`2023名选手`). */
const EVENT_YEAR =
  /(?<![\d.\-—–~～至到])((?:19|20)\d{2})(?=[\u4e00-\u9fff]{0,10}?(?:马拉松|运动会|博览会|交易会|论坛|峰会|大会|联赛|锦标赛|大赛|艺术节|文化节|旅游节|音乐节|展览会|年会|晚会))(?![年名个万亿元人次家件项余多户台辆座所场位株吨条套期届])/gu;

/**
 * The years printed as the time of writing (not targets such as `到2025年`). A page that prints no `…年` may still
 * name its year in an event's name (`2023衡阳马拉松`), which is then taken.
 */
function printedYears(text: string): Set<number> {
  const years = new Set<number>();
  for (const match of text.matchAll(/(?<![\d.])((?:19|20)\d{2})年/gu)) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + match[0].length - 1, at + match[0].length + 4);
    if (!FUTURE_YEAR_BEFORE.test(before) && !FUTURE_YEAR_AFTER.test(after)) years.add(Number(match[1]));
  }
  if (years.size > 0) return years;
  for (const match of text.matchAll(EVENT_YEAR)) years.add(Number(match[1]));
  return years;
}

/** A narrow column can break `12月26日` after its `1`; read alone, the next line would say 2月26日. */
function joinWrappedNumbers(text: string): string {
  return text.replace(/(\d)[ \t]*\n\s*(?=[\d年月日])/gu, '$1');
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function isValid(year: number, { month, day }: Day): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
