import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLexiconFile, type LexiconSource } from '../../../../ingest/text/lexicon/build/generateLexiconFile.js';
import { LEXICON_GENERATOR_VERSION } from '../../../../ingest/text/lexicon/lexiconFile.js';
import { openLexiconShelf } from '../../../../ingest/text/lexicon/loadLexicon.js';

/** A dictd index number: base64 digits, most significant first. */
function base64Number(n: number): string {
  const digits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  do {
    out = digits[n % 64]! + out;
    n = Math.floor(n / 64);
  } while (n > 0);
  return out;
}

/** Writes `freedict-<pair>.index` and `.dict.dz` (gzip, as dictzip is) for `[index headword, entry text]` pairs. */
async function writeDictd(dir: string, pair: string, entries: readonly (readonly [string, string])[]): Promise<void> {
  const chunks: Buffer[] = [];
  const index: string[] = [];
  let offset = 0;
  for (const [headword, text] of entries) {
    const bytes = Buffer.from(text, 'utf8');
    index.push(`${headword}\t${base64Number(offset)}\t${base64Number(bytes.length)}`);
    chunks.push(bytes);
    offset += bytes.length;
  }
  await writeFile(join(dir, `freedict-${pair}.index`), `${index.join('\n')}\n`);
  await writeFile(join(dir, `freedict-${pair}.dict.dz`), gzipSync(Buffer.concat(chunks)));
}

/** The package's /usr/share/doc files the generator reads its version and licence from. */
async function writeDocs(docDir: string, pkg: string, pair: string, licence: string): Promise<void> {
  await mkdir(join(docDir, pkg), { recursive: true });
  await writeFile(
    join(docDir, pkg, 'changelog.Debian.gz'),
    gzipSync('freedict (2022.04.21-1) unstable; urgency=medium\n\n  * new upstream\n'),
  );
  const stanzas = [
    `Files: debian/*\nCopyright: someone\nLicense: GPL-3+`,
    `Files: ${pair}/*\nCopyright: 2000-2022 FreeDict contributors\nLicense: ${licence}`,
  ];
  await writeFile(
    join(docDir, pkg, 'copyright'),
    `Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\n${stanzas.join('\n\n')}\n`,
  );
}

const SOURCE: LexiconSource = { pair: 'eng-ind', from: 'en', to: 'id', package: 'dict-freedict-eng-ind' };

/** One entry in each layout the FreeDict dictionaries use (see parseDictdEntry). */
const ENTRIES = [
  ['00databaseinfo', '00-database-info\nTest dictionary\n\nEdition: 2022.11.18\nSize: 7 headwords\n'],
  // WikDict: one line of renderings, then an English gloss.
  ['government', 'government //ˈɡʌvənmənt// <n>\npemerintah\nbody with the power to make and/or enforce laws\n'],
  // WikDict: numbered senses, glosses, and " 2." marking a further sense that shares renderings.
  [
    'know',
    'know //noʊ// <v>\n1. kenal, tahu\n2. kenal\nbe acquainted or familiar with\n3. tahu 2.\nbe certain or sure about (something)\n 3.\nhave knowledge of\n',
  ],
  // A second entry for the same headword (another part of speech): merged after the first.
  ['know', 'know /nəʊ/ <n>\npengetahuan\n'],
  // Ding: annotations in brackets, indented examples and cross-references.
  [
    'soldier',
    'soldier /sˈəʊldʒə/\nSoldat <masc>, Kriegsknecht <masc> [obs.]  [mil.]\n      "common soldier"  - gemeiner Soldat\n see: {soldiers}, {common soldier}\n\n',
  ],
  // The Turkish dictionary runs examples on after a full stop.
  ['army', 'army /ˈɑːmi/\n1. kara ordusu, ordu. army commander orgeneral.\n'],
  // Arabeyes: a capitalised headword, Arabic commas, and a definition too long to be a rendering.
  ['not', 'Not /nɒt/\nليس، أداة نفي، كلمة تستعمل لنفي الفعل في الجملة\n'],
  // A phrase: questions are looked up word by word, so it is left out.
  ['fountain pen', 'fountain pen /fˈaʊntɪn pˈɛn/ <n>\npulpen\npen containing a reservoir of ink\n'],
] as const;

