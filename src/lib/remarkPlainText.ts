import type { Root, RootContent, Parent } from 'mdast';

/**
 * Article bodies come from OCR'd newspaper pages and are untrusted. The ingest
 * already escapes them, but this render-time pass is the second line of
 * defence: raw HTML becomes literal text, and links or images become their
 * visible text, so nothing on a page can inject markup or a clickable URL.
 */
export function remarkPlainText() {
  return (tree: Root) => {
    neutralise(tree);
  };
}

function neutralise(parent: Parent): void {
  parent.children = parent.children.flatMap((child): RootContent[] => {
    switch (child.type) {
      case 'html':
        return [{ type: 'text', value: child.value }];
      case 'image':
      case 'imageReference':
        return child.alt ? [{ type: 'text', value: child.alt }] : [];
      case 'link':
      case 'linkReference':
        neutralise(child);
        return child.children;
      case 'definition':
        return [];
      default:
        if ('children' in child) neutralise(child);
        return [child];
    }
  });
}
