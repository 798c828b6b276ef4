/**
 * A date range a search is limited to (`from` / `to` in the form and the URL),
 * inclusive ISO dates; either end may be open. Undated articles are outside any range.
 */
export interface DateRange {
  from?: string;
  to?: string;
}

const ISO_DATE = /^\d{4}-\d\d-\d\d$/u;

/** A valid ISO date from the URL or the form, else undefined. */
export function parseIsoDate(value: string | null | undefined): string | undefined {
  return value && ISO_DATE.test(value) ? value : undefined;
}

export function hasRange(range: DateRange): boolean {
  return Boolean(range.from || range.to);
}

/** Whether an article of `date` ('' or 不详 when unknown) is inside the range. */
export function dateRangeHolds(range: DateRange, date: string): boolean {
  if (!hasRange(range)) return true;
  if (!ISO_DATE.test(date)) return false;
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

/** Whether a shard of articles dated `oldest`…`newest` (both '' for undated) can hold any inside the range. */
export function overlapsRange(newest: string, oldest: string, range: DateRange): boolean {
  if (!hasRange(range)) return true;
  if (!newest) return false;
  return (!range.from || newest >= range.from) && (!range.to || oldest <= range.to);
}

/** The range's months (`YYYY-MM`), inclusive, for estimating from month counts. */
export function monthBounds(range: DateRange): { fromMonth?: string; toMonth?: string } {
  return {
    ...(range.from ? { fromMonth: range.from.slice(0, 7) } : {}),
    ...(range.to ? { toMonth: range.to.slice(0, 7) } : {}),
  };
}

/** The first and last day of a month (`YYYY-MM`), for a histogram bar's link. */
export function monthRange(month: string): Required<DateRange> {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
