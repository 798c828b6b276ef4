/**
 * The review report an ingest writes for the editor: every doubtful item of the archive with why it is doubtful
 * and its source lines with their numbers, and the line to add to seeds/corrections.yaml to fix it. The notes come
 * from the page records (src/schemas/pageRecord.ts); a run re-reads only the records of pages it rendered, and
 * keeps the rest from its last report's data beside the cache. Page text is untrusted: everything is escaped.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageRecord, ReviewNote } from '../../../src/schemas/pageRecord.ts';
import { escapeXml } from '../../../src/utils/text/xml.ts';
import { pageRecordName } from '../pageRecordName.ts';

export interface ReviewedPage {
  file: string;
  date: string | null;
  notes: ReviewNote[];
}

const REASON_LABELS: Record<ReviewNote['reason'], string> = {
  'derived-title': '标题由正文生成',
  'placed-by-fallback': '未被规则归位的行',
  furniture: '版面信息（报头、眉题、编辑署名）',
  interleaved: '疑似串栏',
  'no-date': '无日期',
  'inferred-date': '日期为推断',
  'no-region': '未识别地区',
  'stale-correction': '更正条目不再匹配',
};

/** The reviewed pages in file order: fresh records where a run rendered them, the last report's data elsewhere. */
export function mergeReview(
  pages: readonly string[],
  fresh: ReadonlyMap<string, string>,
  previous: ReadonlyMap<string, ReviewedPage>,
  readRecord: (file: string) => string | undefined,
): ReviewedPage[] {
  return pages.flatMap((file) => {
    const json = fresh.get(file) ?? (previous.has(file) ? undefined : readRecord(file));
    if (json === undefined) return previous.has(file) ? [previous.get(file)!] : [];
    const record = JSON.parse(json) as PageRecord;
    return [{ file, date: record.date, notes: record.review ?? [] }];
  });
}

export function reviewHtml(pages: readonly ReviewedPage[]): string {
  const doubtful = pages.filter((p) => p.notes.some((n) => n.reason !== 'furniture' && n.reason !== 'inferred-date'));
  const count = pages.reduce((n, p) => n + p.notes.length, 0);
  const body = pages.map(pageSection).join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>审校报告 · 衡阳日报档案</title>
<style>body{font:15px/1.6 system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}
h2{border-top:1px solid #ccc;padding-top:1rem}table{border-collapse:collapse}td{vertical-align:top;padding:0 .5rem}
.no{color:#777;text-align:right}code,pre{background:#f4f4f4}.why{font-weight:600}</style></head>
<body><h1>审校报告</h1>
<p>${pages.length} pages, ${count} notes; ${doubtful.length} pages have items to check. Fix one by adding the line shown under it to
<code>seeds/corrections.yaml</code> (see docs/ingest.md, “Review and correct”) and running <code>npm run ingest</code> again.</p>
${body}
</body></html>
`;
}

function pageSection(page: ReviewedPage): string {
  if (page.notes.length === 0) return '';
  const notes = page.notes.map((note) => noteHtml(page.file, note)).join('\n');
  return `<h2 id="${escapeXml(page.file)}">${escapeXml(page.file)} <small>${escapeXml(page.date ?? '无日期')}</small></h2>\n${notes}`;
}

function noteHtml(file: string, note: ReviewNote): string {
  const item = note.item === undefined ? '整版' : `第 ${note.item + 1} 篇《${note.title ?? ''}》`;
  const lines = note.lines.map((l) => `<tr><td class="no">${l.line}</td><td>${escapeXml(l.text)}</td></tr>`).join('');
  const first = note.reason === 'furniture' ? undefined : note.lines[0];
  const fix = first ? `<pre>${escapeXml(correctionHint(file, note, first))}</pre>` : '';
  return `<section><p><span class="why">${escapeXml(REASON_LABELS[note.reason])}</span> · ${escapeXml(item)} · ${escapeXml(note.detail)}</p>
${lines ? `<table>${lines}</table>` : ''}${fix}</section>`;
}

/** A fix an editor is likely to want for this note, to copy into seeds/corrections.yaml and adjust. */
function correctionHint(file: string, note: ReviewNote, first: { line: number; text: string }): string {
  const at = `line: ${first.line}, text: ${JSON.stringify(first.text.slice(0, 12))}`;
  const action =
    note.reason === 'derived-title'
      ? `set: { title: ${JSON.stringify(note.title ?? '')} }`
      : note.reason === 'no-region'
        ? 'set: { regions: [] }'
        : 'split: true';
  return `${file}:\n  - { ${at}, ${action} }`;
}

/** Writes the report (and its data, for the next run) and returns how many notes it holds. */
export function writeReview(
  htmlPath: string,
  dataPath: string | undefined,
  pages: readonly string[],
  fresh: ReadonlyMap<string, string>,
  readRecord: (file: string) => string | undefined,
): number {
  const previous = new Map<string, ReviewedPage>();
  if (dataPath && existsSync(dataPath)) {
    try {
      for (const page of JSON.parse(readFileSync(dataPath, 'utf8')) as ReviewedPage[]) previous.set(page.file, page);
    } catch {
      previous.clear(); // Damaged: the records are read again.
    }
  }
  const reviewed = mergeReview(pages, fresh, previous, readRecord);
  mkdirSync(dirname(htmlPath), { recursive: true });
  writeFileSync(htmlPath, reviewHtml(reviewed));
  if (dataPath) {
    mkdirSync(dirname(dataPath), { recursive: true });
    writeFileSync(dataPath, JSON.stringify(reviewed));
  }
  return reviewed.reduce((n, p) => n + p.notes.length, 0);
}

export function recordReader(outDir: string): (file: string) => string | undefined {
  return (file) => {
    const path = join(outDir, pageRecordName(file));
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
}
