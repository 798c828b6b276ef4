import type { ArticleKind } from '../schemas/articleContract.ts';
import type { RegionType } from '../schemas/gazetteer.ts';

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
