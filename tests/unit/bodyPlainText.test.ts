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
    expect(excerpt('一二\n三', 10)).toBe('一二 三');
  });
});
