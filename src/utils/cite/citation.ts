import { PAPER_NAME } from '../site.ts';

export interface CitationInput {
  title: string;
  authors: readonly { name: string }[];
  date: string | null;
  dateInferred: boolean;
  /** Printed page number (版次), when the manifest records it. */
  page?: number;
  url: string;
}

/** GB/T 7714-2015 lists at most three responsible persons, then “等”. */
const MAX_AUTHORS = 3;

/**
 * A reference to a newspaper article in GB/T 7714 style:
 *   主要责任者. 题名[N]. 报纸名, 出版日期(版次). 获取和访问路径.
 * Parts the archive does not know are left out rather than invented: no
 * authors means the entry starts with the title, no date means none is
 * given. An inferred date is put in square brackets, which is how the
 * standard marks a date the cataloguer supplied rather than the source.
 */
export function formatCitation(input: CitationInput): string {
  const names = [...new Set(input.authors.map((a) => a.name.trim()).filter(Boolean))];
  const authorPart = names.length > MAX_AUTHORS ? `${names.slice(0, MAX_AUTHORS).join(', ')}, 等` : names.join(', ');
  const title = input.title.replace(/\s+/g, ' ').trim();
  let source = PAPER_NAME;
  if (input.date) source += `, ${input.dateInferred ? `[${input.date}]` : input.date}`;
  if (input.page !== undefined && input.date) source += `(${input.page})`;
  const parts = [authorPart ? `${authorPart}.` : '', `${title}[N].`, `${source}.`, input.url];
  return parts.filter(Boolean).join(' ');
}
