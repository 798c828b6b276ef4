/**
 * Remembers `compute`'s answer for each object it is asked about, for as long
 * as the object lives: for per-article values a build asks for on many pages.
 */
export function memoisePerObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}
