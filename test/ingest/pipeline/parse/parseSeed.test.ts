import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../../helpers/parseArticle.js';
import { ARABIC_SEED, INDONESIAN_SEED, PROJECT_SEEDS } from '../../../helpers/tempWorkspace.js';

const readSeed = (name: string) => readFile(join(PROJECT_SEEDS, name), 'utf8');

describe('parseSeed on the Indonesian seed (Công Luận via vietnam.vn)', async () => {
  const article = parseArticle(INDONESIAN_SEED, await readSeed(INDONESIAN_SEED));

  it('GIVEN the scraped page THEN finds title, publisher, date and language', () => {
    expect(article.title).toBe('Niger beralih ke kerja sama pertahanan dengan Rusia');
    expect(article.publisher).toBe('Công Luận');
    expect(article.published).toBe('2023-12-05');
    expect(article.language).toBe('id');
  });

  it('GIVEN the scraped page THEN keeps the article text from its first to its last paragraph', () => {
    expect(article.text.startsWith('Dalam pernyataan singkat pada tanggal 4 Desember')).toBe(true);
    expect(article.text).toContain('untuk membalikkan kudeta.');
  });

  it('GIVEN ad markers, comment counters and related-article lists THEN none survives', () => {
    for (const junk of [
      '[iklan_1]',
      '[iklan_2]',
      'Komentar (0)',
      'No data',
      'Dalam topik yang sama',
      'Sawah terasering',
      'Vietnam.vn - Nền tảng',
      'Sumber',
      'Peristiwa terkini',
    ]) {
      expect(article.text, junk).not.toContain(junk);
    }
  });

  it('GIVEN a photo caption THEN it stays once, without the "gambar 1" label', () => {
    expect(article.text.match(/Foto: AP/g)).toHaveLength(1);
    expect(article.text).not.toMatch(/gambar 1/);
  });
});

describe('parseSeed on the Arabic seed (defense-arabic.com)', async () => {
  const article = parseArticle(ARABIC_SEED, await readSeed(ARABIC_SEED));

  it('GIVEN the scraped page THEN finds title, publisher, site, URL, date and language', () => {
    expect(article.title).toBe('روسيا والدول الإفريقية ستعمل على تطوير المزيد من التعاون الدفاعي');
    expect(article.publisher).toBe('موقع الدفاع العربي');
    expect(article.site).toBe('defense-arabic.com');
    expect(article.url).toBe('https://www.defense-arabic.com');
    expect(article.published).toBe('2024-05-05');
    expect(article.language).toBe('ar');
  });

  it('GIVEN social links, disclaimers and "continue reading" prompts THEN none survives', () => {
    for (const junk of [
      'Telegram',
      'Whatsapp',
      'Facebook',
      'GOOGLE NEWS',
      'Continue reading',
      'اشترك الآن',
      'ادارة الموقع لا تتبنى',
      'زر الذهاب إلى الأعلى',
      'مصدر الخبر',
      'الدفاع و الامن',
    ]) {
      expect(article.text, junk).not.toContain(junk);
    }
  });

  it('GIVEN the byline glued to the first paragraph THEN the body starts with the article sentence', () => {
    expect(article.text.startsWith('تحاول روسيا والدول الإفريقية تطوير التعاون الدفاعي')).toBe(true);
    expect(article.text).toContain('وتأكيد قدر أكبر من السيادة.');
  });
});
