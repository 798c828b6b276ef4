import { describe, expect, it } from 'vitest';
import { sitemapFiles, sitemapUrls } from '../../src/integrations/sitemap.ts';

const site = new URL('https://archive.example/');

describe('sitemapUrls', () => {
  it('makes absolute, percent-encoded URLs, leaves out error pages and repeats', () => {
    expect(sitemapUrls(['', 'keywords/毒品/', '404/', '/500', 'articles/a/', 'articles/a/'], site)).toEqual([
      'https://archive.example/',
      'https://archive.example/articles/a/',
      'https://archive.example/keywords/%E6%AF%92%E5%93%81/',
    ]);
  });

  it('sorts numbers by value, in the order @astrojs/sitemap used', () => {
    const paths = ['keywords/x/10/', 'keywords/x/9/', 'keywords/x/', 'articles/0a/', 'articles/00b/', 'dates/2020/'];
    const urls = sitemapUrls(paths, site).map((u) => u.slice(site.href.length));
    expect(urls).toEqual([...paths].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(urls.indexOf('keywords/x/9/')).toBeLessThan(urls.indexOf('keywords/x/10/'));
  });
});

describe('sitemapFiles', () => {
  it('splits the URLs into files of at most `limit` and indexes them', () => {
    const urls = ['a', 'b', 'c'].map((p) => `https://archive.example/${p}/?x=1&y=2`);
    const files = sitemapFiles(urls, site, 2);
    expect([...files.keys()]).toEqual(['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-index.xml']);
    expect(files.get('sitemap-0.xml')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><urlset xmlns="[^"]+"/);
    expect(files.get('sitemap-0.xml')?.match(/<loc>/g)).toHaveLength(2);
    expect(files.get('sitemap-1.xml')).toContain(
      '<url><loc>https://archive.example/c/?x=1&#38;y=2</loc></url></urlset>',
    );
    expect(files.get('sitemap-index.xml')).toContain(
      '<sitemap><loc>https://archive.example/sitemap-0.xml</loc></sitemap><sitemap><loc>https://archive.example/sitemap-1.xml</loc></sitemap></sitemapindex>',
    );
  });
});
