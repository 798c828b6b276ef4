/**
 * `seeds/manifest.yaml` states what is known about a page and can't be read
 * from its text: its date, edition and page number. A stated date wins over
 * an inferred one.
 *
 *   pages:
 *     004_58951b09849fe9b2.txt: { date: 2020-03-09, edition: 衡阳日报, page: 1 }
 */
import { parse } from 'yaml';
import { parseCorrections, type Correction } from './review/corrections.ts';

export interface PageFacts {
  date?: string;
  edition?: string;
  page?: number;
  /** The editor's fixes for this page from seeds/corrections.yaml: part of what the page's output depends on. */
  corrections?: Correction[];
}

export type Manifest = Map<string, PageFacts>;

export function parseManifest(text: string, origin: string): Manifest {
  const raw = parse(text) as { pages?: Record<string, Record<string, unknown>> } | null;
  const manifest: Manifest = new Map();
  const pages = raw?.pages ?? {};
  if (typeof pages !== 'object' || Array.isArray(pages))
    throw new Error(`${origin}: \`pages\` must map file names to facts`);
  for (const [file, facts] of Object.entries(pages)) {
    const entry: PageFacts = {};
    const date = facts.date;
    if (date !== undefined) {
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(date) || Number.isNaN(Date.parse(date))) {
        throw new Error(`${origin}: ${file}: date must be YYYY-MM-DD, not ${JSON.stringify(date)}`);
      }
      entry.date = date;
    }
    if (facts.edition !== undefined) {
      if (typeof facts.edition !== 'string') throw new Error(`${origin}: ${file}: edition must be text`);
      entry.edition = facts.edition;
    }
    if (facts.page !== undefined) {
      if (!Number.isInteger(facts.page) || (facts.page as number) < 1) {
        throw new Error(`${origin}: ${file}: page must be a positive whole number`);
      }
      entry.page = facts.page as number;
    }
    manifest.set(file, entry);
  }
  return manifest;
}

/** Adds each page's fixes from seeds/corrections.yaml to its facts; fixes for a file that is not a page are errors. */
export function addCorrections(
  manifest: Manifest,
  text: string,
  origin: string,
  pageFiles: ReadonlySet<string>,
): { manifest: Manifest; errors: string[] } {
  const corrections = parseCorrections(parse(text) as unknown, origin);
  const errors: string[] = [];
  const merged: Manifest = new Map(manifest);
  for (const [file, fixes] of corrections) {
    if (!pageFiles.has(file)) {
      errors.push(`${origin}: ${file}: no such page in the seeds folder; its ${fixes.length} fixes were not applied`);
      continue;
    }
    merged.set(file, { ...merged.get(file), corrections: fixes });
  }
  return { manifest: merged, errors };
}
