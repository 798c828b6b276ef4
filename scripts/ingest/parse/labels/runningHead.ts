/**
 * Reads what a page prints about itself: a running head (`衡阳日报 2022年3月8日 星期二 第2版 要闻  责任编辑：谢 凡`),
 * a masthead's date line or page count, a credit line (`本版编辑：刘 芳  美术编辑：邝雨桐`). Pure: one line in, the
 * facts it states out; furniture.ts decides which lines are furniture.
 */
import type { PageCredit } from '../../../../src/schemas/pageRecord.ts';
import { squash } from '../text.ts';

export interface PrintedFacts {
  /** YYYY-MM-DD, when the line prints a full date. */
  date?: string;
  /** The paper's name (…日报, …晚报). */
  edition?: string;
  /** 版次. */
  page?: number;
  /** 版名: the page's section name. */
  pageName?: string;
  editors: PageCredit[];
}

/** Roles credited in page furniture; the longest first so that 美术编辑 is not read as 编辑. */
const CREDIT_ROLES = [
  '责任编辑',
  '本版编辑',
  '美术编辑',
  '版式设计',
  '责任校对',
  '图片编辑',
  '美编',
  '版式',
  '校对',
  '组版',
  '编辑',
];
const CREDIT = new RegExp(`^(${CREDIT_ROLES.join('|')})\\s*[：:]\\s*(\\S(?:.*\\S)?)$`, 'u');
export const FULL_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const WEEKDAY = /^(?:星期|周)[一二三四五六日天]$/u;
const PAGE_NUMBER = /^第\s*([0-9一二三四五六七八九十]+)\s*版$/u;
const PAGE_COUNT = /^今日\s*\d+\s*版$/u;
const LUNAR = /^农历/u;
export const PAPER_NAME = /^[\u4e00-\u9fff]{2,6}(?:日报|晚报|都市报)$/u;
/** Parts of a running head are set apart by wide spaces, or runs of two or more narrow ones. */
const SEGMENT_GAP = /[\u3000\t]+|\s{2,}/u;

/** A credit such as `责任编辑：谢 凡`, with the typesetting space taken out of the name. */
export function creditOf(segment: string): PageCredit | undefined {
  const match = CREDIT.exec(segment.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const name = squash(match[2]);
  return /^[\u4e00-\u9fff·]{2,8}$/u.test(name) ? { role: match[1], name } : undefined;
}

/** Every credit printed on a line, and whether the line holds nothing else. */
export function creditsOf(line: string): { credits: PageCredit[]; only: boolean } {
  const segments = splitSegments(line);
  const credits = segments.map(creditOf).filter((c): c is PageCredit => c !== undefined);
  return { credits, only: credits.length > 0 && credits.length === segments.length };
}

export function splitSegments(line: string): string[] {
  return line
    .trim()
    .split(SEGMENT_GAP)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isoDate(match: RegExpExecArray): string | undefined {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The facts a furniture line states, segment by segment. A segment that is none of the known parts and reads as a
 * short name is the 版名 (`要闻`, `县域经济`, `体育·文化`); `fused` allows one glued to the date (`理论2022年6月21日`).
 */
export function readFacts(line: string): PrintedFacts & { unknown: string[] } {
  const facts: PrintedFacts & { unknown: string[] } = { editors: [], unknown: [] };
  for (const raw of splitSegments(asciiDigits(line))) {
    const credit = creditOf(raw);
    if (credit) {
      facts.editors.push(credit);
      continue;
    }
    let segment = raw;
    const date = FULL_DATE.exec(segment);
    if (date) {
      facts.date ??= isoDate(date);
      segment = (segment.slice(0, date.index) + segment.slice(date.index + date[0].length)).trim();
      if (segment === '') continue;
    }
    // A head set with single spaces (`衡阳日报 2022年3月8日 星期二`) is one segment: its words are read one by one,
    // and what none of them is, joined up, is the 版名 (`副 刊` set with a typesetting space).
    const rest: string[] = [];
    for (const word of segment.split(/[\s\u3000]+/u).filter(Boolean)) {
      const page = PAGE_NUMBER.exec(word);
      if (page?.[1]) facts.page ??= pageNumber(page[1]);
      else if (PAPER_NAME.test(word)) facts.edition ??= word;
      else if (!(WEEKDAY.test(word) || PAGE_COUNT.test(word) || LUNAR.test(word))) rest.push(word);
    }
    const name = rest.join('');
    if (name === '') continue;
    if (isSectionName(name)) facts.pageName ??= name;
    else facts.unknown.push(name);
  }
  return facts;
}

/** Full-width digits (２０２３年６月６日) as ASCII ones, so dates and page numbers read the same either way. */
export function asciiDigits(text: string): string {
  return text.replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** A section name as printed over a page: a few characters, no sentence punctuation, no digits. */
export function isSectionName(text: string): boolean {
  const name = squash(text);
  return /^[\u4e00-\u9fff·・]{2,8}$/u.test(name);
}

const CHINESE_DIGITS = '一二三四五六七八九';

function pageNumber(text: string): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text) || undefined;
  // 第十二版: tens, then units.
  const [tens, units] = text.includes('十') ? text.split('十') : ['', text];
  const digit = (d: string | undefined) => (d ? CHINESE_DIGITS.indexOf(d) + 1 : 0);
  const value = (text.includes('十') ? (digit(tens) || 1) * 10 : 0) + digit(units);
  return value > 0 ? value : undefined;
}
