/**
 * Reading built HTML without a browser: parse5 builds the same tree a browser
 * would, so text that merely looks like markup (escaped OCR text such as
 * `&lt;a href=…&gt;`) is never mistaken for an element.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

export type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** One URL-valued attribute found in a document. */
export interface UrlReference {
  tag: string;
  attr: string;
  value: string;
}

export function parseHtml(html: string): DefaultTreeAdapterTypes.Document {
  return parse(html);
}

function isElement(node: DefaultTreeAdapterTypes.Node): node is Element {
  return 'tagName' in node;
}

/** Every element under `root`, in document order; `<template>` contents included. */
export function* elements(root: ParentNode): Generator<Element> {
  for (const child of root.childNodes) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
    if (child.tagName === 'template') yield* elements((child as DefaultTreeAdapterTypes.Template).content);
  }
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

/** The concatenated text of an element, as `textContent` would give it. */
export function textOf(node: ParentNode): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeName === '#text') text += (child as DefaultTreeAdapterTypes.TextNode).value;
    else if (isElement(child)) text += textOf(child);
  }
  return text;
}

/** Attributes whose whole value is one URL. */
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data'];
/** `<meta>` properties whose content is a URL. */
const URL_META = new Set(['og:url', 'og:image', 'twitter:image']);

/** The URLs in a `srcset`: comma-separated candidates, each a URL and an optional descriptor. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/u)[0] ?? '')
    .filter((url) => url !== '');
}

/** Every URL a document refers to through an attribute (href, src, srcset, action, og:url…). */
export function urlReferences(document: ParentNode): UrlReference[] {
  const refs: UrlReference[] = [];
  for (const element of elements(document)) {
    const tag = element.tagName;
    for (const { name, value } of element.attrs) {
      if (URL_ATTRIBUTES.includes(name)) refs.push({ tag, attr: name, value });
      else if (name === 'srcset') for (const url of srcsetUrls(value)) refs.push({ tag, attr: name, value: url });
    }
    if (tag === 'meta') {
      const property = attr(element, 'property') ?? attr(element, 'name') ?? '';
      const content = attr(element, 'content');
      if (URL_META.has(property) && content !== undefined)
        refs.push({ tag, attr: `content[${property}]`, value: content });
    }
  }
  return refs;
}

/** The ids a fragment can point at: every `id`, and `name` of `<a>` elements. */
export function fragmentTargets(document: ParentNode): Set<string> {
  const ids = new Set<string>();
  for (const element of elements(document)) {
    const id = attr(element, 'id');
    if (id !== undefined && id !== '') ids.add(id);
    const name = element.tagName === 'a' ? attr(element, 'name') : undefined;
    if (name !== undefined && name !== '') ids.add(name);
  }
  return ids;
}

/** The document's `<base href>`, when it has one. */
export function baseHref(document: ParentNode): string | undefined {
  for (const element of elements(document)) if (element.tagName === 'base') return attr(element, 'href');
  return undefined;
}
