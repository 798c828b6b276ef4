/** DOM helpers shared by the search page and the article-page highlighter. Text only: never innerHTML. */
import type { Segment } from '../text/excerpt.ts';
import type { Range } from '../text/match.ts';

/** Appends segments to `parent` as text nodes and <mark> elements. */
export function appendSegments(parent: Element, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.mark) {
      const mark = document.createElement('mark');
      mark.textContent = s.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(s.text));
    }
  }
}

/**
 * Wraps `ranges` (UTF-16 offsets into the concatenated text of `root`'s text
 * nodes) in <mark> elements, splitting text nodes as needed. Returns the marks.
 */
export function markRanges(root: Element, ranges: readonly Range[]): HTMLElement[] {
  const nodes: { node: Text; start: number }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const node = n as Text;
    nodes.push({ node, start: offset });
    offset += node.data.length;
  }
  const marks: HTMLElement[] = [];
  // From the end, so splitting a node never shifts an offset still to be used.
  for (const range of [...ranges].reverse()) {
    for (const { node, start } of [...nodes].reverse()) {
      const from = Math.max(range.start, start) - start;
      const to = Math.min(range.end, start + node.data.length) - start;
      if (to <= from) continue;
      const tail = node.splitText(from);
      tail.splitText(to - from);
      const mark = document.createElement('mark');
      mark.dataset.searchMark = '';
      tail.replaceWith(mark);
      mark.append(tail);
      marks.unshift(mark);
    }
  }
  return marks;
}

/**
 * Resolves once the browser has had a frame to paint what was just added: the
 * first results go on screen before background work (older shards, counts)
 * competes with them for the main thread and the network. A hidden tab paints
 * no frames, hence the timeout.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
}