describe('generateLexiconFile on a dictd dictionary the test writes', () => {
  let root: string;
  let dictdDir: string;
  let docDir: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'newsdesk-lexicon-'));
    dictdDir = join(root, 'dictd');
    docDir = join(root, 'doc');
    await mkdir(dictdDir);
    await writeDictd(dictdDir, 'eng-ind', ENTRIES);
    await writeDocs(docDir, SOURCE.package, 'eng-ind', 'CC-BY-SA-3.0');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('GIVEN entries in every layout THEN one line per single-word headword, keyed by its English stem, renderings in order', async () => {
    const { text } = await generateLexiconFile(SOURCE, { dictdDir, docDir });
    const lines = text.split('\n').slice(1, -1);
    expect(lines).toEqual([
      'armi\tarmy\tkara ordusu|ordu',
      'govern\tgovernment\tpemerintah',
      'know\tknow\tkenal|tahu|pengetahuan',
      'not\tNot\tليس|أداة نفي',
      'soldier\tsoldier\tSoldat|Kriegsknecht',
    ]);
  });

  it('GIVEN the package docs THEN the header records source, version, edition, licence and generator version', async () => {
    const { header, text } = await generateLexiconFile(SOURCE, { dictdDir, docDir });
    expect(header).toEqual({
      format: 'newsdesk-lexicon',
      generator: LEXICON_GENERATOR_VERSION,
      pair: 'eng-ind',
      from: 'en',
      to: 'id',
      package: 'dict-freedict-eng-ind',
      packageVersion: '2022.04.21-1',
      edition: '2022.11.18',
      licence: 'CC-BY-SA-3.0',
      headwords: 5,
    });
    expect(text.startsWith(`# ${JSON.stringify(header)}\n`)).toBe(true);
  });

  it('GIVEN the same dictionary twice THEN the same bytes', async () => {
    const [a, b] = await Promise.all([
      generateLexiconFile(SOURCE, { dictdDir, docDir }),
      generateLexiconFile(SOURCE, { dictdDir, docDir }),
    ]);
    expect(a.text).toBe(b.text);
  });

  it('GIVEN the generated file THEN the loader finds each headword under its key', async () => {
    const dataDir = join(root, 'data');
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, 'eng-ind.tsv'), (await generateLexiconFile(SOURCE, { dictdDir, docDir })).text);
    const shelf = openLexiconShelf(dataDir);
    expect(shelf.targets('en')).toEqual(['id']);
    expect(shelf.get('en', 'id')!.entries('know')).toEqual([{ headword: 'know', renderings: ['kenal', 'tahu', 'pengetahuan'] }]);
    expect(shelf.get('en', 'id')!.entries('pen')).toEqual([]);
    expect(shelf.get('en', 'ar')).toBeUndefined();
  });

  it('GIVEN a malformed index line THEN the error names the file and line', async () => {
    const dir = join(root, 'broken');
    await mkdir(dir, { recursive: true });
    await writeDictd(dir, 'eng-ind', ENTRIES.slice(0, 2));
    await writeFile(join(dir, 'freedict-eng-ind.index'), '00databaseinfo\tA\tBm\nknow\tAB\n');
    await expect(generateLexiconFile(SOURCE, { dictdDir: dir, docDir })).rejects.toThrow(
      /freedict-eng-ind\.index:2: expected "headword<TAB>offset<TAB>length"/,
    );
  });

  it('GIVEN a lexicon file with a bad header field THEN loading names the file and the field', async () => {
    const dir = join(root, 'bad-header');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'eng-xxx.tsv'),
      '# {"format":"newsdesk-lexicon","generator":1,"pair":"eng","from":"en","to":"xx"}\nk\th\tr\n',
    );
    expect(() => openLexiconShelf(dir)).toThrow(/eng-xxx\.tsv: [\s\S]*pair/);
  });
});
