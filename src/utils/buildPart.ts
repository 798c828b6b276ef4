/**
 * Which share of the pages this `astro build` renders.
 *
 * Astro prerenders one page at a time, so `scripts/build/build-site.ts` runs several
 * builds side by side, each with `ARCHIVE_BUILD_PART="k/n"`, and merges their
 * output. Every route with `getStaticPaths` passes its paths through
 * `pathsInBuildPart`, so each path is rendered by exactly one part. Without the
 * variable (a plain `astro build`, `astro dev`) every path is rendered.
 */

import { fnv1a } from './fnv1a.ts';

export interface BuildPart {
  /** This part, 0 ≤ index < count. */
  index: number;
  count: number;
}

/** Parses `"k/n"`; undefined or empty means the whole site. Anything else is an error, not a silent full build. */
export function parseBuildPart(value: string | undefined): BuildPart | undefined {
  if (value === undefined || value === '') return undefined;
  const match = /^(\d+)\/(\d+)$/u.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count) {
    throw new Error(`ARCHIVE_BUILD_PART must be "k/n" with 0 ≤ k < n, not ${JSON.stringify(value)}`);
  }
  return { index, count };
}

/** True when the page with this key belongs to `part` (always, when there is no part). */
export function inPart(key: string, part: BuildPart | undefined): boolean {
  return part === undefined || fnv1a(key) % part.count === part.index;
}

const currentPart = parseBuildPart(process.env.ARCHIVE_BUILD_PART);

/** True when this build renders the page with this key. */
export function inBuildPart(key: string): boolean {
  return inPart(key, currentPart);
}

type Params = Record<string, string | number | undefined>;

/**
 * A route's key: its parameters in order, `/`-joined. Two routes may share a
 * key (`/pages/x/` and `/articles/x/`); that only means they land in the same part.
 */
export function paramsKey(params: Params): string {
  return Object.values(params)
    .map((value) => value ?? '')
    .join('/');
}

/** The paths of a `getStaticPaths` result that this build renders; types (and so the props) are kept. */
export function pathsInBuildPart<T extends { params: Params }>(paths: readonly T[]): T[] {
  return currentPart === undefined ? [...paths] : paths.filter((path) => inPart(paramsKey(path.params), currentPart));
}
