import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { AUTHOR_ROLES, ARTICLE_KINDS, DATE_SOURCES } from './schemas/articleContract.ts';
import { REVIEW_REASONS } from './schemas/pageRecord.ts';

// The ingest writes here (scripts/ingest/ingest.ts); tests and benchmarks point it elsewhere.
const contentDir = process.env.ARCHIVE_CONTENT_DIR ?? './src/content/articles';

const articles = defineCollection({
  // Pages read the rendered body (src/utils/text/htmlText.ts gives its text); the Markdown as well would make
  // the data store, which every build part loads whole, half as large again.
  loader: glob({ pattern: '**/*.md', base: contentDir, retainBody: false }),
  schema: z.strictObject({
    title: z.string().trim().min(1),
    kicker: z.string().min(1).optional(), // 引题: the line printed above the headline
    subtitle: z.string().min(1).optional(), // 副题: the line printed below it
    column: z.string().min(1).optional(), // 栏目 such as 简讯 or 图片新闻
    kind: z.enum(ARTICLE_KINDS),
    byline: z.string().min(1).optional(), // exactly as printed, typesetting spaces and all
    authors: z.array(z.strictObject({ name: z.string().min(1), role: z.enum(AUTHOR_ROLES) })).default([]),
    date: z.iso.date().nullable(),
    dateInferred: z.boolean(), // true exactly when dateSource is 'inferred'
    dateSource: z.enum(DATE_SOURCES).optional(), // manifest, printed (masthead or running head) or inferred; absent when date is null
    edition: z.string().min(1).optional(), // from seeds/manifest.yaml
    page: z.number().int().positive().optional(), // printed page number, from seeds/manifest.yaml
    regions: z.array(z.string().min(1)).default([]), // canonical names from data/gazetteer.yaml
    places: z.array(z.strictObject({ code: z.string().regex(/^\d{9,12}$/), name: z.string().min(1) })).default([]), // 乡镇/街道 with GB/T 2260 codes
    keywords: z.array(z.string().min(1)).max(8).default([]),
    source: z.strictObject({
      file: z.string().min(1), // the page file's name in seeds/
      index: z.number().int().nonnegative(), // the article's order on that page, from 0
    }),
    continued: z.string().min(1).optional(), // the text of a （上接…）/（下转…） marker
  }),
});

// What a source page printed about itself (src/schemas/pageRecord.ts): printed date, 版次, 版名, editor credits and
// the furniture lines as printed. The site reads these (PrintedPage in src/data/archiveIndex.ts).
const printedPage = {
  file: z.string().min(1),
  date: z.iso.date().nullable(),
  dateSource: z.enum(DATE_SOURCES).optional(),
  edition: z.string().min(1).optional(),
  page: z.number().int().positive().optional(),
  pageName: z.string().min(1).optional(),
  editors: z.array(z.strictObject({ role: z.string().min(1), name: z.string().min(1) })).default([]),
  furniture: z.array(z.strictObject({ line: z.number().int().positive(), text: z.string() })).default([]),
};
/** A checked page record cut down to what the site reads (a plain object schema drops the keys it does not name). */
const printedOnly = z.object(printedPage);

// One record per source page, written beside the articles. The whole record is checked, but only what the site
// reads is kept: the noise lines, the article list and the review notes are for editors and tools, which read the
// JSON files, and would otherwise sit in the data store that every build part serialises, bundles and parses
// again (1.5 of 20 MB at 10,000 articles).
const pages = defineCollection({
  loader: glob({ pattern: '*.page.json', base: contentDir }),
  schema: z
    .strictObject({
      ...printedPage,
      noise: z.array(z.strictObject({ line: z.number().int().positive(), text: z.string() })).default([]),
      articles: z.array(z.string().min(1)).default([]),
      review: z
        .array(
          z.strictObject({
            reason: z.enum(REVIEW_REASONS),
            detail: z.string(),
            item: z.number().int().nonnegative().optional(),
            title: z.string().optional(),
            lines: z.array(z.strictObject({ line: z.number().int().positive(), text: z.string() })),
          }),
        )
        .default([]),
    })
    .transform((record) => printedOnly.parse(record)),
});

export const collections = { articles, pages };
