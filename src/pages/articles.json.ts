import type { APIRoute } from 'astro';
import { allArticles, articlePlainText } from '../data/articles.ts';
import { absoluteUrl, articlePath } from '../utils/paths.ts';

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
