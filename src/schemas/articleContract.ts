/**
 * The front-matter vocabulary shared by the ingest (which writes it) and the
 * content schema (which checks it). See docs/ingest.md.
 */
export const ARTICLE_KINDS = ['article', 'brief', 'photo', 'notice'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];

export const AUTHOR_ROLES = ['记者', '全媒体记者', '见习记者', '通讯员', '摄影', '作者'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

/** Where an article's date came from: seeds/manifest.yaml, the page's own masthead or running head, or its text. */
export const DATE_SOURCES = ['manifest', 'printed', 'inferred'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** A township (乡镇/街道) the article names, with its GB/T 2260 code. */
export interface Place {
  code: string;
  name: string;
}

export interface Author {
  name: string;
  role: AuthorRole;
}

/** One article's front matter, as the ingest writes it. */
export interface ArticleFrontMatter {
  title: string;
  kicker?: string;
  subtitle?: string;
  column?: string;
  kind: ArticleKind;
  byline?: string;
  authors: Author[];
  date: string | null;
  /** true exactly when dateSource is 'inferred'. */
  dateInferred: boolean;
  /** Absent when `date` is null. */
  dateSource?: DateSource;
  edition?: string;
  page?: number;
  regions: string[];
  places?: Place[];
  keywords: string[];
  source: { file: string; index: number };
  continued?: string;
}
