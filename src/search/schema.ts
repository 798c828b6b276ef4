/** What the indexer writes and the browser reads: shared names, one place. */

/** A language code Pagefind neither stems nor segments ("no linguistic content"). */
export const INDEX_LANGUAGE = 'zxx';

/** Filter names, in display order. */
export const FACETS = ['region', 'year', 'kind'] as const;
export type Facet = (typeof FACETS)[number];

/** Filter value for an article whose date is unknown. */
export const UNKNOWN_YEAR = '不详';

/** Sort value for an article without a date, so it still sorts (last, descending). */
export const UNKNOWN_DATE_SORT = '0000-00-00';

/** Weight of regions and keywords in the index, relative to body text (1) and the title (h1, 7). */
export const EXTRA_WEIGHT = 3;

export const KIND_LABELS: Record<string, string> = {
  article: '文章',
  brief: '简讯',
  photo: '图片新闻',
  notice: '公告',
};
