/** What an article's citation, meta tags and RIS/BibTeX downloads are made from (src/utils/cite/citationFormats.ts). */
import type { ReferenceInput } from '../utils/cite/citationFormats.ts';
import { absoluteUrl, articlePath } from '../utils/paths.ts';
import type { Article } from './articles.ts';

export function articleReference(article: Article, site: URL | undefined): ReferenceInput {
  const { data } = article;
  const reference: ReferenceInput = {
    slug: article.slug,
    title: data.title,
    authors: data.authors,
    date: data.date,
    dateInferred: data.dateInferred,
    url: absoluteUrl(articlePath(article.slug), site),
  };
  if (data.page !== undefined) reference.page = data.page;
  return reference;
}

/**
 * Where an article's RIS and BibTeX files are: in its page's folder, /articles/<slug>/cite.ris and cite.bib (a
 * file beside the folder would be the only non-folder entry under /articles/, which tools listing it do not expect).
 */
export function referenceFilePath(article: Article, extension: 'ris' | 'bib'): string {
  return `${articlePath(article.slug)}cite.${extension}`;
}
