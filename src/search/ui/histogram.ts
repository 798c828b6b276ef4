/**
 * The histogram of a search's results by year, or by month once a year is
 * chosen, drawn from its counts (src/search/counts.ts). Each bar is a link to
 * the same search limited to its year or month.
 */
import { monthRange } from '../dateRange.ts';
import type { State } from './searchState.ts';

export interface Bar {
  label: string;
  count: number;
  /** The search a click on the bar runs. */
  state: State;
}

/** Bars for `months` (`YYYY-MM` → results): a year's twelve months when one is chosen, else each year with results. */
export function histogramBars(months: Readonly<Record<string, number>>, state: State): Bar[] {
  const year = state.filters.year;
  if (year && /^\d{4}$/u.test(year)) {
    return Array.from({ length: 12 }, (_, i) => {
      const month = `${year}-${String(i + 1).padStart(2, '0')}`;
      return { label: `${i + 1}月`, count: months[month] ?? 0, state: { ...state, range: monthRange(month) } };
    });
  }
  const years: Record<string, number> = {};
  for (const [month, n] of Object.entries(months)) {
    if (/^\d{4}-\d\d$/u.test(month)) years[month.slice(0, 4)] = (years[month.slice(0, 4)] ?? 0) + n;
  }
  return Object.keys(years)
    .sort()
    .map((y) => ({ label: y, count: years[y], state: { ...state, filters: { ...state.filters, year: y } } }));
}

/**
 * Renders the bars into `root` (an empty list hides it). Heights are set through
 * the style object, which a Content-Security-Policy without inline styles allows.
 */
export function renderHistogram(
  root: HTMLElement,
  bars: readonly Bar[],
  estimated: boolean,
  link: (state: State) => { href: string; go: () => void },
): void {
  root.replaceChildren();
  root.hidden = bars.length === 0;
  const most = Math.max(1, ...bars.map((b) => b.count));
  for (const bar of bars) {
    const text = `${bar.label}：${estimated ? '约 ' : ''}${bar.count} 篇`;
    const item = document.createElement(bar.count ? 'a' : 'span');
    item.className = 'search-bar';
    item.title = text;
    item.setAttribute('aria-label', text);
    if (item instanceof HTMLAnchorElement) {
      const { href, go } = link(bar.state);
      item.href = href;
      item.addEventListener('click', (event) => {
        event.preventDefault();
        go();
      });
    }
    const fill = document.createElement('span');
    fill.className = 'search-bar-fill';
    fill.style.height = `${Math.round((100 * bar.count) / most)}%`;
    const label = document.createElement('span');
    label.className = 'search-bar-label';
    label.textContent = bar.label;
    item.append(fill, label);
    root.append(item);
  }
}
