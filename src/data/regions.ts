/**
 * The gazetteer as the site sees it. It is imported as text rather than read
 * with loadGazetteer(), whose path is relative to its own source file and so
 * does not survive bundling into the build's prerender chunks.
 */
import gazetteerText from '../../data/gazetteer.yaml?raw';
import { countyLevelRegions, parseGazetteer, zoneRegions, type Region } from '../schemas/gazetteer.ts';

export type { Region };

export const gazetteer = parseGazetteer(gazetteerText, 'data/gazetteer.yaml');

const byName = new Map(gazetteer.regions.map((r) => [r.name, r]));

/** The gazetteer region of a canonical name, when front matter names a known region. */
export function regionNamed(name: string): Region | undefined {
  return byName.get(name);
}

/** All regions: 衡阳市, then the 12 county-level divisions, then the zones, in gazetteer order. */
export const allRegions: readonly Region[] = gazetteer.regions;
export const countyLevel: readonly Region[] = countyLevelRegions(gazetteer);
export const zones: readonly Region[] = zoneRegions(gazetteer);
export const cityWide: readonly Region[] = gazetteer.regions.filter((r) => r.type === 'city');
