import { writeFile } from 'node:fs/promises';
import process from 'node:process';
import type { AstroIntegration } from 'astro';
import { sitemapFiles, sitemapUrls } from './sitemap.ts';

/** Where a part build (scripts/build/astroParts.ts) writes its page list instead of a sitemap. */
export interface PageList {
  /** The site URL with the base, which the sitemap's URLs are resolved against; none means no sitemap. */
  site: string | undefined;
  /** Each built page's pathname, as Astro reports them. */
  pathnames: string[];
}

/**
 * Writes the sitemap (src/integrations/sitemap.ts) into the build output once every page is built.
 *
 * With `pageList` (a part of a parallel build, which sees only its own pages),
 * writes the page list there as JSON instead: the driver writes the sitemap
 * from all parts' lists.
 */
export function sitemap(pageList = process.env.ARCHIVE_PAGE_LIST): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'archive-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site === undefined ? undefined : new URL(config.base, config.site);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const pathnames = pages.map((page) => page.pathname);
        if (pageList) {
          const list: PageList = { site: site?.href, pathnames };
          await writeFile(pageList, JSON.stringify(list));
          logger.info(`page list of ${pathnames.length} pages written to ${pageList}`);
          return;
        }
        if (!site) {
          logger.warn('no `site` in the Astro config: no sitemap written');
          return;
        }
        const urls = sitemapUrls(pathnames, site);
        const files = sitemapFiles(urls, site);
        await Promise.all([...files].map(([name, xml]) => writeFile(new URL(name, dir), xml)));
        logger.info(`sitemap-index.xml and ${files.size - 1} sitemap file(s) for ${urls.length} pages`);
      },
    },
  };
}
