const JSON_LD_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Serialises structured data for a `<script type="application/ld+json">`.
 * JSON.stringify alone is not enough: a string containing `</script>` would
 * end the element early, so `<`, `>` and `&` are written as \u escapes (still
 * valid JSON with the same value), and U+2028/U+2029 are escaped because
 * some parsers treat them as line breaks.
 */
export function serializeJsonLd(data: unknown): string {
  // One pass over the text (an article body can be long), not one per character.
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => JSON_LD_ESCAPES[c]);
}

export interface NewsArticleInput {
  slug: string;
  url: string;
  title: string;
  subtitle?: string;
  kind: string;
  body: string;
  date: string | null;
  authors: readonly { name: string; role: string }[];
  regions: readonly string[];
  keywords: readonly string[];
  edition?: string;
  page?: number;
  paperName: string;
}

/** schema.org NewsArticle for one archived article; absent facts are omitted, never guessed. */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const paper = { '@type': 'Newspaper', name: input.paperName };
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: input.title,
    articleBody: input.body,
    inLanguage: 'zh-CN',
    author: input.authors.map((a) => ({ '@type': 'Person', name: a.name, jobTitle: a.role })),
    contentLocation: input.regions.map((name) => ({ '@type': 'Place', name })),
    keywords: [...input.keywords],
    genre: input.kind,
    identifier: input.slug,
    url: input.url,
    mainEntityOfPage: input.url,
    isPartOf: paper,
    publisher: { '@type': 'Organization', name: input.paperName },
  };
  if (input.subtitle) data.alternativeHeadline = input.subtitle;
  if (input.date !== null) data.datePublished = input.date;
  if (input.edition) data.printEdition = input.edition;
  if (input.page !== undefined) data.printPage = String(input.page);
  return data;
}
