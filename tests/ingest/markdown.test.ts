import { readdirSync, readFileSync } from 'node:fs';
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ArticleFrontMatter } from '../../src/schemas/articleContract.ts';
import { bodyToMarkdown, frontMatterYaml, plainBodyMarkdown, toMarkdownFile } from '../../scripts/ingest/markdown.ts';
import type { BodyBlock } from '../../scripts/ingest/group/splitPage.ts';

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

describe('front matter written directly', () => {
  const viaYaml = (fields: Record<string, unknown>) =>
    stringify(fields, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  const shapes: Record<string, unknown>[] = [
    {
      title: '全市经济社会发展按下「快进键」',
      kicker: '——',
      kind: 'article',
      byline: '□ 毛亮晓 廖 刚',
      authors: [
        { name: '毛亮晓', role: '作者' },
        { name: '廖刚', role: '记者' },
      ],
      date: '2020-03-09',
      dateInferred: false,
      edition: '衡阳日报',
      page: 3,
      regions: ['衡阳县', '南岳区'],
      keywords: ['疫情防控', '2024', 'true', 'null', '- 列表', '# 标题', 'a: b', ''],
      source: { file: 'syn_0025b6e57402acd9.txt', index: 0 },
      continued: '（上接第一版）',
    },
    { title: '很长的标题'.repeat(40), kind: 'brief', authors: [], date: null, regions: [], keywords: [] },
    { title: '𠀋 astral 字', kind: 'photo', authors: [], date: null, source: { file: 'a b.txt', index: 12 } },
  ];

  it('writes what the yaml package writes', () => {
    for (const fields of shapes) expect(frontMatterYaml(fields)).toBe(viaYaml(fields));
  });

  it('leaves text that needs escaping, and shapes it does not know, to the yaml package', () => {
    for (const title of ['a "quoted" word', 'back\\slash', 'line\nbreak', 'tab\there', 'nbsp\u00a0', 'lone \ud800']) {
      expect(frontMatterYaml({ title })).toBeUndefined();
      const file = toMarkdownFile({ ...(shapes[1] as unknown as ArticleFrontMatter), title }, '');
      expect(file).toBe(`---\n${viaYaml({ ...shapes[1], title })}---\n\n`);
    }
    expect(frontMatterYaml({ score: 1.5 })).toBeUndefined();
    expect(frontMatterYaml({ nested: [[1]] })).toBeUndefined();
    expect(frontMatterYaml({ source: {} })).toBeUndefined();
  });
});

describe('body written directly', () => {
  /** What remark's serializer writes for the blocks, as bodyToMarkdown calls it. */
  const viaRemark = (blocks: BodyBlock[]) => {
    const children = blocks.map((b): Root['children'][number] =>
      b.type === 'subhead'
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }] }
        : b.type === 'caption'
          ? { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: b.text }] }] }
          : { type: 'paragraph', children: [{ type: 'text', value: b.text }] },
    );
    return toMarkdown({ type: 'root', children }, { bullet: '-', emphasis: '_', fences: true });
  };
  const seedLines = () => {
    const dir = new URL('../../seeds/', import.meta.url).pathname;
    const pages = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(dir + f, 'utf8'));
    pages.push(readFileSync(new URL('../fixtures/pages/untrusted-page.txt', import.meta.url), 'utf8'));
    return pages.flatMap((page) => page.split('\n')).filter((line) => line !== '');
  };
  /** Strings mixing CJK with every ASCII character Markdown cares about, where Markdown cares most. */
  const tricky = (): string[] => {
    const alphabet = ['衡', '阳', '，', '。', '“', '”', '（', '）', 'R', 'D', 'x', '1', '2', ' ', '\u3000', '\u00a0'];
    for (let c = 0x21; c < 0x7f; c += 1)
      if (!/[0-9A-Za-z]/u.test(String.fromCharCode(c))) alphabet.push(String.fromCharCode(c));
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const out: string[] = [];
    for (let i = 0; i < 20000; i += 1) {
      let text = '';
      const length = 1 + Math.floor(next() * 6);
      for (let j = 0; j < length; j += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      out.push(text, `衡阳${text}`, `${text}衡阳`);
    }
    return out;
  };

  it('writes what remark writes, for every text it takes', () => {
    let taken = 0;
    for (const text of [
      ...seedLines(),
      ...tricky(),
      'R&D投入',
      '&amp;',
      '&#x20;',
      'a&&b',
      '2.44%',
      '1.5亿元',
      '—— 副题',
    ]) {
      for (const type of ['paragraph', 'subhead', 'caption'] as const) {
        const plain = plainBodyMarkdown([{ type, text }]);
        if (plain === undefined) continue;
        taken += 1;
        expect(plain, text).toBe(viaRemark([{ type, text }]));
      }
    }
    expect(taken).toBeGreaterThan(1000);
    const blocks: BodyBlock[] = [
      { type: 'subhead', text: '按下复工复产加速键' },
      { type: 'paragraph', text: '全社会R&D投入强度达2.44%。' },
      { type: 'caption', text: '活动现场。' },
      { type: 'credit', text: '■本报记者 周健 摄' },
    ];
    expect(plainBodyMarkdown(blocks)).toBe(viaRemark(blocks));
    expect(plainBodyMarkdown([])).toBe(viaRemark([]));
  });

  it('leaves text that needs more than `&` escaped to remark', () => {
    for (const text of [
      hostile,
      '1. 不是列表',
      '- 项',
      '# 题',
      '*强调*',
      'a_b',
      ' 前空格',
      '后空格 ',
      '　全角空格',
      'a\nb',
    ]) {
      for (const type of ['paragraph', 'caption'] as const) {
        expect(plainBodyMarkdown([{ type, text }]), text).toBeUndefined();
        expect(bodyToMarkdown([{ type, text }])).toBe(viaRemark([{ type, text }]));
      }
    }
  });
});
