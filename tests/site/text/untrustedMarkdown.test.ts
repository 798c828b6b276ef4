import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../../src/utils/text/htmlText.ts';
import { mayHoldMarkup, satteriPlainText, UNTRUSTED_FEATURES } from '../../../src/integrations/satteriPlainText.ts';
import { hasUnsafeNodes, neutralise } from '../../../src/integrations/untrustedMarkdown.ts';

// The site's Markdown pipeline, as astro.config.mjs sets it up.
const processor = await createSatteriMarkdownProcessor({
  mdastPlugins: [satteriPlainText],
  features: UNTRUSTED_FEATURES,
});
const render = async (markdown: string) => (await processor.render(markdown)).code;

const hostile = [
  "正文<script>alert('正文')</script>和<img src=x onerror=alert(1)>，",
  '[链接](javascript:alert(1))、<a href="javascript:alert(2)">假链接</a>、<http://evil.example/>、',
  'https://evil.example/ 与 ![图片](https://evil.example/x.png)、[**粗**![内图](x.png)](http://y.example/)',
  '[引用][r]',
  '',
  '<div onclick="x()">块</div>',
  '',
  '[r]: https://ref.example/',
].join('\n');

describe('rendering untrusted Markdown', () => {
  it('creates no element from raw HTML, links, autolinks or images', async () => {
    const html = await render(hostile);
    expect(html).not.toMatch(/<(script|img|a|div)\b/u);
    expect(html).not.toMatch(/<[a-z]+\s[^>]*(href|src|on[a-z]+)=/u);
    expect(html).toContain('&lt;script&gt;alert(');
    expect(html).toContain('&lt;a href="javascript:alert(2)"&gt;假链接&lt;/a&gt;');
    expect(html).toContain('https://evil.example/ 与 图片');
    expect(html).toContain('<strong>粗</strong>内图');
    expect(html).not.toContain('ref.example');
  });

  it('keeps CommonMark emphasis and headings, without smart quotes', async () => {
    expect((await render('## 小标题\n\n*星号* "引号" -- ...')).trim()).toBe(
      '<h2 id="小标题">小标题</h2>\n<p><em>星号</em> "引号" -- ...</p>',
    );
  });

  it('treats a leading --- as a thematic break, not front matter', async () => {
    expect(await render('---\ntitle: x\n---\n\n正文')).toContain('<hr>');
  });

  it('shows in plain text what the page shows', async () => {
    const text = htmlToPlainText(await render(hostile));
    expect(text).toContain("<script>alert('正文')</script>");
    expect(text).toContain('<a href="javascript:alert(2)">假链接</a>');
    expect(text).not.toContain('javascript:alert(1)');
  });
});

describe('the markup check', () => {
  it('lets only bodies without < or [ skip the neutraliser', () => {
    expect(mayHoldMarkup('本报讯 普通正文。R\\&D')).toBe(false);
    expect(mayHoldMarkup('a <b>')).toBe(true);
    expect(mayHoldMarkup('a \\[b\\](c)')).toBe(true);
  });
});

describe('neutralise', () => {
  const tree: Root = {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'html', value: '<b>' },
          { type: 'link', url: 'javascript:x', children: [{ type: 'text', value: '点我' }] },
          { type: 'image', url: 'x.png', alt: '' },
        ],
      },
      { type: 'definition', identifier: 'r', label: 'r', url: 'http://r' },
    ],
  };

  it('turns markup into its visible text without changing the input', () => {
    expect(hasUnsafeNodes(tree)).toBe(true);
    const safe: Root = { type: 'root', children: neutralise(tree.children) };
    expect(hasUnsafeNodes(safe)).toBe(false);
    expect(safe.children).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: '<b>' },
          { type: 'text', value: '点我' },
        ],
      },
    ]);
    expect(tree.children).toHaveLength(2);
  });
});
