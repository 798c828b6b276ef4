/** The shading of a choropleth map: article counts in at most five steps, each with a legend label. */

export interface ShadeStep {
  /** The least count in this step. */
  from: number;
  label: string;
}

/**
 * Steps for counts from 0 to `max`: 0 alone (no articles is worth telling apart), then up to four equal
 * ranges of whole numbers; fewer when `max` is small, so no step is empty by construction.
 */
export function shadeSteps(max: number): ShadeStep[] {
  const steps: ShadeStep[] = [{ from: 0, label: '0' }];
  if (max <= 0) return steps;
  const ranges = Math.min(4, max);
  const width = max / ranges;
  for (let i = 0; i < ranges; i++) {
    const from = Math.floor(i * width) + 1;
    const to = Math.floor((i + 1) * width);
    steps.push({ from, label: from === to ? String(from) : `${from}–${to}` });
  }
  return steps;
}

/** The step a count falls in. */
export function shadeOf(count: number, steps: readonly ShadeStep[]): number {
  let step = 0;
  for (let i = 0; i < steps.length; i++) if (count >= steps[i].from) step = i;
  return step;
}
