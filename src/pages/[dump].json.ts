import type { APIRoute, GetStaticPaths } from 'astro';
import { allArticles, articlePlainText } from '../data/articles.ts';
import { pathsInBuildPart } from '../utils/buildPart.ts';
import { absoluteUrl, articlePath } from '../utils/paths.ts';

/**
 * /articles.json, as a route with a parameter so that one build part renders it (src/utils/buildPart.ts): every
 * part renders each static route, and this file is the archive's whole text (27 MB at 10,000 articles).
 */
export const getStaticPaths = (() => pathsInBuildPart([{ params: { dump: 'articles' } }])) satisfies GetStaticPaths;

/**
 * The open-data dump: every article's front matter, slug, permalink and
 * plain-text body, newest first. One object per line inside the array keeps
 * the file diffable and streamable by line-oriented tools.
 */
export const GET: APIRoute = async ({ site }) => {
  const articles = await allArticles();
  const lines = articles.map((article) =>
    JSON.stringify({
      slug: article.slug,
      url: absoluteUrl(articlePath(article.slug), site),
      ...article.data,
      text: articlePlainText(article),
    }),
  );
  return new Response(`[\n${lines.join(',\n')}\n]\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
