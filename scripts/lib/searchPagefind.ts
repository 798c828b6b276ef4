/**
 * A thin typed wrapper over Pagefind's Node API: every call's `errors` are
 * checked (Pagefind reports failures there instead of throwing).
 */
import * as pagefind from 'pagefind';
import type { HTMLFile, PagefindIndex, PagefindServiceConfig } from 'pagefind';

function check<T extends { errors: string[] }>(response: T, what: string): T {
  if (response.errors.length) throw new Error(`pagefind ${what}: ${response.errors.join('; ')}`);
  return response;
}

export interface Indexer {
  addHTML(file: HTMLFile): Promise<void>;
  /** Indexes HTML files on disk as Pagefind would by default; returns the page count. */
  addDirectory(path: string, glob?: string): Promise<number>;
  write(outputPath: string): Promise<void>;
}

/** Runs `use` with a fresh index; the Pagefind service is always closed afterwards. */
export async function withPagefind<T>(
  config: PagefindServiceConfig,
  use: (indexer: Indexer) => Promise<T>,
): Promise<T> {
  try {
    const { index } = check(await pagefind.createIndex(config), 'createIndex');
    if (!index) throw new Error('pagefind createIndex returned no index');
    const live: PagefindIndex = index;
    return await use({
      async addHTML(file) {
        check(await live.addHTMLFile(file), `addHTMLFile ${file.url ?? file.sourcePath ?? ''}`);
      },
      async addDirectory(path, glob) {
        return check(await live.addDirectory({ path, ...(glob ? { glob } : {}) }), `addDirectory ${path}`).page_count;
      },
      async write(outputPath) {
        check(await live.writeFiles({ outputPath }), 'writeFiles');
      },
    });
  } finally {
    await pagefind.close();
  }
}
