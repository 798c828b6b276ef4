import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export type RegionType = 'city' | 'district' | 'county' | 'county-city' | 'zone';

export interface Region {
  name: string;
  slug: string;
  type: RegionType;
  /** Only zones have a parent; city-level zones belong to 衡阳市. */
  parent?: string;
  aliases: string[];
}

/** A landmark, town or institution that places a story in a region. */
export interface Place {
  name: string;
  region: string;
}

export interface Gazetteer {
  regions: Region[];
  places: Place[];
  blockers: string[];
}

export const GAZETTEER_PATH = fileURLToPath(new URL('../../data/gazetteer.yaml', import.meta.url));

const REGION_TYPES: readonly RegionType[] = ['city', 'district', 'county', 'county-city', 'zone'];

/** Parses and validates the gazetteer text; throws naming the entry at fault. */
export function parseGazetteer(text: string, origin = GAZETTEER_PATH): Gazetteer {
  const raw = parse(text) as Partial<Record<keyof Gazetteer, unknown>>;
  const fail = (why: string): never => {
    throw new Error(`${origin}: ${why}`);
  };
  if (!Array.isArray(raw.regions)) fail('`regions` must be a list');
  const regions = (raw.regions as Record<string, unknown>[]).map((r, i): Region => {
    const where = `regions[${i}]`;
    if (typeof r.name !== 'string' || !r.name) fail(`${where} has no name`);
    if (typeof r.slug !== 'string' || !/^[a-z0-9-]+$/.test(r.slug))
      fail(`${where} (${String(r.name)}) needs a lower-case slug`);
    if (!REGION_TYPES.includes(r.type as RegionType))
      fail(`${where} (${String(r.name)}) has an unknown type ${String(r.type)}`);
    const aliases = Array.isArray(r.aliases) ? r.aliases.map(String) : [];
    const region: Region = { name: r.name as string, slug: r.slug as string, type: r.type as RegionType, aliases };
    if (typeof r.parent === 'string') region.parent = r.parent;
    return region;
  });
  const names = new Set(regions.map((r) => r.name));
  const slugs = new Set<string>();
  for (const r of regions) {
    if (slugs.has(r.slug)) fail(`slug ${r.slug} is used twice`);
    slugs.add(r.slug);
    if (r.type === 'zone' && !r.parent) fail(`zone ${r.name} has no parent`);
    if (r.parent && !names.has(r.parent)) fail(`${r.name}'s parent ${r.parent} is not a region`);
  }
  const places = ((raw.places ?? []) as Record<string, unknown>[]).map((p, i): Place => {
    if (typeof p.name !== 'string' || typeof p.region !== 'string') fail(`places[${i}] needs a name and a region`);
    if (!names.has(p.region as string))
      fail(`places[${i}] (${String(p.name)}) names an unknown region ${String(p.region)}`);
    return { name: p.name as string, region: p.region as string };
  });
  const blockers = ((raw.blockers ?? []) as unknown[]).map(String);
  return { regions, places, blockers };
}

let cached: Gazetteer | undefined;

/** The project's gazetteer, read once from data/gazetteer.yaml. */
export function loadGazetteer(): Gazetteer {
  cached ??= parseGazetteer(readFileSync(GAZETTEER_PATH, 'utf8'));
  return cached;
}

/** The 12 county-level divisions, in the gazetteer's order. */
export function countyLevelRegions(gazetteer: Gazetteer = loadGazetteer()): Region[] {
  return gazetteer.regions.filter((r) => r.type === 'district' || r.type === 'county' || r.type === 'county-city');
}

export function zoneRegions(gazetteer: Gazetteer = loadGazetteer()): Region[] {
  return gazetteer.regions.filter((r) => r.type === 'zone');
}

export function regionByName(name: string, gazetteer: Gazetteer = loadGazetteer()): Region | undefined {
  return gazetteer.regions.find((r) => r.name === name);
}
