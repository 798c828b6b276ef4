import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { articleReference, referenceFilePaths } from '../../../data/references.ts';
import { formatBibtex } from '../../../utils/cite/citationFormats.ts';

/** /articles/<slug>/cite.bib: the article's reference as a BibTeX entry. */
export const getStaticPaths = (() => referenceFilePaths()) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props, site }) =>
  new Response(formatBibtex(articleReference(props.article, site)), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
