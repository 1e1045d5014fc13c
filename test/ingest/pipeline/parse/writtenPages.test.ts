import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../ingest/pipeline/parse/parseSeed.js';
import { parseArticle } from '../../../helpers/parseArticle.js';
import { DATE_PAGES, DUMP_PAGES, TEXT_PAGES, TITLE_PAGES, type WrittenPage } from './support/writtenPages.js';

const byName = (pages: WrittenPage[]) => pages.map((p) => [p.name, p] as const);

describe('parseSeed on pages written for it', () => {
  it.each(byName(TITLE_PAGES))('GIVEN title pattern %s THEN the title is the headline alone', (_name, page) => {
    expect(parseArticle(page.name, page.text).title).toBe(page.expect.title);
  });

  it.each(byName(DATE_PAGES))('GIVEN date source %s THEN the publication date is the one a reader would name', (_name, page) => {
    expect(parseArticle(page.name, page.text).published).toBe(page.expect.published);
  });

  it.each(byName([...TEXT_PAGES, ...DUMP_PAGES]))('GIVEN %s THEN the text is exactly the article paragraphs, in order', (_name, page) => {
    const article = parseArticle(page.name, page.text);
    expect(article.text.split('\n\n')).toEqual(page.expect.paragraphs);
  });

  it.each(byName(DUMP_PAGES))(
    'GIVEN text dump %s THEN title and date are found past menus, bylines, date lines and share rows',
    (_name, page) => {
      expect(parseArticle(page.name, page.text)).toMatchObject({ title: page.expect.title, published: page.expect.published });
    },
  );

  it('GIVEN a page whose title names the site THEN the trace says where the title came from and what was removed', () => {
    const parsed = parseSeed(TITLE_PAGES[0]!.name, TITLE_PAGES[0]!.text);
    expect(parsed.ok && parsed.trace.sources).toMatchObject({
      title: 'og:title, without the site name "Example News"',
      publisher: 'og:site_name',
      language: '<html lang>',
    });
  });

  it('GIVEN dates in the future and before 1990 THEN they are refused, each with its reason, and the URL path gives the date', () => {
    const page = DATE_PAGES.find((p) => p.name === 'future-and-ancient-dates.html')!;
    const parsed = parseSeed(page.name, page.text);
    expect(parsed.ok && parsed.trace).toMatchObject({
      sources: { published: 'the URL path' },
      rejected: [
        { field: 'published', value: '2999-01-01', reason: 'in the future (JSON-LD datePublished)' },
        { field: 'published', value: '1970-01-01', reason: 'before 1990 (article:published_time)' },
      ],
    });
  });

  it('GIVEN the English text dump THEN every line left out is listed with why', () => {
    const page = DUMP_PAGES.find((p) => p.name === 'dump-en.txt')!;
    const parsed = parseSeed(page.name, page.text);
    const reasons = parsed.ok ? Object.fromEntries(parsed.trace.stripped.map((s) => [s.text, s.reason])) : {};
    expect(reasons).toMatchObject({
      'Share Tweet WhatsApp Email': 'share row',
      'IFRAME: https://www.youtube.com/embed/abc123': 'link or embed line',
      'Share on Facebook | Share on X': 'share row',
      '© 2023 Example News. All rights reserved.': 'page footer',
    });
  });

  it('GIVEN a text dump with an image caption right after its alt text THEN the caption is kept once', () => {
    const caption = 'Soldiers parade through Niamey on Monday, Photo: AP';
    const text = `Niger ends EU missions today\n\n${DUMP_PAGES[0]!.expect.paragraphs[0]}\n\n${caption}\n${caption}\n\n${DUMP_PAGES[0]!.expect.paragraphs[1]}`;
    expect(parseArticle('caption.txt', text).text.split('\n\n')).toEqual([
      DUMP_PAGES[0]!.expect.paragraphs[0],
      caption,
      DUMP_PAGES[0]!.expect.paragraphs[1],
    ]);
  });
});
