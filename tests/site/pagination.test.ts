import { describe, expect, it } from 'vitest';
import { pageParam, pageWindow, paginateList } from '../../src/utils/pagination.ts';

describe('paginateList', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('splits into pages of the given size with positions', () => {
    const pages = paginateList(items, 20);
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5]);
    expect(pages[2]).toMatchObject({ number: 3, lastPage: 3, total: 45, start: 41, end: 45 });
    expect(pages[1].items[0]).toBe(21);
  });

  it('keeps every item exactly once, in order', () => {
    expect(paginateList(items, 7).flatMap((p) => p.items)).toEqual(items);
  });

  it('yields one empty page for an empty list', () => {
    expect(paginateList([], 20)).toEqual([{ number: 1, lastPage: 1, items: [], total: 0, start: 0, end: 0 }]);
  });

  it('gives an exact multiple no trailing empty page', () => {
    expect(paginateList(items.slice(0, 40), 20)).toHaveLength(2);
  });

  it('rejects a non-positive page size', () => {
    expect(() => paginateList(items, 0)).toThrow(/positive/);
  });
});

describe('pageWindow', () => {
  it('shows everything for a short listing', () => {
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('elides gaps with null but never hides a single page behind an ellipsis', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
  });

  it('handles a single page', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
  });
});

describe('pageParam', () => {
  it('serves page 1 at the base path and later pages by number', () => {
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(3)).toBe('3');
  });
});
