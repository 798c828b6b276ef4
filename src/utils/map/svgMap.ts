/**
 * Projects polygons to compact SVG paths with d3-geo: Mercator fitted to the box, each ring simplified to
 * within `tolerance` units of the viewBox (under a pixel at the size the map is shown), points rounded to whole
 * units, repeated points dropped and moves written relative: the boundaries as the package gives them took
 * 40 kB of path data, too much for every region page to carry.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import type { GeoFeature, GeoFeatureCollection, Position } from './echartsGeo.ts';

export interface ProjectedShape {
  name: string;
  /** SVG path data in the map's viewBox. */
  d: string;
  /** Where to put its label: the projected label point the map gives (`cp`), else the centroid. */
  label: Position;
  /** Width and height of its bounding box, to tell whether a label fits. */
  size: Position;
}

/**
 * Douglas–Peucker: the points of a polyline that keep it within `tolerance` of the original. Iterative, so a
 * long border cannot overflow the stack.
 */
export function simplify(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    const [ax, ay] = points[from];
    const [bx, by] = points[to];
    const length = Math.hypot(bx - ax, by - ay);
    let worst = -1;
    let worstAt = -1;
    for (let i = from + 1; i < to; i++) {
      const [px, py] = points[i];
      const distance =
        length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length;
      if (distance > worst) [worst, worstAt] = [distance, i];
    }
    if (worst > tolerance) {
      keep[worstAt] = 1;
      stack.push([from, worstAt], [worstAt, to]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A d3 path context collecting each ring, then writing it simplified, rounded and relative. */
class CompactPath {
  private out = '';
  private ring: Position[] = [];
  private x = 0;
  private y = 0;
  private readonly tolerance: number;
  constructor(tolerance: number) {
    this.tolerance = tolerance;
  }
  beginPath(): void {
    // Each ring starts with moveTo, which is all this context needs.
  }
  moveTo(x: number, y: number): void {
    this.flush(false);
    this.ring = [[x, y]];
  }
  lineTo(x: number, y: number): void {
    this.ring.push([x, y]);
  }
  closePath(): void {
    this.flush(true);
  }
  arc(): void {
    throw new Error('a map has no circles');
  }
  private flush(closed: boolean): void {
    if (this.ring.length === 0) return;
    const points = simplify(this.ring, this.tolerance).map(([x, y]): Position => [Math.round(x), Math.round(y)]);
    this.ring = [];
    points.forEach(([x, y], i) => {
      if (i === 0) this.out += this.out === '' ? `M${x} ${y}` : `m${x - this.x} ${y - this.y}`;
      else if (x !== this.x || y !== this.y) this.out += `l${x - this.x} ${y - this.y}`;
      [this.x, this.y] = [x, y];
    });
    if (closed) this.out += 'z';
  }
  result(): string {
    this.flush(false);
    const d = this.out;
    this.out = '';
    return d;
  }
}

/** The features fitted into a width × height box with `margin` on every side. */
export function projectFeatures(
  collection: GeoFeatureCollection,
  width: number,
  height: number,
  margin = 8,
  tolerance = 0.8,
): ProjectedShape[] {
  const object = collection as unknown as GeoPermissibleObjects;
  const projection = geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    object,
  );
  const context = new CompactPath(tolerance);
  const path = geoPath(projection, context);
  return collection.features.map((feature: GeoFeature) => {
    path(feature);
    const d = context.result();
    const point = feature.properties.cp ? projection(feature.properties.cp) : null;
    const [lx, ly] = point ?? path.centroid(feature);
    const [[x0, y0], [x1, y1]] = path.bounds(feature);
    return {
      name: feature.properties.name,
      d,
      label: [Math.round(lx), Math.round(ly)],
      size: [Math.round(x1 - x0), Math.round(y1 - y0)],
    };
  });
}
