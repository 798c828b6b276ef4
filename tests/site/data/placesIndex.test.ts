import { describe, expect, it } from 'vitest';
import { buildPlacesIndex } from '../../../src/data/placesIndex.ts';
import type { Region } from '../../../src/schemas/gazetteer.ts';
import type { Township } from '../../../src/schemas/townships.ts';
import { fixtureArticle } from '../../support/articles.ts';

const regions: Region[] = [
  { name: '衡阳县', slug: 'hengyang-county', type: 'county', aliases: [] },
  { name: '衡南县', slug: 'hengnan', type: 'county', aliases: ['衡南'] },
];
const townships: Township[] = [
  { code: '430421100', name: '西渡镇', areaCode: '430421', region: '衡阳县' },
  { code: '430421101', name: '集兵镇', areaCode: '430421', region: '衡阳县' },
  { code: '430422001', name: '云集街道', areaCode: '430422', region: '衡南县' },
];
const xidu = { code: '430421100', name: '西渡镇' };
const articles = [
  fixtureArticle('filed', { regions: ['衡阳县'], places: [xidu, xidu] }),
  fixtureArticle('elsewhere', { regions: ['衡南县'], places: [xidu] }),
  fixtureArticle('names-alias', { regions: ['衡阳市'] }),
  fixtureArticle('unknown-code', { places: [{ code: '999999999', name: '无名镇' }] }),
];
const texts: Record<string, string> = { 'names-alias': '衡南的稻田' };
const index = buildPlacesIndex({ articles, townships, regions, textOf: (a) => texts[a.slug] ?? '' });

describe('townships and 也提到', () => {
  it('lists each township’s articles once, and gives pages only to townships with articles', () => {
    expect(index.byCode.get('430421100')?.articles.map((a) => a.slug)).toEqual(['filed', 'elsewhere']);
    expect([...index.byCode.keys()]).toEqual(['430421100']);
  });

  it('lists a region’s townships with or without articles', () => {
    expect(index.townshipsOf.get('衡阳县')?.map((t) => [t.township.name, t.articles.length])).toEqual([
      ['西渡镇', 2],
      ['集兵镇', 0],
    ]);
  });

  it('finds articles that name a region or its townships without being filed under it', () => {
    expect(index.alsoMentioned.get('衡阳县')?.map((a) => a.slug)).toEqual(['elsewhere']);
    expect(index.alsoMentioned.get('衡南县')?.map((a) => a.slug)).toEqual(['names-alias']);
  });
});
