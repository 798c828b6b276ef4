import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allArticles } from '../data/articles.ts';
import { feedItems } from '../utils/feed.ts';
import { SITE_DESCRIPTION, SITE_NAME } from '../utils/site.ts';

export const GET: APIRoute = async ({ site }) =>
  rss({
    title: SITE_NAME,
    description: SITE_DESCRIPTION,
    site: site ?? 'https://archive.hengyang-daily.example',
    items: feedItems(await allArticles()),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
