import type { ArticleKind } from './articleContract.ts';
import type { RegionType } from './gazetteer.ts';

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
