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
});
