import type { ArticleFrontMatter } from '../../src/schemas/articleContract.ts';

/** An article as the site's indexes see it: a slug and front matter, the fields not given left empty. */
export function fixtureArticle(slug: string, overrides: Partial<ArticleFrontMatter> = {}) {
  const data: ArticleFrontMatter = {
    title: slug,
    kind: 'article',
    authors: [],
    date: null,
    dateInferred: false,
    regions: [],
    keywords: [],
    source: { file: 'p.txt', index: 0 },
    ...overrides,
  };
  return { slug, data };
}
