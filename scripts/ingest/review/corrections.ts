/**
 * `seeds/corrections.yaml`: an editor's fixes for layouts no rule reads right, applied on every ingest. Each entry
 * names a page file, a line of it by number and by its printed start (so an entry that no longer matches its page
 * is caught, not applied to the wrong line), and one override:
 *
 *   c05.txt:
 *     - { line: 29, text: 湖南雁能建设集团, split: true }          # a new item starts at this line
 *     - { line: 24, text: 衡阳市住房, merge: next }                 # the item holding this line takes in the next one
 *     - { line: 67, text: 分类广告, furniture: true }               # this line is page furniture
 *     - { line: 12, text: 春风十里, label: body }                   # this line is body text, never a head (or caption)
 *     - { line: 57, text: 遗失声明, set: { kind: notice, title: 遗失声明 } }   # fields of the item holding the line
 *
 * `set` takes title, kicker, subtitle, date (YYYY-MM-DD), regions (a list) and kind (article, brief, photo, notice).
 */
import { ARTICLE_KINDS, type ArticleKind } from '../../../src/schemas/articleContract.ts';
import { squash } from '../parse/text.ts';

export interface FieldOverrides {
  title?: string;
  kicker?: string;
  subtitle?: string;
  date?: string;
  regions?: string[];
  kind?: ArticleKind;
}

/** What an editor may say a line is, overriding what the ingest read it as. */
export const LINE_LABELS = ['body', 'caption'] as const;
export type LineLabel = (typeof LINE_LABELS)[number];

export type CorrectionAction =
  { split: true } | { merge: 'next' } | { furniture: true } | { label: LineLabel } | { set: FieldOverrides };

export type Correction = { line: number; text: string } & CorrectionAction;

export type Corrections = Map<string, Correction[]>;

const TEXT_FIELDS = ['title', 'kicker', 'subtitle'] as const;

export function parseCorrections(raw: unknown, origin: string): Corrections {
  const corrections: Corrections = new Map();
  if (raw === null || raw === undefined) return corrections;
  if (typeof raw !== 'object' || Array.isArray(raw))
    throw new Error(`${origin}: must map page files to lists of fixes`);
  for (const [file, entries] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(entries)) throw new Error(`${origin}: ${file}: must be a list of fixes`);
    corrections.set(
      file,
      entries.map((entry, i) => parseEntry(entry, `${origin}: ${file}, fix ${i + 1}`)),
    );
  }
  return corrections;
}

function parseEntry(entry: unknown, where: string): Correction {
  if (typeof entry !== 'object' || entry === null) throw new Error(`${where}: must be a map`);
  const e = entry as Record<string, unknown>;
  if (!Number.isInteger(e.line) || (e.line as number) < 1) throw new Error(`${where}: \`line\` must be a line number`);
  if (typeof e.text !== 'string' || e.text.trim() === '') {
    throw new Error(`${where}: \`text\` must quote the start of line ${String(e.line)} as printed`);
  }
  const at = { line: e.line as number, text: e.text.trim() };
  const actions = ['split', 'merge', 'furniture', 'label', 'set'].filter((k) => e[k] !== undefined);
  if (actions.length !== 1) throw new Error(`${where}: give exactly one of split, merge, furniture, label, set`);
  if (e.label !== undefined) {
    if (!(LINE_LABELS as readonly unknown[]).includes(e.label)) {
      throw new Error(`${where}: label must be one of ${LINE_LABELS.join(', ')}`);
    }
    return { ...at, label: e.label as LineLabel };
  }
  if (e.split === true) return { ...at, split: true };
  if (e.furniture === true) return { ...at, furniture: true };
  if (e.merge === 'next') return { ...at, merge: 'next' };
  if (e.set !== undefined) return { ...at, set: parseFields(e.set, where) };
  throw new Error(`${where}: split and furniture take true, merge takes next`);
}

function parseFields(raw: unknown, where: string): FieldOverrides {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${where}: \`set\` must be a map`);
  const fields: FieldOverrides = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if ((TEXT_FIELDS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: ${key} must be text`);
      fields[key as (typeof TEXT_FIELDS)[number]] = value.trim();
    } else if (key === 'date') {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(value) || Number.isNaN(Date.parse(value))) {
        throw new Error(`${where}: date must be YYYY-MM-DD`);
      }
      fields.date = value;
    } else if (key === 'regions') {
      if (!Array.isArray(value) || value.some((r) => typeof r !== 'string'))
        throw new Error(`${where}: regions must be a list`);
      fields.regions = value as string[];
    } else if (key === 'kind') {
      if (!(ARTICLE_KINDS as readonly unknown[]).includes(value)) {
        throw new Error(`${where}: kind must be one of ${ARTICLE_KINDS.join(', ')}`);
      }
      fields.kind = value as ArticleKind;
    } else {
      throw new Error(`${where}: unknown field \`${key}\``);
    }
  }
  return fields;
}

/**
 * The fixes that still match the page, and a message for each that does not: its line is past the page's end, or
 * the line no longer starts with the quoted text (the page changed).
 */
export function matchCorrections(
  pageText: string,
  file: string,
  corrections: readonly Correction[],
): { valid: Correction[]; errors: string[] } {
  const lines = pageText.split('\n');
  const valid: Correction[] = [];
  const errors: string[] = [];
  for (const fix of corrections) {
    const where = `seeds/corrections.yaml: ${file} line ${fix.line}`;
    const printed = lines[fix.line - 1];
    if (printed === undefined) errors.push(`${where}: the page has only ${lines.length} lines`);
    else if (!squash(printed).startsWith(squash(fix.text))) {
      errors.push(
        `${where}: the line reads ${JSON.stringify(printed.trim().slice(0, 20))}, not ${JSON.stringify(fix.text)}`,
      );
    } else valid.push(fix);
  }
  return { valid, errors };
}
