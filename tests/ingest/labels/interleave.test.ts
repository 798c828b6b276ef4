import { describe, expect, it } from 'vitest';
import { findInterleave, wordSpansOf, type CutWords } from '../../../scripts/ingest/parse/interleave.ts';

/** A small dictionary cut, longest word first: enough to show a word spanning two lines' join. */
function dictionaryCut(words: readonly string[]): CutWords {
  return (text) => {
    const out: string[] = [];
    for (let at = 0; at < text.length;) {
      const word = words.filter((w) => text.startsWith(w, at)).sort((a, b) => b.length - a.length)[0] ?? text[at];
      out.push(word);
      at += word.length;
    }
    return out;
  };
}

const cut = dictionaryCut(['院子', '管网', '套鞋', '油茶', '十多', '茶林', '居民', '村民', '采摘', '小区', '改造']);
const spans = wordSpansOf(cut);

// Story A (a housing estate) runs alone, then story B (a tea harvest) cuts in line by line.
const block = [
  '东风小区改造惠及居民',
  '衡阳日报讯（记者 王明）近日，',
  '记者从区住建局获悉，今年该区',
  '改造老旧小区12个，惠及居民',
  '3000户。“以前一下雨，院',
  '油茶进入采摘季',
  '子里到处是积水，现在排水管',
  '衡阳日报讯（通讯员 李红）眼下',
  '网全换了，出门再也不用穿套',
  '正值油茶采摘季，全县20万亩油',
  '鞋。”居民张阿姨笑着说。',
  '茶林硕果累累，十多名村民忙着',
  '据介绍，小区改造还加装了电梯。',
  '采摘茶果，一派丰收景象。',
];

describe('wordSpansOf', () => {
  it('sees a word across the join of two lines, and none across punctuation', () => {
    expect(spans('“以前一下雨，院', '子里到处是积水')).toBe(true);
    expect(spans('全县20万亩油', '茶林硕果累累')).toBe(true);
    expect(spans('笑着说。', '茶林硕果')).toBe(false);
    expect(spans('近日，', '记者')).toBe(false);
  });
});

describe('findInterleave', () => {
  it('sorts two columns read alternately back into their stories', () => {
    const found = findInterleave(block, spans, cut)!;
    expect(found.at).toBe(5);
    expect(found.first.map((i) => block[i])).toEqual([...block.slice(0, 5), block[6], block[8], block[10], block[12]]);
    expect(found.second.map((i) => block[i])).toEqual([block[5], block[7], block[9], block[11], block[13]]);
    expect(found.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('leaves a block alone when no headline cuts into an open sentence', () => {
    const plain = [
      ...block.slice(0, 5),
      '子里到处是积水，现在排水管',
      '网全换了，出门再也不用穿套',
      '鞋。”居民张阿姨笑着说。',
    ];
    expect(findInterleave(plain, spans, cut)).toBeUndefined();
  });

  it('also finds a second story that opens with a kicker before its headline', () => {
    const withKicker = [...block.slice(0, 5), '常宁市：', block[6], '油茶进入采摘季', block[8], block[7], block[10]];
    const found = findInterleave(withKicker, spans, cut)!;
    expect(found.second.map((i) => withKicker[i])).toEqual(['常宁市：', '油茶进入采摘季', block[7]]);
  });
});
