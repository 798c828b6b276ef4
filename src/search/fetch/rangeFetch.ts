/**
 * Byte ranges by fetch with a `Range` header, kept in the Cache Storage API
 * where the page has it. Browsers' HTTP caches do not keep a multipart answer
 * (Chromium passes several-range requests by), so a reader repeating a search
 * on a later visit would download its chunks again; the pack files are named by
 * their content (scripts/indexer/searchNames.ts), so a kept answer is never stale.
 */
import { multipartBoundary, parseByteRanges, parseContentRange, rangeHeader, type RangePart } from './byteRanges.ts';
import type { RangeLoader } from '../shard.ts';

/** Caches this page's search keeps its range answers in start with this; one per index build. */
export const RANGE_CACHE_PREFIX = 'search-ranges-';

/** A cached answer is stored as a 200 (Cache Storage refuses a 206) with its range header kept aside. */
const KEPT_RANGE = 'x-content-range';

function parts(bytes: Uint8Array, contentType: string, contentRange: string): RangePart[] | null {
  const boundary = multipartBoundary(contentType);
  if (boundary) return parseByteRanges(bytes, boundary);
  // One range comes back as a plain 206.
  const single = parseContentRange(contentRange);
  return single ? [{ ...single, bytes }] : null;
}

/** The cache for this build's index, and every older build's dropped (their files are gone from the host). */
export async function openRangeCache(build: string): Promise<Cache | undefined> {
  if (typeof caches === 'undefined') return undefined;
  try {
    const name = `${RANGE_CACHE_PREFIX}${build}`;
    for (const old of await caches.keys())
      if (old.startsWith(RANGE_CACHE_PREFIX) && old !== name) void caches.delete(old);
    return await caches.open(name);
  } catch {
    // Storage can be refused (private windows, an insecure origin): search works without it.
    return undefined;
  }
}

/** Remembers, per index build, that the host answered a range request with the whole file. */
export interface RangeMemory {
  refused(): boolean;
  setRefused(): void;
}

/** In localStorage, so a later visit does not ask again; nothing is remembered where storage is refused. */
export function storedRangeMemory(build: Promise<string | undefined>): RangeMemory {
  const KEY = 'search-no-ranges';
  let refused = false;
  void build.then((b) => {
    try {
      refused ||= b !== undefined && localStorage.getItem(KEY) === b;
    } catch {
      // No storage: ask again on each visit.
    }
  });
  return {
    refused: () => refused,
    setRefused: () => {
      refused = true;
      void build.then((b) => {
        try {
          if (b !== undefined) localStorage.setItem(KEY, b);
        } catch {
          // As above.
        }
      });
    },
  };
}

/**
 * A host that answers without ranges (200, the whole file) is not asked again:
 * every later call is null (and with `memory`, on later visits too).
 */
export function fetchRanges(cache?: Promise<Cache | undefined>, memory?: RangeMemory): RangeLoader {
  let served = true;
  return async (url, ranges) => {
    // The cache opens after the memory has read what an earlier visit learnt: a probe sent at once would ask
    // a host known to refuse ranges again.
    const store = await cache;
    if (!served || memory?.refused()) return null;
    const header = rangeHeader(ranges);
    const key = `${url}${url.includes('?') ? '&' : '?'}${encodeURIComponent(header)}`;
    const kept = await store?.match(key).catch(() => undefined);
    if (kept) {
      const bytes = new Uint8Array(await kept.arrayBuffer());
      return parts(bytes, kept.headers.get('content-type') ?? '', kept.headers.get(KEPT_RANGE) ?? '');
    }
    const response = await fetch(url, { headers: { Range: header } });
    if (response.status !== 206) {
      served = false;
      memory?.setRefused();
      await response.body?.cancel();
      return null;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    const contentType = response.headers.get('content-type') ?? '';
    const contentRange = response.headers.get('content-range') ?? '';
    if (store) {
      const headers = { 'content-type': contentType, [KEPT_RANGE]: contentRange };
      void store.put(key, new Response(new Blob([bytes]), { headers })).catch(() => undefined);
    }
    return parts(bytes, contentType, contentRange);
  };
}
