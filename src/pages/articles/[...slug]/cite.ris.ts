import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articleReference, referenceFilePaths } from '../../../data/references.ts';
import { formatRis } from '../../../utils/cite/citationFormats.ts';

/** /articles/<slug>/cite.ris: the article's reference for reference managers (EndNote, Zotero…). */
export const getStaticPaths = (() => referenceFilePaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(formatRis(articleReference(props.article, site)), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
