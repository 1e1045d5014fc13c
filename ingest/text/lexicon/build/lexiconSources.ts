import type { LexiconSource } from './generateLexiconFile.js';

/**
 * The FreeDict dictionaries the lexicon is generated from: the seed languages' (Indonesian,
 * Arabic both ways, for the gloss), then every other eng-* pair in Debian for a language a news
 * archive is likely to hold and the project can stem (Snowball). Each becomes data/<pair>.tsv.
 */
export const LEXICON_SOURCES: readonly LexiconSource[] = [
  { pair: 'eng-ind', from: 'en', to: 'id', package: 'dict-freedict-eng-ind' },
  { pair: 'eng-ara', from: 'en', to: 'ar', package: 'dict-freedict-eng-ara' },
  { pair: 'ara-eng', from: 'ar', to: 'en', package: 'dict-freedict-ara-eng' },
  { pair: 'eng-fra', from: 'en', to: 'fr', package: 'dict-freedict-eng-fra' },
  { pair: 'eng-spa', from: 'en', to: 'es', package: 'dict-freedict-eng-spa' },
  { pair: 'eng-por', from: 'en', to: 'pt', package: 'dict-freedict-eng-por' },
  { pair: 'eng-ita', from: 'en', to: 'it', package: 'dict-freedict-eng-ita' },
  { pair: 'eng-deu', from: 'en', to: 'de', package: 'dict-freedict-eng-deu' },
  { pair: 'eng-rus', from: 'en', to: 'ru', package: 'dict-freedict-eng-rus' },
  { pair: 'eng-tur', from: 'en', to: 'tr', package: 'dict-freedict-eng-tur' },
];
