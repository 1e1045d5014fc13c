import { expect } from 'vitest';

const ESC = '\u001b';

/** The name of the hostile seed (long enough that its controls do not make it a binary file), and the question that finds it. */
export const HOSTILE_SEED = 'hostile.txt';
export const HOSTILE_QUESTION = 'Sistem pertahanan udara apa yang diterima Niger dari Rusia di Niamey?';

/**
 * A plain-text article written to attack whoever reads it: a clear-screen and cursor moves, an
 * OSC 8 link showing one text and opening another address, an OSC 52 clipboard write, a DCS string
 * and 8-bit CSI colours, bidi overrides and isolates, zero-width characters in its title and its
 * outlet, Discord mentions of a role, a slash command and a live timestamp, a subtext line, a
 * heading, a masked link and a bare link in the body (neither the article's own address).
 */
export const HOSTILE_TEXT = [
  `Niger menerima rudal${ESC}[2J S-300 \u202eusuR irad\u202c dan pelatih militer\u200d`,
  '',
  'Kantor Berita Niamey\u2067\u200b 05/12/2023',
  '',
  `Pemerintah Niger menerima sistem pertahanan udara S-300 dari Rusia di Niamey.${ESC}[2J${ESC}[H Pesawat Ilyushin mendarat membawa pelatih militer dan peralatan, kata <@&123456789012345678> dan </ask:1> pada <t:0:R>. Klik ${ESC}]8;;https://evil.example/osc8${ESC}\\tautan resmi${ESC}]8;;${ESC}\\ untuk detail ${ESC}]52;c;ZWNobyBwd25lZA==\u0007 lebih lanjut, atau [situs pemerintah](https://evil.example/masked) dan https://evil.example/body-link.`,
  '',
  '-# catatan kecil: rudal S-300 tiba bersama pelatih militer Rusia di Niamey\u200d\u2066 minggu lalu',
  '',
  'Televisi pemerintah Niger menayangkan pesawat Ilyushin-76 yang mendarat di bandara Niamey dengan personel militer dan peralatan yang tidak diungkapkan, termasuk sistem pertahanan udara yang diyakini sebagai S-300. Kedatangan ini menyusul keputusan Niger untuk mengakhiri perjanjian kerja sama militer dengan Prancis dan Amerika Serikat, yang sebelumnya menempatkan pasukan di negara itu untuk operasi melawan kelompok bersenjata di kawasan Sahel.',
  '',
  'Para analis menilai langkah tersebut sebagai pergeseran besar dalam kemitraan pertahanan Niger, yang kini mencari mitra baru untuk pelatihan militer, peralatan dan keamanan regional setelah kudeta tahun lalu. Pemerintah di Niamey menyatakan bahwa kerja sama dengan Rusia akan mencakup pelatihan, pemeliharaan peralatan dan pertukaran informasi intelijen.',
  '',
  `# Judul palsu tentang sistem pertahanan udara S-300 dan pelatih militer \u009b31m merah\u009b0m di Niamey, serta ${ESC}P+q${ESC}\\ dan \u202ebalik\u202c.`,
].join('\n');

/** Controls that act on a terminal or reorder a line: C0 but tab and line feed, DEL, C1, bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
export const ACTIVE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Characters nobody can see: bidi marks, zero-width spaces and joiners, word joiner, BOM. */
export const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u061c]/;

/** Every string inside a JSON value (a Discord payload), with the path to it. */
export function stringsIn(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  return [];
}

/** Asserts that `text` (terminal output) carries no control character and no escape sequence. */
export function expectInertOnTerminal(text: string): void {
  expect(text).not.toMatch(ACTIVE_CONTROLS);
  // The OSC 52 payload and the OSC 8 target went with their sequences, not left behind as text.
  expect(text).not.toContain('ZWNobyBwd25lZA==');
  expect(text).not.toContain('evil.example/osc8');
}

/**
 * Asserts that a Discord payload shows the hostile article as text: no control, no mention,
 * command, timestamp, subtext, heading or masked link left unescaped.
 */
export function expectInertOnDiscord(body: unknown): void {
  for (const { path, text } of stringsIn(body)) {
    expect(text, path).not.toMatch(ACTIVE_CONTROLS);
    expect(text, path).not.toMatch(/(?<!\\)<(?:@&?\d|\/ask:|t:\d|#\d)/);
    expect(text, path).not.toMatch(/^ *(?:-# |#{1,3} )/m);
    expect(text, path).not.toMatch(/(?<!\\)\[situs pemerintah\]\(/);
    expect(text, path).not.toContain('ZWNobyBwd25lZA==');
    expect(text, path).not.toContain('evil.example/osc8');
    // The citation links to no address the body merely mentions.
    expect(text, path).not.toMatch(/(?<!\\)\[[^\]]*\]\(<?https:\/\/evil\.example/);
    if (path.endsWith('.url')) expect(text, path).not.toContain('evil.example');
  }
}
