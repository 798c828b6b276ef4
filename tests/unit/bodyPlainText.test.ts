import { describe, expect, it } from 'vitest';
import { excerpt, markdownToPlainText } from '../../src/lib/plainText.ts';

describe('markdownToPlainText', () => {
  it('keeps paragraphs and headings as text, separated by blank lines', () => {
    expect(markdownToPlainText('第一段。\n\n## 小标题\n\n第二段。')).toBe('第一段。\n\n小标题\n\n第二段。');
  });

  it('shows escaped markup and link syntax as the reader sees it', () => {
    const text = markdownToPlainText("正文 \\<script\\>alert('x')\\</script\\> 和 \\[点我\\](javascript:alert(1))");
    expect(text).toBe("正文 <script>alert('x')</script> 和 [点我](javascript:alert(1))");
  });

  it('reduces a real link to its text', () => {
    expect(markdownToPlainText('[点我](javascript:alert(1))')).toBe('点我');
  });
});

describe('excerpt', () => {
  it('cuts long text at a character boundary with an ellipsis', () => {
    expect(excerpt('一二三四五六', 4)).toBe('一二三四…');
  });

  it('closes up paragraph breaks between Chinese sentences but keeps printed spaces', () => {
    expect(excerpt('除企业后顾之忧。\n\n2023年4月以来', 40)).toBe('除企业后顾之忧。2023年4月以来');
    expect(excerpt('“培训+竞赛” 为人社协理员', 40)).toBe('“培训+竞赛” 为人社协理员');
    expect(excerpt('Hengyang\nDaily', 40)).toBe('Hengyang Daily');
  });

  it('cuts a long text exactly as flattening the whole text would', () => {
    // The whole-text definition, which excerpt short-cuts by flattening a head only.
    const whole = (text: string, max: number) => {
      const flat = text
        .replace(/(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s*\n\s*(?=\S)/gu, '')
        .replace(/\s+/g, ' ')
        .trim();
      const chars = [...flat];
      return chars.length <= max ? flat : `${chars.slice(0, max).join('').trimEnd()}…`;
    };
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ['衡', '阳', '。', '，', 'a', 'B', '1', ' ', '  ', '\n', '\n\n', ' \n ', '\u3000', '𠀀', '😀', '“'];
    let cut = 0;
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(random() * 400);
      const text = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const max = 1 + Math.floor(random() * 130);
      const got = excerpt(text, max);
      expect(got).toBe(whole(text, max));
      if (got.endsWith('…')) cut++;
    }
    expect(cut).toBeGreaterThan(1000);
  });
});
