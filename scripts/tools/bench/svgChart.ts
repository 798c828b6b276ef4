/**
 * A small SVG line-chart writer: series of (x, y) points on linear or log axes,
 * for the one chart of docs/benchmarks.md.
 *
 * Why no chart library: the ones that write SVG in Node without a DOM are the
 * heavy ones. vega 6.4 (its View renders SVG headless) installed 62 packages,
 * 15.9 MB, measured 2026-12-07 with `npm install vega` in an empty folder; the
 * light ones (Chartist, Observable Plot) need a DOM (jsdom), and d3-scale would
 * replace only `ticks` below, leaving the SVG to write by hand anyway.
 */

export interface Series {
  name: string;
  points: { x: number; y: number }[];
  color: string;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
  logX?: boolean;
  logY?: boolean;
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "Nice" tick values: covering [min, max] in 1-2-5 steps on a linear axis, 1-2-5 × 10ⁿ within it on a log one. */
export function ticks(min: number, max: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      for (const m of [1, 2, 5]) {
        const v = Number((m * 10 ** e).toPrecision(12));
        if (v >= min && v <= max) out.push(v);
      }
    }
    return out;
  }
  const span = max - min || Math.abs(max) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const out: number[] = [];
  for (let v = Math.floor(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if ((out.at(-1) ?? 0) < max) out.push(Number(((out.at(-1) ?? 0) + step).toPrecision(12)));
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;

export function lineChart(series: readonly Series[], options: ChartOptions): string {
  const width = options.width ?? 720;
  const height = options.height ?? 420;
  const margin = { top: 40, right: 180, bottom: 56, left: 72 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const points = series.flatMap((s) => s.points);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  // A log axis spans the data with a margin; a linear one spans its ticks (from 0 for y).
  const domain = (log: boolean, values: number[], fromZero: boolean): [number, number, number[]] => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (log) return [lo / 1.25, hi * 1.25, ticks(lo / 1.25, hi * 1.25, true)];
    const t = ticks(fromZero ? Math.min(0, lo) : lo, hi, false);
    return [t[0] ?? lo, t.at(-1) ?? hi, t];
  };
  const [x0, x1, xTicks] = domain(options.logX ?? false, xs, false);
  const [y0, y1, yTicks] = domain(options.logY ?? false, ys, true);
  const scale = (log: boolean, lo: number, hi: number, size: number) => (v: number) => {
    const f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo || 1);
    return f * size;
  };
  const sx = scale(options.logX ?? false, x0, x1, plotW);
  const sy = scale(options.logY ?? false, y0, y1, plotH);
  const X = (x: number) => round(margin.left + sx(x));
  const Y = (y: number) => round(margin.top + plotH - sy(y));
  const fx = options.formatX ?? String;
  const fy = options.formatY ?? String;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(options.title)}</text>`,
  ];
  for (const t of xTicks) {
    out.push(
      `<line x1="${X(t)}" y1="${margin.top}" x2="${X(t)}" y2="${margin.top + plotH}" stroke="#e5e5e5"/>`,
      `<text x="${X(t)}" y="${margin.top + plotH + 18}" text-anchor="middle">${escapeXml(fx(t))}</text>`,
    );
  }
  for (const t of yTicks) {
    out.push(
      `<line x1="${margin.left}" y1="${Y(t)}" x2="${margin.left + plotW}" y2="${Y(t)}" stroke="#e5e5e5"/>`,
      `<text x="${margin.left - 8}" y="${Y(t) + 4}" text-anchor="end">${escapeXml(fy(t))}</text>`,
    );
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#888"/>`,
    `<text x="${margin.left + plotW / 2}" y="${height - 12}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, i) => {
    const sorted = [...s.points].sort((a, b) => a.x - b.x);
    const path = sorted.map((p, j) => `${j === 0 ? 'M' : 'L'}${X(p.x)} ${Y(p.y)}`).join(' ');
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    out.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"${dash}/>`);
    for (const p of sorted) out.push(`<circle cx="${X(p.x)}" cy="${Y(p.y)}" r="3.5" fill="${s.color}"/>`);
    const ly = margin.top + 10 + i * 20;
    const lx = margin.left + plotW + 16;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<text x="${lx + 30}" y="${ly + 4}">${escapeXml(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
