/**
 * Writes data/search-t2s.json: a one-character-to-one-character table that folds
 * traditional (and variant) Chinese characters to the simplified forms this
 * archive is printed in, so a query typed as 鐘錶產業 finds 钟表产业.
 *
 * Generated from opencc-js (Taiwan/HK/traditional → mainland simplified) one
 * character at a time: search compares text position by position, so only
 * mappings that keep the length are useful. Characters that are themselves in
 * everyday simplified use (著, 乾, 於 …) are left alone so that folding the
 * indexed text never changes what a reader sees in an excerpt.
 *
 * Run: ./node_modules/.bin/node scripts/build/search-t2s.ts
 */
import { writeFileSync } from 'node:fs';
import * as OpenCC from 'opencc-js';

// Standard simplified characters (通用规范汉字表) that OpenCC's character table
// nevertheless maps to another character; folding them would corrupt text.
const KEEP = new Set([...'著乾於余藉瞭覆徵夥甦衹彆佔沈祇划吁']);

const converters = ['t', 'tw', 'hk'].map((from) => OpenCC.Converter({ from, to: 'cn' }));
// A character that converts to something else when going simplified → traditional
// is itself a simplified form (么 → 麼), so it must never be folded away.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const pairs: string[] = [];
const ranges: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];
for (const [lo, hi] of ranges) {
  for (let cp = lo; cp <= hi; cp++) {
    const c = String.fromCodePoint(cp);
    if (KEEP.has(c) || toTraditional(c) !== c) continue;
    for (const convert of converters) {
      const s = convert(c);
      // Keep only BMP → BMP single-character changes so UTF-16 offsets survive.
      if (s !== c && s.length === 1 && [...s].length === 1) {
        pairs.push(c + s);
        break;
      }
    }
  }
}
const out = new URL('../../data/search-t2s.json', import.meta.url);
writeFileSync(
  out,
  JSON.stringify({ source: 'opencc-js tw/hk/t → cn, single characters', pairs: pairs.join('') }) + '\n',
);
console.log(`wrote ${pairs.length} pairs to ${out.pathname}`);
