import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../../src/utils/text/htmlText.ts';
import { excerpt } from '../../../src/utils/text/plainText.ts';
import { satteriPlainText, UNTRUSTED_FEATURES } from '../../../src/integrations/satteriPlainText.ts';

// The site's Markdown pipeline, as astro.config.mjs sets it up: the collection keeps its HTML.
const processor = await createSatteriMarkdownProcessor({
  mdastPlugins: [satteriPlainText],
  features: UNTRUSTED_FEATURES,
});
const plainText = async (markdown: string) => htmlToPlainText((await processor.render(markdown)).code);

describe('htmlToPlainText', () => {
  it('keeps paragraphs and headings as text, separated by blank lines', async () => {
    expect(await plainText('第一段。\n\n## 小标题\n\n第二段。')).toBe('第一段。\n\n小标题\n\n第二段。');
  });

  it('shows escaped markup and link syntax as the reader sees it', async () => {
    const text = await plainText("正文 \\<script\\>alert('x')\\</script\\> 和 \\[点我\\](javascript:alert(1))");
    expect(text).toBe("正文 <script>alert('x')</script> 和 [点我](javascript:alert(1))");
  });

  it('reduces a real link to its text, and an image to its alt text', async () => {
    expect(await plainText('[点我](javascript:alert(1))')).toBe('点我');
    expect(htmlToPlainText('<p>图：<img src="x.png" alt="江&amp;桥" />。</p>')).toBe('图：江&桥。');
  });

  it('turns a hard break into one newline and separates list items, quotes and code blocks', async () => {
    expect(await plainText('第一行  \n第二行\\\n第三行\n续行')).toBe('第一行\n第二行\n第三行\n续行');
    expect(await plainText('- 甲\n- 乙\n\n> 引文\n\n1. 一\n\n   二段\n\n    代码 <x>\n\n---\n\n尾段')).toBe(
      '甲\n\n乙\n\n引文\n\n一\n\n二段\n\n代码 <x>\n\n尾段',
    );
  });

  it('decodes character references, and leaves unknown ones as printed', () => {
    expect(htmlToPlainText('<p>R&amp;D &lt;b&gt; &quot;引&quot; &#39;x&#39; &#x4e2d;&#25991; &bogus; &#0;</p>')).toBe(
      'R&D <b> "引" \'x\' 中文 &bogus; &#0;',
    );
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
