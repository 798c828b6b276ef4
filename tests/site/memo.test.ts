import { describe, expect, it } from 'vitest';
import { memoisePerObject } from '../../src/utils/memo.ts';

describe('memoisePerObject', () => {
  it('computes once per object and answers each object with its own value', () => {
    const calls: string[] = [];
    const upper = memoisePerObject((o: { s: string }) => {
      calls.push(o.s);
      return o.s.toUpperCase();
    });
    const a = { s: 'a' };
    const b = { s: 'b' };
    expect([upper(a), upper(b), upper(a), upper(b)]).toEqual(['A', 'B', 'A', 'B']);
    expect(calls).toEqual(['a', 'b']);
  });

  it('remembers an empty or undefined answer too', () => {
    let n = 0;
    const nothing = memoisePerObject((key: object): undefined => {
      n += key === undefined ? 0 : 1;
    });
    const key = {};
    nothing(key);
    nothing(key);
    expect(n).toBe(1);
  });
});
