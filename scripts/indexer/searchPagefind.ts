/**
 * A thin typed wrapper over Pagefind's Node API: every call's `errors` are
 * checked (Pagefind reports failures there instead of throwing), and the
 * Pagefind service is always closed afterwards.
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
  /** Frees the index in the service (its memory), once written. */
  release(): Promise<void>;
}

export interface PagefindService {
  createIndex(config?: PagefindServiceConfig): Promise<Indexer>;
}

/**
 * Runs `use` with a Pagefind service that can hold several indexes, one after
 * another. `chunkSize` (in word locations) sets how much of the index each
 * `.pf_index` file holds; Pagefind reads it from its environment at start-up.
 */
export async function withPagefindService<T>(
  options: { chunkSize?: number },
  use: (service: PagefindService) => Promise<T>,
): Promise<T> {
  const previous = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  if (options.chunkSize !== undefined) process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(options.chunkSize);
  try {
    return await use({
      async createIndex(config = {}) {
        const { index } = check(await pagefind.createIndex(config), 'createIndex');
        if (!index) throw new Error('pagefind createIndex returned no index');
        const live: PagefindIndex = index;
        return {
          async addHTML(file) {
            check(await live.addHTMLFile(file), `addHTMLFile ${file.url ?? file.sourcePath ?? ''}`);
          },
          async addDirectory(path, glob) {
            return check(await live.addDirectory({ path, ...(glob ? { glob } : {}) }), `addDirectory ${path}`)
              .page_count;
          },
          async write(outputPath) {
            check(await live.writeFiles({ outputPath }), 'writeFiles');
          },
          async release() {
            await live.deleteIndex();
          },
        };
      },
    });
  } finally {
    await pagefind.close();
    if (previous === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = previous;
  }
}

/** One index in its own service: for a single bundle (the stock comparison in the evaluation). */
export function withPagefind<T>(config: PagefindServiceConfig, use: (indexer: Indexer) => Promise<T>): Promise<T> {
  return withPagefindService({}, async (service) => use(await service.createIndex(config)));
}
