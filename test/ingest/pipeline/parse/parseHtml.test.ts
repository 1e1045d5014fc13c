import { describe, expect, it } from 'vitest';
import { parseSeed } from '../../../../ingest/pipeline/parse/parseSeed.js';
import { parseArticle } from '../../../helpers/parseArticle.js';

const ARTICLE_HTML = `<!doctype html>
<html lang="id-ID"><head>
<title>Niger dan Rusia | Kabar Dunia</title>
<meta property="og:title" content="Niger memperkuat kerja sama dengan Rusia">
<meta property="og:site_name" content="Kabar Dunia">
<meta property="og:url" content="https://www.kabardunia.example/niger-rusia">
<meta property="article:published_time" content="2023-12-06T08:30:00+07:00">
<script>window.tracker = "ignore me";</script>
</head><body>
<nav><ul><li><a href="/">Beranda</a></li><li><a href="/dunia">Dunia</a></li><li><a href="/olahraga">Olahraga</a></li></ul></nav>
<header><div class="logo">Kabar Dunia</div></header>
<main><article>
<h1>Niger memperkuat kerja sama dengan Rusia</h1>
<p>Pemerintah militer Niger pada hari Senin mengumumkan bahwa negara itu akan memperkuat kerja sama pertahanan dengan Rusia setelah mengakhiri dua misi keamanan Uni Eropa di wilayahnya.</p>
<p>Keputusan itu diumumkan oleh Kementerian Luar Negeri Niger dalam sebuah pernyataan singkat yang dibacakan di televisi nasional pada malam hari, beberapa jam setelah kunjungan delegasi Rusia.</p>
<p>Para analis mengatakan langkah tersebut mencerminkan pergeseran besar dalam kebijakan luar negeri negara-negara Sahel yang dipimpin oleh militer sejak serangkaian kudeta.</p>
</article></main>
<aside><h3>Berita terkait</h3><ul><li><a href="/a">Harga beras naik lagi</a></li><li><a href="/b">Tim nasional menang</a></li></ul></aside>
<footer><p>© 2023 Kabar Dunia. Hak cipta dilindungi.</p></footer>
</body></html>`;

describe('parseSeed on HTML', () => {
  it('GIVEN Open Graph and article meta tags THEN they give title, publisher, URL, date and language', () => {
    const article = parseArticle('kabar/niger.html', ARTICLE_HTML);
    expect(article.title).toBe('Niger memperkuat kerja sama dengan Rusia');
    expect(article.publisher).toBe('Kabar Dunia');
    expect(article.url).toBe('https://www.kabardunia.example/niger-rusia');
    expect(article.site).toBe('kabardunia.example');
    expect(article.published).toBe('2023-12-06');
    expect(article.language).toBe('id');
  });

  it('GIVEN navigation, related links, scripts and a footer THEN only the article paragraphs remain', () => {
    const article = parseArticle('kabar/niger.html', ARTICLE_HTML);
    expect(article.text.split('\n\n')).toHaveLength(3);
    expect(article.text.startsWith('Pemerintah militer Niger')).toBe(true);
    for (const junk of ['Beranda', 'Olahraga', 'Berita terkait', 'Harga beras', 'Hak cipta', 'tracker'])
      expect(article.text).not.toContain(junk);
  });

  it('GIVEN JSON-LD instead of meta tags THEN headline, publisher and date come from it', () => {
    const html = `<html><head><script type="application/ld+json">${JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          headline: 'وصول قوات روسية إلى النيجر',
          datePublished: '2024-05-05T14:07:12Z',
          publisher: { '@type': 'Organization', name: 'موقع الدفاع العربي' },
          url: 'https://www.defense-arabic.com/niger',
        },
      ],
    })}</script></head><body><article><p>${'وصلت قوات روسية ومنظومة دفاع جوي إلى النيجر في إطار تعاون عسكري جديد بين البلدين. '.repeat(3)}</p></article></body></html>`;
    const article = parseArticle('niger.htm', html);
    expect(article.title).toBe('وصول قوات روسية إلى النيجر');
    expect(article.publisher).toBe('موقع الدفاع العربي');
    expect(article.published).toBe('2024-05-05');
    expect(article.url).toBe('https://www.defense-arabic.com/niger');
    expect(article.language).toBe('ar');
  });

  it('GIVEN markup with no readable article THEN the file is unusable, saying why', () => {
    expect(parseSeed('empty.html', '<html><body><nav><a href="/">Home</a></nav></body></html>')).toEqual({
      ok: false,
      reason: 'no article text found',
    });
  });

  it('GIVEN markup nested too deeply to parse THEN the file is unusable, saying why', () => {
    expect(parseSeed('deep.html', `<html><body>${'<div>'.repeat(2000)}text`)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^HTML nested more than \d+ elements deep/),
    });
  });
});
