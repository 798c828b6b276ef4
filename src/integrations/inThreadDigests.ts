import { createHash } from 'node:crypto';
import type { AstroIntegration } from 'astro';

/** Web Crypto's SHA names and node:crypto's. */
const NODE_NAMES: Record<string, string> = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };

/** Inputs up to this size are hashed here (the inline scripts and styles Astro hashes are a few hundred bytes). */
const SMALL_INPUT = 4096;

/** How many digests are remembered; a build hashes a handful of distinct inputs, each on every page. */
const REMEMBERED = 256;

type Digest = SubtleCrypto['digest'];

/**
 * `webDigest` with small SHA inputs hashed in the calling thread by node:crypto, each distinct input once: the
 * same digests, in a promise of a fresh ArrayBuffer as Web Crypto gives. Anything else (other algorithms,
 * ArrayBuffers, larger inputs) is passed to `webDigest`.
 */
export function inThreadDigest(webDigest: Digest): Digest {
  const remembered = new Map<string, Uint8Array>();
  return (algorithm, data) => {
    const name = NODE_NAMES[(typeof algorithm === 'string' ? algorithm : algorithm.name).toUpperCase()];
    if (name === undefined || !ArrayBuffer.isView(data) || data.byteLength > SMALL_INPUT) {
      return webDigest(algorithm, data);
    }
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    const key = `${name}:${Buffer.from(bytes).toString('latin1')}`;
    let hash = remembered.get(key);
    if (hash === undefined) {
      hash = new Uint8Array(createHash(name).update(bytes).digest());
      if (remembered.size >= REMEMBERED) remembered.clear();
      remembered.set(key, hash);
    }
    return Promise.resolve(hash.slice().buffer);
  };
}

/**
 * During the build, `crypto.subtle.digest` hashes small inputs in the calling thread, each once (inThreadDigest).
 *
 * Astro (7.3) hashes a route's inline scripts and styles for the Content-Security-Policy again on every page it
 * renders, through `crypto.subtle.digest`, which sends each hash to libuv's thread pool as a job and resolves when
 * it comes back: for a few hundred bytes the round trip is the whole cost, about 1 s of the main thread at
 * 10,000 articles (20,000 pages), and the pool's time besides.
 */
export function inThreadDigests(): AstroIntegration {
  return {
    name: 'archive-in-thread-digests',
    hooks: {
      'astro:build:start': () => {
        const subtle = globalThis.crypto.subtle;
        subtle.digest = inThreadDigest(subtle.digest.bind(subtle));
      },
    },
  };
}
