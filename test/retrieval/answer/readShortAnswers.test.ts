import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../retrieval/answer/answerQuestion.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';
import { buildSeededIndex, createTempWorkspace, type TempWorkspace } from '../../helpers/tempWorkspace.js';

/** One article per language, each stating a date, a count, a person, a place, a model code and a definition. */
const ARTICLES: Record<string, string> = {
  'harbour.md': [
    '---',
    'title: "Harbour reopens after the storm"',
    'language: en',
    'published: 2024-03-04',
    '---',
    '',
    'The harbour of Port Kelan reopened on 2 March 2024 after the storm.',
    'Harbour master Lena Ortiz said that 1,200 fishing boats had stayed in port.',
    'The new breakwater, known as the Seawall-7, was built by Marine Works Ltd in Valparaiso.',
    'A breakwater is a barrier that protects a harbour from waves.',
    'The damage was first reported by the Kelan Gazette, a weekly paper that covers the coast.',
  ].join('\n'),
  'pelabuhan.md': [
    '---',
    'title: "Pelabuhan Tanjung Emas dibuka kembali"',
    'language: id',
    'published: 2024-01-15',
    '---',
    '',
    'Pelabuhan Tanjung Emas dibuka kembali pada 12 Januari 2024 setelah banjir rob.',
    'Kepala pelabuhan Budi Santoso mengatakan 2.500 kapal nelayan tertahan di dermaga.',
    'Kapal patroli baru bernama KN-301 dirakit oleh PT Galangan Samudra di Surabaya.',
    'Dermaga adalah tempat kapal bersandar untuk bongkar muat barang.',
    'Gereja tertua di Semarang adalah Gereja Blenduk yang dibangun warga Belanda pada tahun 1753.',
    'Kapten Arif Rahman lahir pada 3 Mei 1950 di Kendal dan meninggal di Semarang pada 9 Juni 2020.',
    'Kabupaten Kendal terdiri dari 21 kecamatan, 266 desa dan 20 kelurahan.',
    'Wilayah pesisir Kendal dihuni 15 desa dan luasnya sekitar 42 km².',
    'Jembatan kayu yang lama dipakai dari tahun 1910 hingga 1985.',
    'Sorong adalah kota pelabuhan terbesar di Provinsi Papua Barat.',
    'Rubel (bahasa Rusia рубль) adalah mata uang Federasi Rusia dan Belarus.',
    'Siti Rahmawati Putri adalah istri dari Komisaris Utama PT Samudra Raya, Bambang Wijaya.',
  ].join('\n'),
  'mina.md': [
    '---',
    'title: "إعادة افتتاح ميناء طرطوس"',
    'language: ar',
    'published: 2024-05-06',
    '---',
    '',
    'أعيد افتتاح ميناء طرطوس في 5 مايو 2024 بعد العاصفة الرملية.',
    'وقال مدير الميناء أحمد الخطيب إن ٣٠٠٠ سفينة صيد بقيت في الأرصفة.',
    'وصلت منظومة الرادار الساحلي الجديدة من طراز إس-400 إلى طرطوس.',
    'الرصيف هو منصة يرسو عندها القارب لتحميل البضائع.',
    'ولد أحمد الخطيب قرب اللاذقية عام 1970 ونشأ في جو ملؤه البحر.',
    'وأسس الميناء الحديث القبطان سالم العلي (3 مارس 1931 - 8 أبريل 2019) بعد الحرب.',
    'وصمم المهندس المعماري غوتفريت زيمبا مبنى الجمارك بناء على طلب البلدية.',
  ].join('\n'),
};

