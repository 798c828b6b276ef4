// @ts-check
import process from 'node:process';
import { defineConfig } from 'astro/config';
import { satteri } from '@astrojs/markdown-satteri';
import tailwindcss from '@tailwindcss/vite';
import { satteriPlainText, UNTRUSTED_FEATURES } from './src/integrations/satteriPlainText.ts';
import { withoutFrontmatterCopy } from './src/integrations/storedMetadata.ts';
import { inThreadDigests } from './src/integrations/inThreadDigests.ts';
import { sitemap } from './src/integrations/sitemapIntegration.ts';

// The canonical origin used in permalinks, citations, feeds and the sitemap.
const site = process.env.SITE_URL ?? 'https://archive.hengyang-daily.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Pages render one at a time, but their files are written while the next ones render.
  build: { format: 'directory', concurrency: 4 },
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  // The content layer cache (data-store.json). A parallel build (scripts/build/build-site.ts) gives each
  // part its own, so concurrent builds never write one file, and each part's config (its outDir)
  // stays the same from run to run, so the cache survives.
  cacheDir: process.env.ARCHIVE_CACHE_DIR ?? './node_modules/.astro',
  // inThreadDigests: Astro hashes each page's inline scripts and styles for the CSP below; see the module.
  integrations: [sitemap(), inThreadDigests()],
  // A Content-Security-Policy in every page (docs/deploy.md): scripts and styles only from the site itself
  // or inline ones Astro hashed. frame-ancestors cannot be set from a meta tag; the host sends it.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  markdown: {
    // Page text is untrusted OCR output: no GFM autolinks, no smart quotes, and
    // raw HTML or link syntax that slipped through the ingest is shown as text.
    // Sätteri (Astro's native processor) renders a body several times faster than unified.
    // withoutFrontmatterCopy: the data store every build part loads keeps no second copy of the front matter.
    processor: withoutFrontmatterCopy(satteri({ mdastPlugins: [satteriPlainText], features: UNTRUSTED_FEATURES })),
  },
  vite: { plugins: [tailwindcss()] },
});
