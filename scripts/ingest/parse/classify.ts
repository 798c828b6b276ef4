/**
 * Line-level cues of a newspaper page: what a single printed line looks like
 * on its own (a heading, a byline, a lead, a brief item…). The splitter
 * combines these cues with the lines around them.
 */
import { displayWidth, endsSentence, squash } from './text.ts';
import type { Vocabulary } from './vocabulary.ts';

const ROLE_WORDS = String.raw`(?:全媒体记者|见习记者|特约记者|首席记者|记者|通讯员|实习生|摄影|作者|读者)`;

/** `#`/`##` headings written by the OCR tool. */
export const HEADING = /^(#{1,6})[ \t\u3000]*(.*\S)\s*$/u;

/** A byline printed on its own line: `■本报记者 X`, `□ X Y`, `■衡阳日报全媒体记者 X 通讯员 Y`, `文/X`. */
const BYLINE_LINE = new RegExp(
  String.raw`^(?:[■□◆◇●]\s*\S.*|(?:本报|衡阳日报)?(?:全媒体|见习|特约|首席)?(?:记者|通讯员)[ \u3000]+[\u4e00-\u9fff].{0,40}|(?:文|图)(?:\s*[/／]\s*(?:文|图))?\s*[/／]\s*[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,20})$`,
  'u',
);

/**
 * A photo credit: `■X 摄`, `■本报记者 X 摄`, `（全媒体记者 X 摄）`, possibly after a caption on the same line.
 * The credit itself is the first group that matched.
 */
export const PHOTO_CREDIT =
  /(?:(?:^|\s)([■□]\s*[^■□]{1,40}?\s*摄(?:影)?)|([（(][^（）()]{1,40}?\s摄(?:影)?[）)]))\s*$/u;

/** The credit `PHOTO_CREDIT` found, and where it starts. */
export function photoCreditOf(text: string): { credit: string; index: number } | undefined {
  const match = PHOTO_CREDIT.exec(text);
  const credit = match?.[1] ?? match?.[2];
  return match && credit ? { credit, index: text.lastIndexOf(credit) } : undefined;
}

/** The dateline that opens a report, with the reporters in brackets: `衡阳日报讯（全媒体记者 X）`. */
export const LEAD = /^(?:衡阳日报讯|衡阳日报消息|本报讯|本报消息)(?:\s*[（(][^（）()]{0,80}[）)])?/u;

/** Reporters in brackets closing a brief: `（全媒体记者 X 通讯员 Y）`, `（通讯员 X）`. */
export const TRAILING_BYLINE = new RegExp(
  String.raw`[（(](?:文\s*[/／]\s*图\s*|图\s*[/／]\s*文\s*)?(?:本报|衡阳日报)?${ROLE_WORDS}[^（）()]{1,60}[）)]\s*$`,
  'u',
);

/** `（上接第一版）`, `（下转第三版）`, alone or at the edge of a paragraph. */
export const CONTINUATION = /[（(](?:上接|下转|接上|转下|紧接|接第|转第)[^（）()]{0,14}[）)]/u;

/** A brief item's mark: ▲, or ◆ on pages that set briefs with it. */
export const BRIEF_ITEM = /^[▲◆]/u;

/** Sentence-internal punctuation that never appears at the end of a headline. */
const PROSE_ENDING = /[，、,；;。]$/u;

export function headingOf(line: string): { level: number; text: string } | undefined {
  const match = HEADING.exec(line);
  if (!match?.[1] || !match[2]) return undefined;
  return { level: match[1].length, text: match[2].trim() };
}

export function isBylineLine(line: string): boolean {
  const text = line.trim();
  if (!BYLINE_LINE.test(text) || displayWidth(text) > 48) return false;
  // A ■ line that reads as a sentence is a caption or a banner, not a byline.
  return !/[，。；！？]/u.test(text);
}

export function isCreditLine(line: string): boolean {
  const text = line.trim();
  return (isBylineLine(text) && /摄(?:影)?$/u.test(text)) || photoCreditOf(text)?.index === 0;
}

export function isLead(line: string): boolean {
  return LEAD.test(line.trim());
}

export function isContinuationLine(line: string): boolean {
  const text = line.trim();
  const match = CONTINUATION.exec(text);
  return match !== null && match[0].length === text.length;
}

export function isBriefItem(line: string): boolean {
  return BRIEF_ITEM.test(line.trim());
}

/** Lines that carry page structure: never joined to the text around them. */
export function isStructural(line: string): boolean {
  return (
    headingOf(line) !== undefined || isBylineLine(line) || isLead(line) || isContinuationLine(line) || isBriefItem(line)
  );
}

/** A kicker (引题) announces the headline below it and ends with a colon or a dash. */
export function isKickerForm(line: string): boolean {
  const text = line.trim();
  return /(?:[:：]|——|—)$/u.test(text) && displayWidth(text) <= 40 && !/[。；]/u.test(text);
}

/** A subtitle (副题) often opens with a dash: `——湖南衡东县“百日大会战”攻坚扫描`. */
export function isSubtitleForm(line: string): boolean {
  const text = line.trim();
  return /^(?:——|—)/u.test(text) && displayWidth(text) <= 50 && !/[。；]/u.test(text);
}

/**
 * Short, unpunctuated lines are what headlines, subtitles, subheads and
 * captions look like; prose sentences end in punctuation or run long.
 */
export function isHeadlineLike(line: string): boolean {
  const text = line.trim();
  if (text === '' || isStructural(text) || PROSE_ENDING.test(text)) return false;
  if (/。/u.test(text)) return false;
  const width = displayWidth(text);
  if (width > 40) return false;
  // A question or exclamation with a comma inside reads as a sentence of the body.
  if (/[？！?!]$/u.test(text) && /[，,]/u.test(text)) return false;
  if (endsSentence(text) && !/[？！?!]$/u.test(text)) return false;
  return true;
}

export function columnNameOf(line: string, vocabulary: Vocabulary): { name: string; photo: boolean } | undefined {
  const text = squash(headingOf(line)?.text ?? line);
  if (vocabulary.photoColumns.includes(text)) return { name: text, photo: true };
  if (vocabulary.briefColumns.includes(text)) return { name: text, photo: false };
  return undefined;
}

/** A notice's title ends with what it is (`…的通告`, `招聘公告`, `遗失声明`), from `noticeWords`. */
export function namesNotice(line: string, vocabulary: Pick<Vocabulary, 'noticeWords'>): boolean {
  const text = line.trim();
  return vocabulary.noticeWords.some((word) => text.endsWith(word)) && displayWidth(text) <= 40;
}

/** Commentary and feature columns name themselves by these endings: 雁城时评, 每周短评, 读者来信, 读者建议, 记者手记. */
const COLUMN_ENDING = /(?:社论|时评|短评|快评|评论|论坛|观察|随笔|漫谈|来信|之声|建议|手记|札记)$/u;

/**
 * A column's name over a headline: a name ending as columns do, or two to four characters set with typesetting
 * spaces between them (`社 论`, `短 评`), which headlines never are.
 */
export function isColumnLabel(line: string): boolean {
  const text = line.trim();
  const name = squash(text);
  if (!/^[\u4e00-\u9fff·]{2,6}$/u.test(name)) return false;
  return (
    COLUMN_ENDING.test(name) || (name.length <= 4 && /^(?:[\u4e00-\u9fff][\s\u3000]+)+[\u4e00-\u9fff]$/u.test(text))
  );
}

export function isBannerText(line: string, vocabulary: Vocabulary): boolean {
  return vocabulary.bannerWords.some((word) => line.includes(word));
}

export function isCaptionNote(line: string, vocabulary: Vocabulary): boolean {
  const text = line.trim();
  return (
    displayWidth(text) <= 24 &&
    /^[（(].*[）)]$/u.test(text) &&
    vocabulary.captionNotes.some((word) => text.includes(word))
  );
}

/** A work printed on the page with its maker: `秋山晚晴（摄影）  □ 邝一鸣`, `春江（书法） ■王一`. */
const ARTWORK =
  /^(.{2,24}?)[（(](摄影|书法|国画|绘画|剪纸|篆刻|油画|漫画|版画|插图)[）)][\s\u3000]*([■□]\s*\S.{0,12})$/u;

export function artworkCredit(line: string): { title: string; medium: string; credit: string } | undefined {
  const match = ARTWORK.exec(line.trim());
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { title: match[1].trim(), medium: match[2], credit: match[3] };
}

const SIGNATURE = new RegExp(
  // A reader may sign with a place before the role: `衡南县读者 黄志明`.
  String.raw`^[（(]?[\u4e00-\u9fff]{0,6}?${ROLE_WORDS}[\s\u3000]+[\u4e00-\u9fff·](?:[\s\u3000]?[\u4e00-\u9fff·]){1,4}[）)]?$`,
  'u',
);

/** A name signing off a letter or a piece on a line of its own: `读者 王建国`, `（作者 X）`. */
export function isSignature(line: string): boolean {
  return SIGNATURE.test(line.trim());
}

/** Photo news opens with when it happened: `6月1日上午，…`, `2022年7月8日，…`. */
export function opensWithDate(line: string): boolean {
  return /^(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日/u.test(line.trim());
}
