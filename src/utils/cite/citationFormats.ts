/**
 * An article's reference in the formats reference managers read: Highwire `citation_*` meta tags (Zotero,
 * Google Scholar), RIS and BibTeX. Titles and names are OCR text and untrusted: RIS is one field a line, so
 * line breaks are taken out of every value (a title holding "\nER  -" cannot end the record); BibTeX values are
 * braced, so braces, backslashes and TeX's special characters are escaped, and each author is braced so that an
 * “and” in a name cannot split it.
 */
import type { CitationInput } from './citation.ts';
import { PAPER_NAME } from '../site.ts';

export interface ReferenceInput extends CitationInput {
  /** The article's id in the archive. */
  slug: string;
}

/** Every run of white space and control characters (line breaks included) as one space. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return text.replace(/[\s\x00-\x1f\x7f\u2028\u2029]+/gu, ' ').trim();
}

function names(input: ReferenceInput): string[] {
  return [...new Set(input.authors.map((a) => oneLine(a.name)).filter(Boolean))];
}

/** Highwire Press meta tags, in the order tools expect them; the date as YYYY/MM/DD. */
export function citationMeta(input: ReferenceInput): { name: string; content: string }[] {
  const meta = [{ name: 'citation_title', content: oneLine(input.title) }];
  for (const name of names(input)) meta.push({ name: 'citation_author', content: name });
  if (input.date) meta.push({ name: 'citation_publication_date', content: input.date.replaceAll('-', '/') });
  meta.push({ name: 'citation_journal_title', content: PAPER_NAME });
  if (input.page !== undefined) meta.push({ name: 'citation_firstpage', content: String(input.page) });
  meta.push({ name: 'citation_language', content: 'zh' }, { name: 'citation_public_url', content: input.url });
  return meta;
}

/** An RIS record (TY NEWS … ER), lines ending in CRLF as the format asks. */
export function formatRis(input: ReferenceInput): string {
  const lines: [string, string][] = [['TY', 'NEWS']];
  lines.push(['TI', oneLine(input.title)]);
  for (const name of names(input)) lines.push(['AU', name]);
  if (input.date) {
    lines.push(['PY', input.date.slice(0, 4)], ['DA', input.date.replaceAll('-', '/')]);
    if (input.dateInferred) lines.push(['N1', '日期由正文推断，并非版面记载']);
  }
  lines.push(['T2', PAPER_NAME]);
  if (input.page !== undefined) lines.push(['SP', String(input.page)]);
  lines.push(['LA', 'zh'], ['UR', input.url], ['ID', oneLine(input.slug)], ['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join('\r\n') + '\r\n';
}

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text safe inside a braced BibTeX value: balanced by construction, with no TeX command of its own. */
export function bibtexEscape(text: string): string {
  return oneLine(text).replace(/[\\{}$&%#_^~]/gu, (c) => TEX_SPECIAL[c]);
}

/** A citation key of ASCII letters, digits and hyphens: hyrb-<slug>. */
export function bibtexKey(slug: string): string {
  return `hyrb-${slug.replace(/[^A-Za-z0-9-]+/gu, '-')}`;
}

/** A BibTeX @article entry (biblatex fields: date, langid, url). */
export function formatBibtex(input: ReferenceInput): string {
  const fields: [string, string][] = [['title', bibtexEscape(input.title)]];
  const authors = names(input);
  if (authors.length > 0) fields.push(['author', authors.map((n) => `{${bibtexEscape(n)}}`).join(' and ')]);
  fields.push(['journal', PAPER_NAME]);
  if (input.date) {
    fields.push(['date', input.date], ['year', input.date.slice(0, 4)]);
    if (input.dateInferred) fields.push(['note', '日期由正文推断，并非版面记载']);
  }
  if (input.page !== undefined) fields.push(['pages', String(input.page)]);
  fields.push(['langid', 'chinese'], ['url', bibtexEscape(input.url)]);
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@article{${bibtexKey(input.slug)},\n${body}\n}\n`;
}
