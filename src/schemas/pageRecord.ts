/**
 * The record the ingest writes beside the articles for each source page: what the page printed about itself
 * (masthead, running head, 版次, 版名, editor credits) rather than stories. Written as
 * `<content dir>/<page file stem>.page.json`; the content schema checks it (src/content.config.ts).
 */
import type { DateSource } from './articleContract.ts';

/** One credit from the page's furniture: `责任编辑：谢 凡` → { role: '责任编辑', name: '谢凡' }. */
export interface PageCredit {
  role: string;
  name: string;
}

/** A printed line that is page furniture, with its 1-based line number in the page file. */
export interface FurnitureLine {
  line: number;
  text: string;
}

export interface PageRecord {
  /** The page file's name in the seeds folder. */
  file: string;
  date: string | null;
  /** Where `date` came from; absent when there is no date. */
  dateSource?: DateSource;
  /** The paper's name as printed or stated (衡阳日报). */
  edition?: string;
  /** 版次: the printed page number. */
  page?: number;
  /** 版名: the page's section name as printed (要闻, 县域经济, 副刊…). */
  pageName?: string;
  editors: PageCredit[];
  furniture: FurnitureLine[];
  /** The slugs of the page's articles, in printed order. */
  articles: string[];
}
