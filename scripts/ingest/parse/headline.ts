/**
 * Names the parts of a headline block and, for stories printed without one,
 * derives a faithful title from the text.
 */
import { headingOf, isKickerForm, isSubtitleForm } from './classify.ts';
import { displayWidth, sentences } from './text.ts';

export interface Headline {
  kicker?: string;
  title?: string;
  subtitle?: string;
}

/** Kickers (引题) that set the scene: `因封堵原老旧管`, `为…`, `随着…`. */
const SCENE_SETTING = /^(?:因|为了?|随着|面对|围绕|聚焦|着眼)/u;

/**
 * Assigns kicker, title and subtitle to the lines of a headline block.
 * A `#` heading is the title; a line ending in `：` or `——` is a kicker, one
 * opening with `——` a subtitle. Of two unmarked lines the first is the title
 * unless it reads as a kicker: it sets the scene, or is clearly the longer line.
 */
export function assignHeadline(lines: string[], noticeWords: readonly string[] = []): Headline {
  const texts = lines.map((line) => headingOf(line)?.text ?? line.trim()).filter(Boolean);
  // A notice's title names what it is (`关于…的通告`); the lines over it name who issues it.
  const noticeIndex = texts.findIndex((t) => !isKickerForm(t) && noticeWords.some((w) => t.endsWith(w)));
  const markedIndex = lines.findIndex((line) => headingOf(line));
  const headingIndex = markedIndex >= 0 ? markedIndex : noticeIndex;
  if (headingIndex >= 0) {
    return compact({
      kicker: join(texts.slice(0, headingIndex)),
      title: texts[headingIndex],
      subtitle: join(texts.slice(headingIndex + 1)),
    });
  }
  const kickers: string[] = [];
  const subtitles: string[] = [];
  const rest: string[] = [];
  for (const text of texts) {
    if (rest.length === 0 && subtitles.length === 0 && isKickerForm(text)) kickers.push(text);
    else if (rest.length > 0 && isSubtitleForm(text)) subtitles.push(text);
    else if (subtitles.length > 0) subtitles.push(text);
    else rest.push(text);
  }
  let title: string | undefined;
  if (rest.length === 1) title = rest[0];
  else if (rest.length === 2 && kickers.length === 0 && subtitles.length === 0) {
    const [first, second] = rest as [string, string];
    const firstIsKicker = SCENE_SETTING.test(first) || displayWidth(first) > displayWidth(second) * 1.2;
    if (firstIsKicker) {
      kickers.push(first);
      title = second;
    } else {
      title = first;
      subtitles.push(second);
    }
  } else if (rest.length >= 2) {
    // Three decks (引题, 主题, 副题): over a `——` subtitle, the first of two unmarked lines is the kicker.
    if (kickers.length === 0 && (rest.length >= 3 || subtitles.length > 0)) kickers.push(rest.shift()!);
    title = rest.shift();
    subtitles.unshift(...rest);
  }
  return compact({ kicker: join(kickers), title, subtitle: join(subtitles) });
}

const MAX_TITLE_WIDTH = 36;
const LEAD_IN =
  /^(?:[▲◆]\s*|[（(](?:上接|接上|紧接|接第)[^（）()]{0,14}[）)]\s*|(?:衡阳日报讯|衡阳日报消息|本报讯|本报消息)(?:\s*[（(][^（）()]*[）)])?\s*)/u;
/** When it happened opens most briefs and photos (`5月31日下午，`); the date is in the front matter. */
const DATE_CLAUSE = /^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:[上中下]午|晚上?|早上?|凌晨|傍晚)?[，,]\s*/u;

/**
 * A title for a story printed without a headline: its first full sentence
 * without the date it opens with, cut at a clause boundary when long, with an
 * ellipsis marking the cut.
 * Fragments left by a column break (`能。`) are skipped.
 */
export function deriveTitle(texts: string[]): string | undefined {
  for (const text of texts) {
    for (const sentence of sentences(text.replace(LEAD_IN, ''))) {
      const undated = sentence.replace(DATE_CLAUSE, '');
      const clean = ((undated.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) >= 6 ? undated : sentence).trim();
      if ((clean.match(/[\u4e00-\u9fff]/gu)?.length ?? 0) < 6) continue;
      return shorten(clean);
    }
  }
  const fallback = texts.map((t) => t.replace(LEAD_IN, '').trim()).find(Boolean);
  return fallback ? shorten(fallback) : undefined;
}

function shorten(sentence: string): string {
  const text = sentence.replace(/[。！？!?]+$/u, (end) => (end.startsWith('。') ? '' : end));
  if (displayWidth(text) <= MAX_TITLE_WIDTH) return text;
  let cut = '';
  let width = 0;
  let lastClause = '';
  for (const char of text) {
    width += displayWidth(char);
    if (width > MAX_TITLE_WIDTH) break;
    cut += char;
    if (/[，、：；:;]/u.test(char) && displayWidth(cut) >= 12) lastClause = cut.slice(0, -1);
  }
  return `${lastClause || cut}…`;
}

function join(parts: string[]): string | undefined {
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function compact(headline: Headline): Headline {
  const out: Headline = {};
  if (headline.kicker) out.kicker = headline.kicker;
  if (headline.title) out.title = headline.title;
  if (headline.subtitle) out.subtitle = headline.subtitle;
  return out;
}
