import type { RSSFeedItem } from '@astrojs/rss';
import { articleExcerpt, type Article } from '../data/articles.ts';
import { articlePath } from './paths.ts';

/** How many of the newest articles a feed carries. */
export const FEED_SIZE = 50;

/**
 * Feed items for the newest articles. Titles and descriptions are plain text
 * (the RSS library escapes them); undated articles get no pubDate rather than
 * an invented one.
 */
export function feedItems(articles: readonly Article[]): RSSFeedItem[] {
  return articles.slice(0, FEED_SIZE).map((article) => {
    const { data } = article;
    const item: RSSFeedItem = {
      title: data.title,
      link: articlePath(article.slug),
      description: articleExcerpt(article, 200),
      categories: [...new Set([...data.regions, ...data.keywords])],
    };
    if (data.date) item.pubDate = new Date(`${data.date}T00:00:00+08:00`);
    return item;
  });
}
