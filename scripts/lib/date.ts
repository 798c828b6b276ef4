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

export function inferPageDate(raw: string): InferredDate {
  const text = toAsciiDigits(raw);
  const year = currentYear(text);
  if (year === undefined) return { date: null, reason: 'no year is printed on the page' };

  const past: Day[] = [];
  const future: Day[] = [];
  for (const match of text.matchAll(/(?:(\d{4})年)?(?<!\d)(\d{1,2})月(\d{1,2})日/gu)) {
    const mentionedYear: number = match[1] ? Number(match[1]) : year;
    const day = { month: Number(match[2]), day: Number(match[3]) };
    if (mentionedYear !== year || !isValid(year, day)) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
    (FUTURE_CUE.test(before) ? future : past).push(day);
  }

  const floors: Day[] = [];
  for (const [pattern, floor] of PERIOD_ENDS) {
    const match = text.match(pattern);
    if (match) {
      const day = floor(match);
      if (day.month <= 12) floors.push(day);
    }
  }

  const latest = latestOf(past);
  const announced = earliest(future);
  if (/明日|明天/u.test(text) && announced && (!latest || compare(announced, latest) > 0)) {
    const published = addDays(year, announced, -1);
    return {
      date: format({ year, ...published }),
      reason: `the day before ${describe(announced)}, announced for 明日`,
    };
  }
  if (!latest) return { date: null, reason: `${year} is printed but no day of it is` };
  // A daily paper reports the day after the latest event it names.
  let published = addDays(year, latest, 1);
  let reason = `the day after ${describe(latest)}, the latest event named`;
  const floor = latestOf(floors);
  if (floor && compare(floor, published) > 0) {
    published = floor;
    reason = `after the period ending before ${describe(floor)} that the page reports`;
  }
  if (announced && compare(published, announced) >= 0 && compare(announced, latest) > 0) {
    published = addDays(year, announced, -1);
  }
  return { date: format({ year, ...published }), reason };
}

/** The latest year printed as the time of writing (not as a target such as `到2025年`). */
function currentYear(text: string): number | undefined {
  let best: number | undefined;
  for (const match of text.matchAll(/(?<![\d.])((?:19|20)\d{2})年/gu)) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 2), at);
    const after = text.slice(at + match[0].length - 1, at + match[0].length + 4);
    if (FUTURE_YEAR_BEFORE.test(before) || FUTURE_YEAR_AFTER.test(after)) continue;
    const year = Number(match[1]);
    if (best === undefined || year > best) best = year;
  }
  return best;
}

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

function isValid(year: number, { month, day }: Day): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function compare(a: Day, b: Day): number {
  return a.month - b.month || a.day - b.day;
}

function latestOf(days: Day[]): Day | undefined {
  return days.reduce<Day | undefined>((best, d) => (!best || compare(d, best) > 0 ? d : best), undefined);
}

function earliest(days: Day[]): Day | undefined {
  return days.reduce<Day | undefined>((best, d) => (!best || compare(d, best) < 0 ? d : best), undefined);
}

/** Adds days within the year: a report can't move a page into another year we never saw printed. */
function addDays(year: number, { month, day }: Day, delta: number): Day {
  const date = new Date(Date.UTC(year, month - 1, day + delta));
  if (date.getUTCFullYear() !== year) return { month, day };
  return { month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function format({ year, month, day }: Day & { year: number }): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function describe({ month, day }: Day): string {
  return `${month}月${day}日`;
}
