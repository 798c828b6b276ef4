/**
 * The 纠错 link: where readers report an OCR or parsing error, prefilled with the article's id, its URL and
 * the text they selected. Pure, so the page's small script (ReportError.astro) builds the same link with the
 * selection that the page built without it.
 */

export type CorrectionTarget = { kind: 'mailto'; address: string } | { kind: 'url'; url: string };

export interface CorrectionReport {
  id: string;
  url: string;
  title: string;
  /** What the reader selected, if anything. */
  selection?: string;
}

/** Selections are cut to this many characters: a mail client or an issue form takes a URL of a few kB. */
export const MAX_SELECTION = 500;

/**
 * The configured target: `mailto:address` or an http(s) URL (an issue tracker's “new issue” form, which
 * takes `title` and `body` parameters, as GitHub's and Gitea's do). Empty means none: the link is not shown.
 * Anything else is a configuration error, reported at build time rather than published as a broken link.
 */
export function parseCorrectionTarget(value: string | undefined): CorrectionTarget | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (text.toLowerCase().startsWith('mailto:')) {
    const address = text.slice('mailto:'.length);
    if (!/^[^\s@?&#]+@[^\s@?&#]+\.[^\s@?&#]+$/u.test(address)) throw new Error(`not a mail address: ${text}`);
    return { kind: 'mailto', address };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`the corrections target must be mailto:… or an http(s) URL, not ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`the corrections target must be mailto:… or an http(s) URL, not ${JSON.stringify(text)}`);
  }
  return { kind: 'url', url: url.href };
}

function reportText(report: CorrectionReport): { subject: string; body: string } {
  const selection = (report.selection ?? '').trim().slice(0, MAX_SELECTION);
  const title = report.title.replace(/\s+/gu, ' ').trim().slice(0, 60);
  return {
    subject: `纠错：${title}（${report.id}）`,
    body: [
      `文章编号：${report.id}`,
      `网址：${report.url}`,
      '',
      '所选文字：',
      selection === '' ? '（未选择）' : selection,
      '',
      '错误说明：',
      '',
    ].join('\n'),
  };
}

/** The link to report an error in this article, everything in it percent-encoded. */
export function correctionHref(target: CorrectionTarget, report: CorrectionReport): string {
  const { subject, body } = reportText(report);
  if (target.kind === 'mailto') {
    // RFC 6068: line breaks in a mailto body are CRLF, percent-encoded.
    const query = `subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/gu, '\r\n'))}`;
    return `mailto:${target.address}?${query}`;
  }
  const url = new URL(target.url);
  url.searchParams.set('title', subject);
  url.searchParams.set('body', body);
  return url.href;
}
