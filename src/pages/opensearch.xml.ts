import type { APIRoute } from 'astro';
import { absoluteUrl, searchPath } from '../utils/paths.ts';
import { PAPER_NAME, SITE_DESCRIPTION, SITE_NAME } from '../utils/site.ts';
import { escapeXml } from '../utils/text/xml.ts';

/**
 * The OpenSearch description every page links to (<link rel="search">, BaseLayout): browsers offer the
 * archive's search from the address bar. `{searchTerms}` must stay literal, so the template is the search path
 * of a placeholder with the placeholder put back.
 */
export const GET: APIRoute = ({ site }) => {
  const template = absoluteUrl(searchPath('SEARCH_TERMS'), site).replace('SEARCH_TERMS', '{searchTerms}');
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>${escapeXml(SITE_NAME)}</ShortName>
  <Description>${escapeXml(SITE_DESCRIPTION)}</Description>
  <Tags>${escapeXml(PAPER_NAME)} 衡阳 报纸 档案</Tags>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>zh-CN</Language>
  <Url type="text/html" method="get" template="${escapeXml(template)}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${escapeXml(absoluteUrl('/opensearch.xml', site))}"/>
</OpenSearchDescription>
`;
  return new Response(body, { headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' } });
};
