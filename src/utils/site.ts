/** Names used in the masthead, titles, feeds, citations and structured data. */
export const PAPER_NAME = '衡阳日报';
export const SITE_NAME = '衡阳日报档案';
export const SITE_DESCRIPTION = '衡阳日报数字档案：按地区、日期与版面浏览报道，可全文检索、可引用。';

/** The ways into the archive, in the order the header, the footer and the 404 page list them. */
export const BROWSE_SECTIONS = [
  { href: '/regions/', name: '地区' },
  { href: '/dates/', name: '日期' },
  { href: '/pages/', name: '版面' },
  { href: '/keywords/', name: '关键词' },
  { href: '/people/', name: '作者' },
] as const;

/** Page sizes: every listing paginates so that a 100,000-article archive still builds small pages. */
export const PAGE_SIZE = 20;
export const INDEX_PAGE_SIZE = 60;
/** A day is at most one issue, but inferred dates can pile up on one day; paginate all the same. */
export const DAY_PAGE_SIZE = 50;
export const KEYWORD_INDEX_PAGE_SIZE = 300;
export const PEOPLE_INDEX_PAGE_SIZE = 300;
/** A keyword gets its own pages only when at least this many articles hold it (src/data/keywords.ts). */
export const KEYWORD_PAGE_MIN_ARTICLES = 3;
/**
 * Where readers report OCR and parsing errors (纠错): `mailto:address` or an issue tracker's new-issue URL; ''
 * hides the link. The environment variable ARCHIVE_CORRECTIONS, read at build time, overrides it.
 */
export const CORRECTIONS_TARGET = '';
