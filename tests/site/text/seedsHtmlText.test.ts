import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from '../../../src/utils/text/htmlText.ts';
import { satteriPlainText, UNTRUSTED_FEATURES } from '../../../src/integrations/satteriPlainText.ts';
import { ingestTo, SEEDS_DIR } from '../../ingest/seeds/helpers.ts';

// The site's Markdown pipeline, as astro.config.mjs sets it up.
const processor = await createSatteriMarkdownProcessor({
  mdastPlugins: [satteriPlainText],
  features: UNTRUSTED_FEATURES,
});
const bodyOf = (raw: string) => /^---\n[\s\S]*?---\n([\s\S]*)$/u.exec(raw)?.[1] ?? raw;
const words = (text: string) => text.split(/\s+/u).filter(Boolean);

describe('the plain text of the seeds’ articles, from their rendered HTML', () => {
  it('holds every word of the body, in order, as a second Markdown parser (remark) reads it', async () => {
    const { articles } = await ingestTo(SEEDS_DIR);
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const text = htmlToPlainText((await processor.render(bodyOf(article.raw))).code);
      expect(words(text), article.slug).toEqual(words(article.bodyText));
      expect(text, article.slug).not.toMatch(/<\/?(p|h\d|br)\b|&(amp|lt|gt|quot);/u);
    }
  });
});
