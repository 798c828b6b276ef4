/**
 * The search page (/search/?q=…&region=…&year=…&kind=…&from=…&to=…&sort=date; src/search/ui/searchState.ts).
 *
 * Results update as you type (debounced; history.replaceState), and a submit,
 * filter or sort change adds a history entry (pushState), so the URL is always
 * shareable and Back returns to the previous search. Everything the reader or
 * the URL supplies is rendered with textContent, never as HTML.
 */
import { FACETS, KIND_LABELS, UNKNOWN_YEAR, type Facet } from '../schema.ts';
import { SearchEngine, exactCount, highlightUrl, type Filters, type Hit, type SearchResponse } from '../engine.ts';
import { afterPaint, appendSegments } from './dom.ts';
import { readState, stateUrl as urlOf, type State } from './searchState.ts';
import { histogramBars, renderHistogram } from './histogram.ts';
import { parseIsoDate } from '../dateRange.ts';

const PAGE = 10;
/** The count line once counted: exact when every shard that can match was searched, else labelled 约. */
function foundText(response: SearchResponse): string {
  const counts = response.counts;
  if (counts?.estimated) return `找到约 ${counts.total} 篇文章（据索引估计）。`;
  const total = response.hits.length;
  const exact = exactCount(response);
  return exact === total ? `找到 ${total} 篇文章。` : `找到 ${total} 篇文章，其中约 ${exact} 篇包含完整检索词。`;
}

const DEBOUNCE_MS = 150;

interface RegionInfo {
  name: string;
  aliases: string[];
}

const stateUrl = (state: State) => urlOf(location.pathname, state);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function facetLabel(facet: Facet, value: string): string {
  return facet === 'kind' ? (KIND_LABELS[value] ?? value) : value;
}

function facetOrder(facet: Facet, values: string[], regions: RegionInfo[]): string[] {
  if (facet === 'region') {
    const order = new Map(regions.map((r, i) => [r.name, i]));
    return values.sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999) || a.localeCompare(b));
  }
  if (facet === 'year')
    return values.sort((a, b) => (a === UNKNOWN_YEAR ? 1 : b === UNKNOWN_YEAR ? -1 : b.localeCompare(a)));
  const kinds = Object.keys(KIND_LABELS);
  return values.sort((a, b) => kinds.indexOf(a) - kinds.indexOf(b));
}

