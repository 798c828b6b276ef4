/**
 * What a page says about itself: its date (the manifest wins, then a date printed in its furniture, then inference
 * from its text) and the record written beside its articles (src/schemas/pageRecord.ts).
 */
import type { DateSource } from '../../src/schemas/articleContract.ts';
import type { PageRecord, ReviewNote } from '../../src/schemas/pageRecord.ts';
import type { PageFacts } from './manifest.ts';
import type { PageFurniture } from './parse/labels/furniture.ts';
import { inferPageDate } from './parse/pageDate.ts';

export interface PageDate {
  date: string | null;
  source?: DateSource;
  reason: string;
}

export function pageDate(text: string, furniture: PageFurniture, stated: string | undefined): PageDate {
  if (stated) return { date: stated, source: 'manifest', reason: 'stated in the manifest' };
  const printed = furniture.facts.date;
  if (printed) return { date: printed, source: 'printed', reason: 'printed in the page furniture' };
  // A masthead's date is read as printed above, never as an event of the text.
  const inferred = inferPageDate(withoutLines(text, new Set(furniture.furniture.map((f) => f.line))));
  return inferred.date ? { date: inferred.date, source: 'inferred', reason: inferred.reason } : { ...inferred };
}

function withoutLines(text: string, lines: ReadonlySet<number>): string {
  return text
    .split('\n')
    .map((line, i) => (lines.has(i + 1) ? '' : line))
    .join('\n');
}

/** The page record; its `articles` are the slugs, filled in when the files are named. */
export function pageRecord(
  file: string,
  dated: PageDate,
  furniture: PageFurniture,
  facts: PageFacts | undefined,
  review: ReviewNote[],
): PageRecord {
  const { edition, page, pageName, editors } = furniture.facts;
  const record: PageRecord = {
    file,
    date: dated.date,
    editors,
    furniture: furniture.furniture,
    noise: furniture.noise,
    articles: [],
    review,
  };
  if (dated.source) record.dateSource = dated.source;
  const stated = { edition: facts?.edition ?? edition, page: facts?.page ?? page, pageName };
  for (const [key, value] of Object.entries(stated)) if (value !== undefined) Object.assign(record, { [key]: value });
  return record;
}
