/**
 * Townships (乡镇/街道) and the articles that name them, and for each region the articles that mention it
 * without being filed under it (“也提到”). Pure, built in one pass over the articles.
 */
import type { Region } from '../schemas/gazetteer.ts';
import type { Township } from '../schemas/townships.ts';
import type { IndexableArticle } from './archiveIndex.ts';

export interface TownshipEntry<T> {
  township: Township;
  /** Newest first (the order the articles are given in). */
  articles: T[];
}

export interface PlacesIndex<T> {
  /** Townships with at least one article, by code. */
  byCode: Map<string, TownshipEntry<T>>;
  /** Each region's townships in code order, with or without articles. */
  townshipsOf: Map<string, TownshipEntry<T>[]>;
  /** Articles that name a region or one of its townships but are not filed under it, newest first. */
  alsoMentioned: Map<string, T[]>;
}

export interface PlacesInput<T> {
  articles: readonly T[];
  townships: readonly Township[];
  /** The regions whose mentions are looked for (the city is left out: every story names 衡阳). */
  regions: readonly Region[];
  /** The text a region's name is looked for in: headline and body. */
  textOf: (article: T) => string;
}

export function buildPlacesIndex<T extends IndexableArticle>(input: PlacesInput<T>): PlacesIndex<T> {
  const entries = new Map<string, TownshipEntry<T>>();
  const townshipsOf = new Map<string, TownshipEntry<T>[]>();
  for (const township of input.townships) {
    const entry: TownshipEntry<T> = { township, articles: [] };
    entries.set(township.code, entry);
    if (township.region) townshipsOf.set(township.region, [...(townshipsOf.get(township.region) ?? []), entry]);
  }
  const alsoMentioned = new Map<string, T[]>(input.regions.map((r) => [r.name, []]));
  const names = input.regions.map((r) => ({ region: r.name, spellings: [r.name, ...r.aliases].filter(Boolean) }));
  for (const article of input.articles) {
    const filed = new Set(article.data.regions);
    const mentioned = new Set<string>();
    for (const place of article.data.places ?? []) {
      const entry = entries.get(place.code);
      // A code the package does not know (an older or newer list) is not a page: nothing to link to.
      if (!entry || entry.articles.at(-1) === article) continue;
      entry.articles.push(article);
      if (entry.township.region) mentioned.add(entry.township.region);
    }
    const text = input.textOf(article);
    for (const { region, spellings } of names) if (spellings.some((s) => text.includes(s))) mentioned.add(region);
    for (const region of mentioned) if (!filed.has(region)) alsoMentioned.get(region)?.push(article);
  }
  const byCode = new Map([...entries].filter(([, entry]) => entry.articles.length > 0));
  return { byCode, townshipsOf, alsoMentioned };
}