export function startSearchPage(root: HTMLElement | null = document.querySelector('[data-search]')): void {
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
  const fromInput = form.querySelector<HTMLInputElement>('input[name="from"]')!;
  const toInput = form.querySelector<HTMLInputElement>('input[name="to"]')!;
  const histogram = root.querySelector<HTMLElement>('[data-search-histogram]')!;
  const facetSelects = Object.fromEntries(
    FACETS.map((f) => [f, form.querySelector<HTMLSelectElement>(`select[name="${f}"]`)!]),
  ) as Record<Facet, HTMLSelectElement>;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const suggest = root.querySelector<HTMLElement>('[data-search-suggest]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const regions = JSON.parse(root.dataset.regions ?? '[]') as RegionInfo[];
  const engine = new SearchEngine();
  root.querySelector('[data-search-controls]')?.removeAttribute('hidden');
  root.querySelector('[data-search-needs-js]')?.remove();

  let current: { response: SearchResponse; shown: number } | undefined;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const formState = (): State => {
    const filters: Filters = {};
    for (const f of FACETS) if (facetSelects[f].value) filters[f] = facetSelects[f].value;
    const from = parseIsoDate(fromInput.value);
    const to = parseIsoDate(toInput.value);
    return {
      q: input.value.trim(),
      filters,
      range: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
      sort: sortSelect.value === 'date' ? 'date' : 'relevance',
    };
  };

  const fillForm = (state: State) => {
    input.value = state.q;
    sortSelect.value = state.sort;
    fromInput.value = state.range.from ?? '';
    toInput.value = state.range.to ?? '';
    for (const f of FACETS) {
      const select = facetSelects[f];
      const value = state.filters[f] ?? '';
      if (value && ![...select.options].some((o) => o.value === value))
        select.append(new Option(facetLabel(f, value), value));
      select.value = value;
    }
  };

  const renderFacets = (response: SearchResponse | null, state: State) => {
    for (const f of FACETS) {
      const select = facetSelects[f];
      // Counts arrive once the query is counted; until then only the current choice is listed.
      const counts = response?.facets?.[f] ?? {};
      const about = response?.counts?.estimated ? '约 ' : '';
      const chosen = state.filters[f] ?? '';
      const values = facetOrder(f, [...new Set([...Object.keys(counts), ...(chosen ? [chosen] : [])])], regions);
      select.replaceChildren(new Option('全部', ''));
      for (const v of values) {
        const option = new Option(`${facetLabel(f, v)}（${about}${counts[v] ?? 0}）`, v);
        option.disabled = !counts[v] && v !== chosen;
        select.append(option);
      }
      select.value = chosen;
    }
  };

  const renderHit = (hit: Hit, response: SearchResponse): HTMLLIElement => {
    const d = hit.detail!;
    const li = el('li', undefined, 'search-result');
    const heading = el('h2');
    const link = el('a');
    link.href = highlightUrl(d.url, response.terms);
    appendSegments(link, d.titleSegments);
    heading.append(link);
    const meta = el('p', undefined, 'search-result-meta');
    const parts = [d.date || '日期不详', d.regions.join('、'), KIND_LABELS[d.kind] ?? d.kind].filter(Boolean);
    meta.textContent = parts.join(' · ');
    if (hit.verbatim < response.terms.length) meta.append(el('span', ' · 部分匹配', 'search-partial'));
    const excerpt = el('p', undefined, 'search-result-excerpt');
    appendSegments(excerpt, d.excerpt);
    li.append(heading, meta, excerpt);
    return li;
  };

  // One at a time: each call appends after what the previous one showed.
  let showing = Promise.resolve();
  /** Appends up to `count` more results, once at least `least` of them are final. */
  const showMore = (myGeneration: number, count = PAGE, least = count): Promise<void> => {
    showing = showing.then(async () => {
      if (!current || myGeneration !== generation) return;
      const { response } = current;
      const hits = await engine.details(response, current.shown, count, least);
      if (myGeneration !== generation) return;
      list.append(...hits.map((h) => renderHit(h, response)));
      current.shown += hits.length;
      // Below a page, the first page is still filling (or there is no more).
      more.hidden =
        (current.shown < PAGE && response.searched < response.budget) ||
        (response.complete && current.shown >= response.hits.length);
    });
    return showing;
  };

  const renderSuggestion = (state: State, response: SearchResponse | null) => {
    suggest.replaceChildren();
    suggest.hidden = true;
    if (state.filters.region || !response?.facets) return;
    const counts = response.facets.region;
    // Gazetteer: a term that names a region (衡南, 衡南县) offers that region's filter.
    const named = response.terms
      .map((t) => regions.find((r) => r.name === t.raw || r.aliases.includes(t.raw)))
      .find((r) => r && counts[r.name]);
    if (!named) return;
    const about = response.counts?.estimated ? '约 ' : '';
    const button = el('button', `只看${named.name}（${about}${counts[named.name]}）`);
    button.type = 'button';
    button.addEventListener('click', () => {
      facetSelects.region.value = named.name;
      void run(formState(), 'push');
    });
    suggest.append(button);
    suggest.hidden = false;
  };

  const run = async (state: State, history: 'push' | 'replace' | 'none') => {
    const myGeneration = ++generation;
    if (history === 'push' && stateUrl(state) !== `${location.pathname}${location.search}`) {
      window.history.pushState(null, '', stateUrl(state));
    } else if (history !== 'none') {
      window.history.replaceState(null, '', stateUrl(state));
    }
    document.title = state.q ? `${state.q} · 搜索 · 衡阳日报档案` : '搜索 · 衡阳日报档案';
    if (!state.q) {
      current = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      renderFacets(null, state);
      renderSuggestion(state, null);
      renderHistogram(histogram, [], false, barLink);
      return;
    }
    status.textContent = '正在搜索…';
    root.setAttribute('aria-busy', 'true');
    // searching → partial (first page shown, older shards still being searched) → done.
    root.dataset.searchState = 'searching';
    try {
      const response = await engine.search(state.q, { filters: state.filters, sort: state.sort, range: state.range });
      if (myGeneration !== generation) return;
      current = response ? { response, shown: 0 } : undefined;
      list.replaceChildren();
      renderHistogram(histogram, [], false, barLink);
      renderFacets(response, state);
      renderSuggestion(state, response);
      if (!response || (response.complete && !response.hits.length)) {
        status.textContent = `没有找到包含“${state.q}”的文章。`;
        more.hidden = true;
        return;
      }
      // The first results show as soon as they are final (see SearchEngine.details): a rare phrase
      // shows its newest matches while older shards are searched for the rest of the page.
      more.hidden = true;
      await showMore(myGeneration, PAGE, 1);
      if (myGeneration !== generation) return;
      status.textContent = response.complete ? foundText(response) : '已显示最新的结果，正在检索更早的报道…';
      root.dataset.searchState = 'partial';
      root.removeAttribute('aria-busy');
      await afterPaint();
      if (myGeneration !== generation) return;
      while (current && current.shown < PAGE && !(response.complete && current.shown >= response.hits.length)) {
        const shown = current.shown;
        await showMore(myGeneration, PAGE - shown, 1);
        if (myGeneration !== generation) return;
        if (current.shown === shown) break;
      }
      await engine.complete(response, () => myGeneration !== generation);
      if (myGeneration !== generation) return;
      renderFacets(response, state);
      renderSuggestion(state, response);
      const counts = response.counts;
      if (counts) renderHistogram(histogram, histogramBars(counts.months, state), counts.estimated, barLink);
      more.hidden = response.complete && (current?.shown ?? 0) >= response.hits.length;
      if (!response.hits.length && response.complete) {
        list.replaceChildren();
        status.textContent = `没有找到包含“${state.q}”的文章。`;
      } else if (!response.hits.length) {
        // Out of budget with nothing found yet: older shards may still hold it, a click reads them.
        status.textContent = `较新的报道中没有找到“${state.q}”，可继续检索更早的报道（${foundText(response)}）`;
        more.hidden = false;
      } else status.textContent = foundText(response);
    } catch (error) {
      if (myGeneration === generation) status.textContent = '搜索出错，请稍后再试。';
      console.error(error);
    } finally {
      if (myGeneration === generation) {
        root.removeAttribute('aria-busy');
        root.dataset.searchState = 'done';
      }
    }
  };

  // A histogram bar runs its search as a new history entry, as a filter change does.
  function barLink(state: State) {
    return {
      href: stateUrl(state),
      go: () => {
        fillForm(state);
        void run(state, 'push');
      },
    };
  }

  input.addEventListener('focus', () => engine.warm(), { once: true });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(formState(), 'replace'), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(formState(), 'push');
  });
  for (const control of [sortSelect, fromInput, toInput, ...Object.values(facetSelects)]) {
    control.addEventListener('change', () => void run(formState(), 'push'));
  }
  more.addEventListener('click', () => {
    // A reader asking for more lets the query search further back than its first budget.
    if (current) engine.moreShards(current.response);
    void showMore(generation);
  });
  window.addEventListener('popstate', () => {
    const state = readState(new URL(location.href));
    fillForm(state);
    void run(state, 'none');
  });
  // "/" jumps to the search box from anywhere on the page, as on most search sites.
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable]')) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  const initial = readState(new URL(location.href));
  fillForm(initial);
  if (initial.q) void run(initial, 'replace');
  else input.focus();
}