describe('short answers by answer type, in English, Indonesian and Arabic sources', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir, { recursive: true });
    for (const [file, text] of Object.entries(ARTICLES)) await writeFile(join(ws.config.seedsDir, file), text);
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws?.cleanup());

  it.each([
    // [answer type, question, short answer as shown, its source span, article]
    ['date (en)', 'When did the harbour of Port Kelan reopen?', '2 March 2024', '2 March 2024', 'harbour.md'],
    ['number (en)', 'How many fishing boats stayed in port?', '1,200 fishing boats', '1,200', 'harbour.md'],
    ['person (en)', 'Who is the harbour master?', 'Lena Ortiz', 'Lena Ortiz', 'harbour.md'],
    ['organisation (en)', 'Who built the new breakwater?', 'Marine Works Ltd', 'Marine Works Ltd', 'harbour.md'],
    ['place (en)', 'Where was the new breakwater built?', 'Valparaiso', 'Valparaiso', 'harbour.md'],
    ['model code (en)', 'What is the new breakwater known as?', 'Seawall-7', 'Seawall-7', 'harbour.md'],
    [
      'definition (en)',
      'What is a breakwater?',
      'barrier that protects a harbour from waves',
      'barrier that protects a harbour from waves',
      'harbour.md',
    ],
    ['date (id)', 'Kapan Pelabuhan Tanjung Emas dibuka kembali?', '12 Januari 2024', '12 Januari 2024', 'pelabuhan.md'],
    ['number (id)', 'Berapa kapal nelayan yang tertahan di dermaga?', '2.500 kapal nelayan', '2.500', 'pelabuhan.md'],
    ['person (id)', 'Siapa kepala pelabuhan?', 'Budi Santoso', 'Budi Santoso', 'pelabuhan.md'],
    ['organisation (id)', 'Siapa yang merakit kapal patroli baru?', 'PT Galangan Samudra', 'PT Galangan Samudra', 'pelabuhan.md'],
    ['place (id)', 'Di mana kapal patroli baru dirakit?', 'Surabaya', 'Surabaya', 'pelabuhan.md'],
    ['model code (id)', 'Apa nama kapal patroli baru?', 'KN-301', 'KN-301', 'pelabuhan.md'],
    [
      'definition (id)',
      'Apa itu dermaga?',
      'tempat kapal bersandar untuk bongkar muat barang',
      'tempat kapal bersandar untuk bongkar muat barang',
      'pelabuhan.md',
    ],
    ['date (ar)', 'متى أعيد افتتاح ميناء طرطوس؟', '5 مايو 2024', '5 مايو 2024', 'mina.md'],
    ['number in Arabic-Indic digits (ar)', 'كم سفينة صيد بقيت في الأرصفة؟', '3,000 سفينة صيد', '٣٠٠٠', 'mina.md'],
    ['person (ar)', 'من مدير ميناء طرطوس؟', 'أحمد الخطيب', 'أحمد الخطيب', 'mina.md'],
    ['model code (ar)', 'ما طراز منظومة الرادار الساحلي الجديدة؟', 'إس-400', 'إس-400', 'mina.md'],
    ['place, not the words after "in" (ar)', 'أين ولد أحمد الخطيب؟', 'اللاذقية', 'اللاذقية', 'mina.md'],
    ['date that ends a range (ar)', 'متى توفي القبطان سالم العلي؟', '8 أبريل 2019', '8 أبريل 2019', 'mina.md'],
    ['date that begins a range (ar)', 'متى ولد القبطان سالم العلي؟', '3 مارس 1931', '3 مارس 1931', 'mina.md'],
    ['date after "meninggal", not after "lahir" (id)', 'Kapan Kapten Arif Rahman meninggal?', '9 Juni 2020', '9 Juni 2020', 'pelabuhan.md'],
    ['number that counts the noun asked about (id)', 'Berapa jumlah kelurahan di Kabupaten Kendal?', '20 kelurahan', '20', 'pelabuhan.md'],
    ['number in a unit of what is measured (id)', 'Berapa luas wilayah pesisir Kendal?', '42 km²', '42 km²', 'pelabuhan.md'],
    ['year that ends a range said in words (id)', 'Kapan pemakaian jembatan kayu yang lama berakhir?', '1985', '1985', 'pelabuhan.md'],
    ['named thing, not the word for its kind (id)', 'Apa kota pelabuhan terbesar di Papua Barat?', 'Sorong', 'Sorong', 'pelabuhan.md'],
    [
      'person the sentence is about, not the title beside it (id)',
      'Siapakah istri Bambang Wijaya?',
      'Siti Rahmawati Putri',
      'Siti Rahmawati Putri',
      'pelabuhan.md',
    ],
    ['named thing a sentence opens with, before its copula (id)', 'Apa nama mata uang Rusia?', 'Rubel', 'Rubel', 'pelabuhan.md'],
    ['named thing (en)', 'What newspaper first reported the damage?', 'Kelan Gazette', 'Kelan Gazette', 'harbour.md'],
    ['named thing (id)', 'Apakah nama gereja tertua di Semarang?', 'Blenduk', 'Blenduk', 'pelabuhan.md'],
    ['foreign name spelled out, not the words beside it (ar)', 'من صمم مبنى الجمارك؟', 'غوتفريت زيمبا', 'غوتفريت زيمبا', 'mina.md'],
    ['definition (ar)', 'ما هو الرصيف؟', 'منصة يرسو عندها القارب لتحميل البضائع', 'منصة يرسو عندها القارب لتحميل البضائع', 'mina.md'],
  ])('GIVEN a %s question THEN the answer leads with the fact from its article', async (_type, question, text, source, article) => {
    const answer = await answerQuestion(index, question);
    expect(answer.shortAnswer).toEqual({ text, source, n: expect.any(Number) });
    const cited = answer.citations.find((c) => c.n === answer.shortAnswer!.n)!;
    expect(cited.sourceId).toBe(article);
    expect(cited.passages.some((p) => p.passage.includes(source))).toBe(true);
    expect(answer.answer!.startsWith(`${text} — `)).toBe(true);
  });

  it.each([
    // An English asker over Indonesian and Arabic articles: numbers, dates and codes in English terms.
    ['an Indonesian count', 'How many boats did Budi Santoso say were held?', /^2,500 kapal nelayan$/],
    ['an Indonesian date', 'When did the Tanjung Emas port reopen?', /^12 January 2024$/],
    ['an Arabic model code', 'Which coastal radar system arrived in Tartus?', /^S-400$/],
    ['an Arabic name', 'Who is the director of the port of Tartus?', /^[A-Z][a-z]+ [A-Z][a-z]+$/],
  ])('GIVEN an English question about %s THEN the short answer is written for an English reader', async (_what, question, shown) => {
    const answer = await answerQuestion(index, question);
    expect(answer.shortAnswer?.text).toMatch(shown);
  });

  it('GIVEN a question whose only candidate span repeats its own words THEN there is no short answer, and the sentence answers', async () => {
    const answer = await answerQuestion(index, 'Why did the storm close Port Kelan harbour?');
    expect(answer.shortAnswer).toBeUndefined();
    expect(answer.answer).toContain('Port Kelan');
  });
});
