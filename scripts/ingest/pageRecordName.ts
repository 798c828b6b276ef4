/** Page records sit beside the articles, named after their page file (src/schemas/pageRecord.ts). */
export const PAGE_RECORD_SUFFIX = '.page.json';

/** `c05_notices.txt` → `c05_notices.page.json`. */
export function pageRecordName(file: string): string {
  return `${file.replace(/\.[^.]*$/u, '')}${PAGE_RECORD_SUFFIX}`;
}
