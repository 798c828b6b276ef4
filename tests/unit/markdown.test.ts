import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bodyToMarkdown, toMarkdownFile } from '../../scripts/lib/markdown.ts';

const hostile = "<script>alert('x')</script> [点我](javascript:alert(1)) *强调* 1. 不是列表";

describe('markdown output', () => {
  it('escapes page text so it parses back as the same plain text', () => {
    const markdown = bodyToMarkdown([{ type: 'paragraph', text: hostile }]);
    const tree = unified().use(remarkParse).parse(markdown);
    expect(tree.children).toHaveLength(1);
    const paragraph = tree.children[0];
    expect(paragraph.type).toBe('paragraph');
    expect('children' in paragraph && paragraph.children.map((c) => c.type)).toEqual(['text']);
    expect('children' in paragraph && 'value' in paragraph.children[0] && paragraph.children[0].value).toBe(hostile);
  });

  it('writes subheads as headings and captions as emphasis', () => {
    const markdown = bodyToMarkdown([
      { type: 'subhead', text: '按下“复工复产”加速键' },
      { type: 'caption', text: '活动现场。' },
    ]);
    expect(markdown).toBe('## 按下“复工复产”加速键\n\n_活动现场。_\n');
  });

  it('writes front matter with quoted strings in contract order', () => {
    const file = toMarkdownFile(
      {
        title: '是',
        kind: 'article',
        authors: [],
        date: '2020-03-09',
        dateInferred: true,
        regions: ['衡阳市'],
        keywords: [],
        source: { file: 'a.txt', index: 0 },
      },
      '正文\n',
    );
    expect(file.startsWith('---\ntitle: "是"\nkind: "article"\n')).toBe(true);
    const front = parse(file.split('---\n')[1]) as Record<string, unknown>;
    expect(front.date).toBe('2020-03-09');
    expect(file.endsWith('---\n\n正文\n')).toBe(true);
  });
});
