// @ts-check
import process from 'node:process';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { remarkPlainText } from './src/lib/remarkPlainText.ts';

// The canonical origin used in permalinks, citations, feeds and the sitemap.
const site = process.env.SITE_URL ?? 'https://archive.hengyang-daily.example';

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  outDir: process.env.ARCHIVE_OUT_DIR ?? './dist',
  integrations: [sitemap()],
  markdown: {
    // Page text is untrusted OCR output: no GFM autolinks, no smart quotes, and
    // raw HTML or link syntax that slipped through the ingest is shown as text.
    processor: unified({ remarkPlugins: [remarkPlainText], gfm: false, smartypants: false }),
  },
  vite: { plugins: [tailwindcss()] },
});
