/**
 * Finds the places an article is about. Every mention of a region, one of its
 * aliases or a landmark in it is weighed by where it stands (headline, lead,
 * body); a region that is only brushed past once is not filed.
 */
import type { Gazetteer, Region } from '../../../src/schemas/gazetteer.ts';

export interface RegionText {
  /** Kicker, title and subtitle. */
  headline: string;
  /** The first paragraph, where a report says where it happened. */
  lead: string;
  /** Everything else: the body and the captions. */
  rest: string;
}

export interface RegionMatcher {
  detect(text: RegionText): string[];
}

const CITY = '衡阳市';
const WEIGHTS = { headline: 3, lead: 2, rest: 1 } as const;
/** A name followed by one of these is a street or a bridge, not the place. */
const NOT_A_PLACE_AFTER = /^(?:路|街|大道|大街|巷|桥|大桥)/u;
/**
 * City-level bodies (市委, 市发改委, 市公安局…) mean a city-wide story; `市`
 * must start a word, so 常宁市委 or 代理市长 don't count.
 */
const CITY_BODY =
  /(?:^|(?<=[^\u4e00-\u9fff]|[在自从由与和及、，的是到赴对向为据经]))市(?:委|政府|人大|政协|纪委|监委|领导|[\u4e00-\u9fff]{1,8}?(?:局|委|院|办|中心|集团|支队|协会))/gu;

interface TrieNode {
  next: Map<number, TrieNode>;
  /** The name that ends here. */
  name?: string;
}

export function createRegionMatcher(gazetteer: Gazetteer): RegionMatcher {
  const byName = new Map<string, Region>(gazetteer.regions.map((r) => [r.name, r]));
  const targets = new Map<string, string | null>();
  for (const region of gazetteer.regions) {
    for (const name of [region.name, ...region.aliases]) targets.set(name, region.name);
  }
  for (const place of gazetteer.places) targets.set(place.name, place.region);
  for (const blocker of gazetteer.blockers) targets.set(blocker, null);
  // Names are found left to right, the longest at each place, a found name never overlapping the next: what an
  // alternation of every name, longest first, finds, but a regular expression that size takes a run that parses a
  // few pages longer to compile than to use. An empty name (an alias left blank) names nothing.
  targets.delete('');
  // The names as a trie of code units, walked from each place without cutting the text into candidate strings.
  const root: TrieNode = { next: new Map() };
  for (const name of targets.keys()) {
    let node = root;
    for (let i = 0; i < name.length; i += 1) {
      const unit = name.charCodeAt(i);
      let child = node.next.get(unit);
      if (!child) node.next.set(unit, (child = { next: new Map() }));
      node = child;
    }
    node.name = name;
  }

  const mentions = (text: string): string[] => {
    const found: string[] = [];
    for (let at = 0; at < text.length;) {
      const name = longestName(text, at);
      if (name === undefined) {
        at += text.codePointAt(at)! > 0xffff ? 2 : 1;
        continue;
      }
      const region = targets.get(name);
      const after = text.slice(at + name.length, at + name.length + 2);
      if (region && !NOT_A_PLACE_AFTER.test(after)) found.push(region);
      at += name.length;
    }
    const cityBodies = text.match(CITY_BODY)?.length ?? 0;
    for (let i = 0; i < cityBodies; i += 1) found.push(CITY);
    return found;
  };

  const longestName = (text: string, at: number): string | undefined => {
    let found: string | undefined;
    let node: TrieNode | undefined = root;
    for (let i = at; i < text.length; i += 1) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.name !== undefined) found = node.name;
    }
    return found;
  };

  return {
    detect(text) {
      const scores = new Map<string, number>();
      const inHeadline = new Set<string>();
      for (const part of ['headline', 'lead', 'rest'] as const) {
        for (const region of mentions(text[part])) {
          scores.set(region, (scores.get(region) ?? 0) + WEIGHTS[part]);
          if (part === 'headline') inHeadline.add(region);
        }
      }
      const local = [...scores].filter(([name]) => name !== CITY);
      const best = Math.max(0, ...local.map(([, score]) => score));
      const countyLevel = local.filter(([name]) => byName.get(name)?.type !== 'zone').length;
      // A roundup of many districts is a city-wide story; only the ones it dwells on are filed too.
      const roundup = countyLevel >= 4;
      const floor = roundup ? 3 : 2;
      const chosen = new Set(
        local
          .filter(([name, score]) => inHeadline.has(name) || (score >= floor && score >= best / 4))
          .map(([name]) => name),
      );
      const city = scores.get(CITY) ?? 0;
      // A story that names a place only in passing is still filed under the place it names most, unless it is
      // about the whole city (全市, 我市, 市委…): then the places it names in passing are only examples.
      if (chosen.size === 0 && !roundup && city === 0) {
        for (const [name, score] of local) if (score === best) chosen.add(name);
      }
      for (const name of [...chosen]) {
        const parent = byName.get(name)?.parent;
        if (parent && parent !== CITY) chosen.add(parent);
      }
      if (inHeadline.has(CITY) || roundup || (chosen.size === 0 && city > 0) || (city >= 4 && city >= 2 * best)) {
        chosen.add(CITY);
      }
      const order = new Map(gazetteer.regions.map((r, i) => [r.name, i]));
      return [...chosen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    },
  };
}
