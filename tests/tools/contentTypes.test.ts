import { describe, expect, it } from 'vitest';
import { contentTypeOf, isCompressible } from '../../scripts/tools/server/contentTypes.ts';

describe('contentTypeOf', () => {
  it('gives each kind of file the type a static host sends, whatever the case of its extension', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('sitemap-index.XML')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('articles.json')).toBe('application/json; charset=utf-8');
    expect(contentTypeOf('favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('_astro/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('_astro/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('wasm.zxx.pagefind.wasm')).toBe('application/wasm');
  });
  it('serves Pagefind’s own files and extension-less ones as bytes', () => {
    for (const file of ['pagefind.zxx_1.pf_meta', 'index/zxx_2.pf_index', 'shard.pack', 'shard.pack.idx', 'README']) {
      expect(contentTypeOf(file), file).toBe('application/octet-stream');
    }
  });
});

describe('isCompressible', () => {
  it('is true for text, JSON, XML, SVG and the web manifest', () => {
    for (const file of ['a.html', 'a.css', 'a.js', 'a.json', 'a.xml', 'a.svg', 'a.txt', 'a.webmanifest']) {
      expect(isCompressible(contentTypeOf(file)), file).toBe(true);
    }
  });
  it('is false for images, fonts, WebAssembly and Pagefind’s gzipped files', () => {
    for (const file of ['a.png', 'a.webp', 'a.woff2', 'a.wasm', 'a.pf_fragment', 'shard.pack']) {
      expect(isCompressible(contentTypeOf(file)), file).toBe(false);
    }
  });
});
