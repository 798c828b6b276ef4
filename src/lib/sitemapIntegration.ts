import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { sitemapFiles, sitemapUrls } from './sitemap.ts';

/** Writes the sitemap (src/lib/sitemap.ts) into the build output once every page is built. */
export function sitemap(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'archive-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site === undefined ? undefined : new URL(config.base, config.site);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        if (!site) {
          logger.warn('no `site` in the Astro config: no sitemap written');
          return;
        }
        const urls = sitemapUrls(
          pages.map((page) => page.pathname),
          site,
        );
        const files = sitemapFiles(urls, site);
        await Promise.all([...files].map(([name, xml]) => writeFile(new URL(name, dir), xml)));
        logger.info(`sitemap-index.xml and ${files.size - 1} sitemap file(s) for ${urls.length} pages`);
      },
    },
  };
}
