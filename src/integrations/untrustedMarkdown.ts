import type { Nodes, RootContent } from 'mdast';

/**
 * Article bodies come from OCR'd newspaper pages and are untrusted. The ingest
 * already escapes them; this is the render-time second line of defence, shared
 * by the Markdown processor's plugin (src/integrations/satteriPlainText.ts) and the
 * plain-text extraction: raw HTML becomes literal text, links and images become
 * their visible text, and link definitions disappear, so nothing in a body can
 * inject markup or a clickable URL.
 */
const UNSAFE = new Set<string>(['html', 'image', 'imageReference', 'link', 'linkReference', 'definition']);

/** Whether a tree holds anything `neutralise` would change. */
export function hasUnsafeNodes(node: Nodes): boolean {
  return UNSAFE.has(node.type) || ('children' in node && node.children.some(hasUnsafeNodes));
}

/** The children with every unsafe node replaced by its visible text (a new array; the input is not changed). */
export function neutralise(children: readonly RootContent[]): RootContent[] {
  return children.flatMap((child): RootContent[] => {
    switch (child.type) {
      case 'html':
        return [{ type: 'text', value: child.value }];
      case 'image':
      case 'imageReference':
        return child.alt ? [{ type: 'text', value: child.alt }] : [];
      case 'link':
      case 'linkReference':
        return neutralise(child.children);
      case 'definition':
        return [];
      default:
        return 'children' in child ? [{ ...child, children: neutralise(child.children) } as RootContent] : [child];
    }
  });
}
