/** A small SVG line-chart writer (no chart library): series of (x, y) points on linear or log axes. */

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

/** "Nice" tick values covering [min, max]: 1-2-5 steps on a linear axis, powers of ten on a log one. */
export function ticks(min: number, max: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
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
  const xTicks = ticks(Math.min(...xs), Math.max(...xs), options.logX ?? false);
  const yTicks = ticks(options.logY ? Math.min(...ys) : 0, Math.max(...ys), options.logY ?? false);
  const scale = (log: boolean, lo: number, hi: number, size: number) => (v: number) => {
    const f = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo || 1);
    return f * size;
  };
  const sx = scale(options.logX ?? false, xTicks[0], xTicks.at(-1) as number, plotW);
  const sy = scale(options.logY ?? false, yTicks[0], yTicks.at(-1) as number, plotH);
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
