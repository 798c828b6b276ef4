/**
 * Calendar arithmetic on YYYY-MM-DD strings. Dates are calendar days in the
 * paper's own time zone, so everything here is done in UTC to avoid the build
 * machine's zone shifting a day.
 */

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 2020年3月9日 */
export function formatChineseDate(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${year}年${month}月${day}日`;
}

export function formatChineseMonth(year: number, month: number): string {
  return `${year}年${month}月`;
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** 星期一 … 星期日 */
export function chineseWeekday(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  return `星期${WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The weeks of a month as rows of seven cells, Monday first (as Chinese
 * calendars print them); cells outside the month are null.
 */
export function monthGrid(year: number, month: number): (number | null)[][] {
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay(); // 0 = Sunday
  const leading = (firstWeekday + 6) % 7;
  const cells: (number | null)[] = Array.from({ length: leading }, () => null);
  for (let d = 1; d <= daysInMonth(year, month); d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const WEEKDAY_HEADERS = ['一', '二', '三', '四', '五', '六', '日'] as const;

/** How many articles carry a date, split by whether the date is recorded or inferred. */
export interface DayCount {
  known: number;
  inferred: number;
}

export interface MonthCoverage {
  year: number;
  month: number;
  days: Map<number, DayCount>;
  known: number;
  inferred: number;
}

export interface YearCoverage {
  year: number;
  months: Map<number, MonthCoverage>;
  known: number;
  inferred: number;
}

/**
 * Groups dated items into year → month → day counts, keeping recorded and
 * inferred dates apart. Years and months come out in ascending order.
 */
export function groupByDate(items: Iterable<{ date: string | null; dateInferred: boolean }>): YearCoverage[] {
  const years = new Map<number, YearCoverage>();
  for (const item of items) {
    if (item.date === null) continue;
    const { year, month, day } = parseIsoDate(item.date);
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, months: new Map(), known: 0, inferred: 0 }));
    let m = y.months.get(month);
    if (!m) y.months.set(month, (m = { year, month, days: new Map(), known: 0, inferred: 0 }));
    let d = m.days.get(day);
    if (!d) m.days.set(day, (d = { known: 0, inferred: 0 }));
    const key = item.dateInferred ? 'inferred' : 'known';
    d[key]++;
    m[key]++;
    y[key]++;
  }
  const sorted = [...years.values()].sort((a, b) => a.year - b.year);
  for (const y of sorted) {
    y.months = new Map([...y.months.entries()].sort((a, b) => a[0] - b[0]));
    for (const m of y.months.values()) m.days = new Map([...m.days.entries()].sort((a, b) => a[0] - b[0]));
  }
  return sorted;
}
