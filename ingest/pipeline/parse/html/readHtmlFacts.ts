import type { parseHTML } from 'linkedom';

/**
 * Everything an HTML page states about itself, read as it is: Open Graph and other meta tags,
 * the first news-article-like JSON-LD object, <time> elements, the <h1>s and <title>, the
 * language attributes. readHtmlMeta weighs these against each other.
 */

export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

export type TimeElement = { datetime: string; kind: 'published' | 'modified' | 'plain' };

export type HtmlFacts = {
  jsonLd: { headline?: string; datePublished?: string; dateModified?: string; publisher?: string; url?: string; inLanguage?: string };
  /** The first non-empty content of each meta key asked for, by key. */
  meta: (...keys: string[]) => { key: string; value: string } | null;
  times: TimeElement[];
  /** <h1> texts, those inside <article> or <main> first. */
  headings: string[];
  titleTag: string | null;
  canonical: string | null;
  lang: { value: string; source: string } | null;
};

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const text = (value: unknown) => (typeof value === 'string' && squash(value) ? squash(value) : undefined);
const ARTICLE_TYPES = /article|posting|report|webpage/i;
const MODIFIED = /modif|updat|edit/i;
const PUBLISHED = /publish|pubdate|posted|created/i;

function readJsonLd(document: HtmlDocument): HtmlFacts['jsonLd'] {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item);
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
      const type = [record['@type']].flat().join(' ');
      const hasFacts = typeof record.headline === 'string' || typeof record.datePublished === 'string';
      // A WebSite or Organization object may carry a name but is not the article.
      if (!hasFacts || (type && !ARTICLE_TYPES.test(type))) continue;
      const publisher = [record.publisher].flat()[0] as Record<string, unknown> | undefined;
      const language = record.inLanguage;
      return {
        headline: text(record.headline),
        datePublished: text(record.datePublished),
        dateModified: text(record.dateModified),
        publisher: text(publisher?.name),
        url:
          text(record.url) ??
          text(record.mainEntityOfPage) ??
          text((record.mainEntityOfPage as Record<string, unknown> | undefined)?.['@id']),
        inLanguage: text(language) ?? text((language as Record<string, unknown> | undefined)?.name),
      };
    }
  }
  return {};
}

function readTimes(document: HtmlDocument): TimeElement[] {
  const times: TimeElement[] = [];
  for (const el of document.querySelectorAll('time[datetime]')) {
    const datetime = squash(el.getAttribute('datetime'));
    if (!datetime) continue;
    // What a <time> stands for is said by its itemprop, its class or a parent's class ("entry-date published").
    const said = [
      el.getAttribute('itemprop'),
      el.getAttribute('class'),
      el.hasAttribute('pubdate') ? 'pubdate' : '',
      el.parentElement?.getAttribute('class'),
      el.parentElement?.getAttribute('itemprop'),
    ].join(' ');
    times.push({ datetime, kind: MODIFIED.test(said) ? 'modified' : PUBLISHED.test(said) ? 'published' : 'plain' });
  }
  return times;
}

function readLang(document: HtmlDocument): HtmlFacts['lang'] {
  const html = squash(document.documentElement?.getAttribute('lang'));
  if (html) return { value: html, source: '<html lang>' };
  const content = squash(
    document.querySelector('meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]')?.getAttribute('content'),
  );
  if (content) return { value: content.split(',')[0]!.trim(), source: '<meta http-equiv="content-language">' };
  const locale = squash(document.querySelector('meta[property="og:locale"]')?.getAttribute('content'));
  if (locale) return { value: locale, source: 'og:locale' };
  return null;
}

export function readHtmlFacts(document: HtmlDocument): HtmlFacts {
  const meta: HtmlFacts['meta'] = (...keys) => {
    for (const key of keys) {
      const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
      const value = squash(el?.getAttribute('content'));
      if (value) return { key, value };
    }
    return null;
  };
  const inArticle = [...document.querySelectorAll('article h1, main h1, [itemprop="headline"]')].map((el) => squash(el.textContent));
  const all = [...document.querySelectorAll('h1')].map((el) => squash(el.textContent));
  return {
    jsonLd: readJsonLd(document),
    meta,
    times: readTimes(document),
    headings: [...new Set([...inArticle, ...all])].filter(Boolean),
    titleTag: squash(document.querySelector('title')?.textContent) || null,
    canonical: squash(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) || null,
    lang: readLang(document),
  };
}
