import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../helpers/parseArticle.js';

const BODY =
  'Pemerintah Niger menerima sistem pertahanan udara S-300 dari Rusia di Niamey. Pesawat Ilyushin mendarat membawa pelatih militer dan peralatan yang tidak diungkapkan, menurut televisi pemerintah.';

/** A scraped page: headline, byline, the body, then `extra` blocks. */
const page = (...extra: string[]) =>
  [
    'Niger menerima sistem pertahanan udara dari Rusia',
    '',
    'Kantor Berita 05/12/2023',
    '',
    BODY,
    '',
    ...extra.flatMap((b) => [b, '']),
  ].join('\n');

describe('the article URL of a scraped page', () => {
  it.each([
    [
      'a link in the body',
      `Baca juga laporan lain di https://other.example/berita/123 tentang kerja sama pertahanan dan pelatihan militer di kawasan.`,
    ],
    ['a bare link on a line of its own', 'https://other.example/berita/123'],
    ['a link after words that do not name the page', 'Baca juga: https://other.example/berita/123'],
  ])('GIVEN only %s THEN the article has no URL: a link the text mentions is not its address', (_situation, block) => {
    const article = parseArticle('page.txt', page(block));
    expect(article.url).toBeNull();
  });

  it.each([
    ['URL: https://kabar.example/niger-s300', 'https://kabar.example/niger-s300'],
    ['Sumber: https://kabar.example/niger-s300', 'https://kabar.example/niger-s300'],
    ['Permalink https://kabar.example/niger-s300', 'https://kabar.example/niger-s300'],
    ['المصدر: https://kabar.example/niger-s300', 'https://kabar.example/niger-s300'],
    ['نشر الخبر اول مرة على موقع :www.kabar.example بتاريخ:2024-05-05 14:07:12', 'https://www.kabar.example'],
  ])('GIVEN the line "%s" THEN it is the article URL', (line, expected) => {
    const article = parseArticle(
      'page.txt',
      page(`Lihat juga https://other.example/lain dalam laporan terkait tentang keamanan regional dan pelatihan militer.`, line),
    );
    expect(article.url).toBe(expected);
  });
});
