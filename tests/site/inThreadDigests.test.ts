import { describe, expect, it } from 'vitest';
import { inThreadDigest } from '../../src/integrations/inThreadDigests.ts';

const subtle = globalThis.crypto.subtle;
const webDigest = subtle.digest.bind(subtle);
const hex = (buffer: ArrayBuffer) => Buffer.from(buffer).toString('hex');

describe('digests in the calling thread', () => {
  const digest = inThreadDigest(webDigest);
  const inputs = ['', 'a', '<script>alert(1)</script>', '衡阳日报'.repeat(300)].map((s) => new TextEncoder().encode(s));

  it('are Web Crypto’s SHA digests, whatever the algorithm is called', async () => {
    for (const algorithm of ['SHA-256', 'sha-384', { name: 'SHA-512' }]) {
      for (const data of inputs) expect(hex(await digest(algorithm, data))).toBe(hex(await webDigest(algorithm, data)));
    }
  });

  it('hash a view into a larger buffer by its own bytes, and give a fresh buffer each time', async () => {
    const bytes = new TextEncoder().encode('xxhello, worldxx');
    const view = bytes.subarray(2, 14);
    expect(hex(await digest('SHA-256', view))).toBe(
      hex(await webDigest('SHA-256', new TextEncoder().encode('hello, world'))),
    );
    const first = await digest('SHA-256', view);
    new Uint8Array(first).fill(0);
    expect(hex(await digest('SHA-256', view))).not.toBe(hex(first));
  });

  it('stay right however many distinct inputs come', async () => {
    const many = Array.from({ length: 600 }, (_, i) => new TextEncoder().encode(`input ${i % 300}`));
    for (const data of many) expect(hex(await digest('SHA-256', data))).toBe(hex(await webDigest('SHA-256', data)));
  });

  it('leave other algorithms, ArrayBuffers and large inputs to Web Crypto', async () => {
    const calls: unknown[] = [];
    const passed = inThreadDigest((algorithm, data) => {
      calls.push(algorithm);
      return webDigest(algorithm, data);
    });
    await passed('SHA-1', inputs[1]);
    await passed('SHA-256', new ArrayBuffer(4));
    await passed('SHA-256', new Uint8Array(4097));
    await passed('SHA-256', inputs[1]);
    expect(calls).toEqual(['SHA-1', 'SHA-256', 'SHA-256']);
  });
});
