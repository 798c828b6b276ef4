import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  endsClosed,
  endsSentence,
  joinWrapped,
  sentences,
  squash,
} from '../../scripts/ingest/parse/text.ts';

describe('text helpers', () => {
  it('measures CJK as one cell and ASCII as half', () => {
    expect(displayWidth('衡东经开区')).toBe(5);
    expect(displayWidth('14.56亿元')).toBe(4.5);
  });

  it('joins wrapped Chinese with no space, Latin words with one', () => {
    expect(joinWrapped('衡东经', '开区工业总产值14.56')).toBe('衡东经开区工业总产值14.56');
    expect(joinWrapped('Hengyang', 'Daily')).toBe('Hengyang Daily');
    expect(joinWrapped('DN', '400闸门')).toBe('DN400闸门');
  });

  it('tells sentence ends from open lines', () => {
    expect(endsSentence('突围”的传奇。')).toBe(true);
    expect(endsSentence('放心地生产了！”')).toBe(true);
    expect(endsSentence('衡东经开')).toBe(false);
    expect(endsClosed('（雁峰区等）')).toBe(true);
  });

  it('splits sentences and squashes white space', () => {
    expect(sentences('能。近年来，雁峰区发展。好吗？')).toEqual(['能。', '近年来，雁峰区发展。', '好吗？']);
    expect(squash(' 周 健\u3000\n')).toBe('周健');
  });
});
