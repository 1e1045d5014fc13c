import { join } from 'node:path';
import { LEXICON_GENERATOR_VERSION, serializeLexicon, type LexiconHeader } from '../lexiconFile.js';
import { buildLexiconLines } from './buildLexiconLines.js';
import { describeDictdSource } from './describeDictdSource.js';
import { readDictd } from './readDictd.js';

/** One FreeDict pair to generate: `freedict-<pair>` in the dictd folder, from Debian package `package`. */
export type LexiconSource = { pair: string; from: string; to: string; package: string };

export type GenerateOptions = {
  /** Where the .index and .dict.dz files are (/usr/share/dictd). */
  dictdDir: string;
  /** Where the packages' changelog and copyright are (/usr/share/doc). */
  docDir: string;
};

/** The lexicon file's text for one installed dictionary (deterministic: the same package gives the same bytes). */
export async function generateLexiconFile(
  source: LexiconSource,
  { dictdDir, docDir }: GenerateOptions,
): Promise<{ header: LexiconHeader; text: string }> {
  const dictd = await readDictd(join(dictdDir, `freedict-${source.pair}`));
  const described = await describeDictdSource(join(docDir, source.package), source.pair, dictd.info);
  const lines = buildLexiconLines(dictd.entries, source.from);
  const header: LexiconHeader = {
    format: 'newsdesk-lexicon',
    generator: LEXICON_GENERATOR_VERSION,
    pair: source.pair,
    from: source.from,
    to: source.to,
    package: source.package,
    ...described,
    headwords: lines.length,
  };
  return { header, text: serializeLexicon(header, lines) };
}
