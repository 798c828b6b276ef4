import { describe, expect, it } from 'vitest';
import { createRegionMatcher } from '../../scripts/ingest/parse/regionMatcher.ts';
import { loadGazetteer, parseGazetteer } from '../../src/schemas/gazetteer.ts';

const matcher = createRegionMatcher(loadGazetteer());
const detect = (headline: string, lead: string, rest = '') => matcher.detect({ headline, lead, rest });

describe('region detection', () => {
  it('files a story under the divisions in its headline', () => {
    expect(detect('朱健赴衡南县、祁东县督导工作', '本报讯 朱健赴衡南县、祁东县督导。')).toEqual(['衡南县', '祁东县']);
  });

  it('places 南岳机场 in 衡南县 and ignores the company 南岳电控', () => {
    expect(detect('', '来到衡南县，深入南岳机场视察。', '衡南县要全力推动发展。')).toEqual(['衡南县']);
    expect(detect('', '辅导南岳电控等企业申报。雁峰区工信部门帮助企业。', '雁峰区积极作为。')).toEqual(['雁峰区']);
  });

  it('puts 衡山科学城 in 衡阳高新区 and keeps 衡阳县 apart from 衡阳市', () => {
    expect(detect('', '92亩地坐落在衡山科学城片区。', '衡山科学城建设加快。')).toEqual(['衡阳高新区']);
    expect(detect('衡阳县“全链式兴工”促高质量发展', '衡阳县以马上就办的作风推进。')).toEqual(['衡阳县']);
  });

  it('adds a county zone’s parent', () => {
    expect(detect('衡东经开区工业总产值增长', '衡东经开区按需上菜。')).toEqual(['衡东县', '衡东经开区']);
  });

  it('marks city-wide stories 衡阳市', () => {
    expect(detect('全市经济社会发展按下快进键', '本报讯 记者从市发改委获悉，全市1049户企业复工。')).toEqual(['衡阳市']);
  });

  it('does not file a story under a place it brushes past once', () => {
    const regions = detect(
      '石鼓区禁毒宣传进校园',
      '石鼓区桑园社区开展禁毒宣传。',
      '此前耒阳市也开展过类似活动。石鼓区将继续推进。',
    );
    expect(regions).toEqual(['石鼓区']);
  });

  it('reads a city-wide roundup of many districts as 衡阳市', () => {
    const rest = '雁峰区开展活动。珠晖区开展活动。石鼓区开展活动。蒸湘区开展活动。全市共开展活动。';
    expect(detect('', '全市工信系统超常举措。', rest)).toEqual(['衡阳市']);
  });

  it('rejects a gazetteer entry with an unknown parent, naming it', () => {
    expect(() =>
      parseGazetteer('regions:\n  - { name: 某区, slug: x, type: zone, parent: 不存在 }\n', 'g.yaml'),
    ).toThrow(/g\.yaml: 某区's parent 不存在 is not a region/);
  });
});

describe('a story about the whole city', () => {
  it('is not filed under places it lists in passing', () => {
    const lead = '（上接第1版）加速度推动全市经济高质量发展。';
    const rest = '会议通报了一季度全市重点项目“红黑榜”，耒阳市、衡阳高新区等6个单位获评“红榜”。';
    expect(detect('', lead, rest)).toEqual(['衡阳市']);
    // Without the city named, the place it names most still files it.
    expect(detect('', '会议通报了重点项目“红黑榜”。', '耒阳市等6个单位获评“红榜”。')).toEqual(['耒阳市']);
  });
});
