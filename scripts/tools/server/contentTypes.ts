/**
 * Content types by file extension, as a static host (nginx's mime.types)
 * sends them, and which of them a host compresses: text, never images, fonts,
 * WebAssembly or Pagefind's files (gzip inside already, served as bytes).
 */
import { extname } from 'node:path';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Pagefind writes extension-less or unusual files (`.pf_meta`, `.pf_fragment`, `shard.pack`); they are bytes. */
export const FALLBACK_TYPE = 'application/octet-stream';

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? FALLBACK_TYPE;
}

/** Types nginx's `gzip_types` would list for a text site: text/*, JSON, XML, SVG and the web manifest. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json)\b|image\/svg\+xml\b)/u;

/** Whether a host would gzip a response of this type. */
export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}
