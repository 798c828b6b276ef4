/**
 * Finds a page's furniture: the lines that say what the page is rather than report anything. A masthead block at
 * the top (报名, English name, 主办单位, date line, 今日N版), running heads (date, 星期, 第N版, 版名, editors), a page
 * banner over the whole page, 导读 boxes, editor credit lines, sponsor lines and advertising hotlines at the foot.
 * They go to the page record, never into an article. Lines of OCR noise (■, —, · alone) are set apart too.
 */
import type { FurnitureLine, PageCredit } from '../../../../src/schemas/pageRecord.ts';
import type { Vocabulary } from '../vocabulary.ts';
import {
  FULL_DATE,
  PAPER_NAME,
  creditsOf,
  isSectionName,
  readFacts,
  splitSegments,
  type PrintedFacts,
  asciiDigits,
} from './runningHead.ts';
import { squash } from '../text.ts';

export interface PageFurniture {
  furniture: FurnitureLine[];
  noise: FurnitureLine[];
  /** Noise lines that are rules drawn between stories (`— — —`): a story ends there. */
  dividers: number[];
  facts: PrintedFacts;
}

const NOISE = /^[\s\u3000■□●○◆◇▲△▼▽★☆—–\-_=~～·・.。…*#|]+$/u;
const LATIN_NAME = /^[A-Z][A-Z.\- ]{3,}$/u;
const PUBLISHER = /机关报|报社出版|出版$|主办$/u;
const PAGE_MARK = /今日\s*\d+\s*版|第\s*[0-9一二三四五六七八九十]+\s*版/u;
const DIGEST_HEAD = /^(?:今日|本期)?\s*导\s*读$/u;
const DIGEST_ITEM = /^[●■◆·▲★]|\d+\s*版$/u;
const SPONSOR = /^[（(]?本版由[^（）()]{2,40}(?:协办|主办|承办|支持|冠名|联办)[）)]?$/u;
const AD_HOTLINE = /(?:刊登|广告|订阅|发行)(?:热线|电话)/u;

interface Line {
  no: number;
  text: string;
  gapAfter: number;
}

export function isNoiseLine(text: string): boolean {
  return NOISE.test(text) && text.trim() !== '';
}

/**
 * A rule set between stories: three or more marks set apart (`— — —`, `* * *`) or a long run of dashes. A lone
 * `—` or `■` is OCR noise inside a story and must not cut it.
 */
export function isDividerLine(text: string): boolean {
  const marks = text.trim().split(/[\s\u3000]+/u);
  return isNoiseLine(text) && (marks.length >= 3 || /^[—–\-=_]{6,}$/u.test(text.trim()));
}

/** `marked`: lines an editor says are furniture (seeds/corrections.yaml). */
export function findFurniture(
  rawLines: readonly string[],
  vocabulary: Vocabulary,
  marked: ReadonlySet<number> = new Set(),
): PageFurniture {
  const lines = readLines(rawLines);
  const taken = new Map<number, string>();
  for (const line of lines) if (marked.has(line.no)) taken.set(line.no, line.text);
  const noise: FurnitureLine[] = [];
  for (const line of lines) if (isNoiseLine(line.text)) noise.push({ line: line.no, text: line.text });
  const content = lines.filter((l) => !isNoiseLine(l.text));

  // The masthead and running head open the page; a page banner may follow them.
  let top = 0;
  for (; top < content.length && isMastheadLine(content[top].text); top += 1)
    taken.set(content[top].no, content[top].text);
  const banner = bannerAt(content, top, vocabulary);
  for (const line of banner) taken.set(line.no, line.text);

  // At the foot: a running head printed there, credits, sponsor and advertising lines, bottom up.
  for (let i = content.length - 1; i >= top && content.length - i <= 3; i -= 1) {
    const text = content[i].text;
    const foot = isMastheadLine(text) || creditsOf(text).only || SPONSOR.test(text);
    if (!(foot || (AD_HOTLINE.test(text) && text.length <= 40))) break;
    taken.set(content[i].no, text);
  }
  // Anywhere: credit lines, sponsor lines, 导读 boxes.
  content.forEach((line, i) => {
    if (creditsOf(line.text).only || SPONSOR.test(line.text)) taken.set(line.no, line.text);
    if (DIGEST_HEAD.test(line.text.replace(/\s/gu, ' '))) {
      taken.set(line.no, line.text);
      for (let j = i + 1; j < content.length && DIGEST_ITEM.test(content[j].text); j += 1) {
        taken.set(content[j].no, content[j].text);
      }
    }
  });

  const furniture = [...taken].sort(([a], [b]) => a - b).map(([line, text]) => ({ line, text }));
  // The page's facts come from its masthead, running heads and credits, not from a 导读 box or a sponsor line.
  const stating = furniture.filter((f) => isMastheadLine(f.text) || creditsOf(f.text).only).map((f) => f.text);
  const dividers = noise.filter((n) => isDividerLine(n.text)).map((n) => n.line);
  return { furniture, noise, dividers, facts: factsOf(stating, banner) };
}

/** A line of a masthead or a running head; full-width digits and letter-spaced names read as plain ones. */
export function isMastheadLine(printed: string): boolean {
  const text = asciiDigits(printed);
  const segments = splitSegments(text);
  const squashed = squash(text);
  if (PAPER_NAME.test(squashed) || LATIN_NAME.test(text)) return true;
  // A running head without a date: `第6版 区县传真`, page number and section name and nothing else.
  const facts = readFacts(text);
  if (facts.page !== undefined && facts.unknown.length === 0 && text.length <= 40) return true;
  if (PUBLISHER.test(text) && text.length <= 30 && !/[。，]/u.test(text)) return true;
  if (/^今日\s*\d+\s*版/u.test(text)) return true;
  if (!FULL_DATE.test(text) || text.length > 70 || /[。，；]/u.test(text)) return false;
  // A date alone is a dateline of some story; with a weekday, a page number, a credit or the paper's name it heads
  // the page.
  return (
    /星期|农历/u.test(text) ||
    PAGE_MARK.test(text) ||
    creditsOf(text).credits.length > 0 ||
    segments.some((s) => PAPER_NAME.test(s))
  );
}

/** A short section name alone over the page (with its `——` subtitle), set off by a layout gap. */
function bannerAt(content: Line[], index: number, vocabulary: Vocabulary): Line[] {
  const first = content[index];
  if (!first) return [];
  const name = squash(first.text);
  if (!isSectionName(first.text) || vocabulary.briefColumns.includes(name) || vocabulary.photoColumns.includes(name)) {
    return [];
  }
  if (first.gapAfter >= 2) return [first];
  const second = content[index + 1];
  if (first.gapAfter <= 1 && second && /^——/u.test(second.text) && second.gapAfter >= 2 && second.text.length <= 30) {
    return [first, second];
  }
  return [];
}

function factsOf(texts: string[], banner: Line[]): PrintedFacts {
  const facts: PrintedFacts = { editors: [] };
  const seen = new Set<string>();
  for (const text of texts) {
    const read = readFacts(text);
    facts.date ??= read.date;
    facts.edition ??= read.edition;
    facts.page ??= read.page;
    facts.pageName ??= read.pageName;
    for (const editor of read.editors) addEditor(facts.editors, seen, editor);
  }
  if (!facts.pageName && banner[0]) facts.pageName = squash(banner[0].text);
  for (const key of ['date', 'edition', 'page', 'pageName'] as const) if (facts[key] === undefined) delete facts[key];
  return facts;
}

function addEditor(editors: PageCredit[], seen: Set<string>, editor: PageCredit): void {
  const key = `${editor.role}/${editor.name}`;
  if (!seen.has(key)) {
    seen.add(key);
    editors.push(editor);
  }
}

function readLines(raw: readonly string[]): Line[] {
  const lines: Line[] = [];
  raw.forEach((value, index) => {
    const text = value.trim();
    if (text === '') {
      const last = lines.at(-1);
      if (last) last.gapAfter += 1;
      return;
    }
    lines.push({ no: index + 1, text, gapAfter: 0 });
  });
  return lines;
}
