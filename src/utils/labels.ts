import type { ArticleKind } from '../schemas/articleContract.ts';
import type { RegionType } from '../schemas/gazetteer.ts';
import { formatChineseDate } from './calendarDates.ts';

export const KIND_LABELS: Record<ArticleKind, string> = {
  article: '报道',
  brief: '简讯',
  photo: '图片新闻',
  notice: '公告',
};

export const REGION_TYPE_LABELS: Record<RegionType, string> = {
  city: '全市',
  district: '市辖区',
  county: '县',
  'county-city': '县级市',
  zone: '园区',
};

/** “3 篇”, “3 篇（日期均为推断）” or “3 篇，另有 2 篇日期为推断”: recorded and inferred dates never add up silently. */
export function datedCountLabel(known: number, inferred: number): string {
  if (inferred === 0) return `${known} 篇`;
  if (known === 0) return `${inferred} 篇（日期均为推断）`;
  return `${known} 篇，另有 ${inferred} 篇日期为推断`;
}

interface PageNaming {
  date: string | null;
  dateInferred: boolean;
  page?: number;
  pageName?: string;
  ordinal?: number;
}

/** A source page within its day: “第1版 要闻”, or “版次不详 之2” when pages would share a name. */
export function sourcePageShortLabel(page: Omit<PageNaming, 'date' | 'dateInferred'>): string {
  const parts = [page.page !== undefined ? `第${page.page}版` : '版次不详'];
  if (page.pageName) parts.push(page.pageName);
  if (page.ordinal !== undefined) parts.push(`之${page.ordinal}`);
  return parts.join(' ');
}

/**
 * A source page (版面) named as printed: “2021年7月15日 第1版 要闻”. What is not known is said so (日期不详,
 * 版次不详) rather than replaced by the file name, and an inferred date is marked.
 */
export function sourcePageLabel(page: PageNaming): string {
  const date =
    page.date === null ? '日期不详' : `${formatChineseDate(page.date)}${page.dateInferred ? '（推断）' : ''}`;
  return `${date} ${sourcePageShortLabel(page)}`;
}
