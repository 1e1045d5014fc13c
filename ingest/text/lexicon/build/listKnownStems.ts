import { foldText } from '../../foldText.js';
import { stemWord } from '../../stemWord.js';
import { tokenizeText } from '../../tokenizeText.js';
import type { KnownWordsHeader } from '../knownWordsFile.js';
import type { LexiconShelf } from '../loadLexicon.js';

/** The stem of a rendering that is one word as text is tokenised ("/bˈaɪ/" and "pick-up" are not), or undefined. */
export function stemOfRendering(rendering: string, language: string): string | undefined {
  const tokens = tokenizeText(rendering);
  return tokens.length === 1 && tokens[0]!.folded === foldText(rendering) ? stemWord(tokens[0]!.folded, language) : undefined;
}

/**
 * The stems of `language` some dictionary on the shelf has English for, as the gloss table
 * finds them (buildGlossTables): every single-word rendering of the English dictionary into the
 * language (those a sentence's word can be), and every headword of the language's own
 * dictionary into English. Sorted, with the pairs they come from; undefined when the shelf has
 * neither.
 */
export function listKnownStems(
  shelf: LexiconShelf,
  language: string,
): { sources: KnownWordsHeader['sources']; stems: string[] } | undefined {
  const stems = new Set<string>();
  const sources: KnownWordsHeader['sources'] = [];
  const into = shelf.get('en', language);
  if (into) {
    sources.push({ pair: into.header.pair, licence: into.header.licence });
    into.forEach((_key, { renderings }) => {
      for (const rendering of renderings) {
        const stem = stemOfRendering(rendering, language);
        if (stem) stems.add(stem);
      }
    });
  }
  const from = shelf.get(language, 'en');
  if (from) {
    sources.push({ pair: from.header.pair, licence: from.header.licence });
    from.forEach((key, { renderings }) => {
      if (renderings[0]) stems.add(key);
    });
  }
  return sources.length === 0 ? undefined : { sources, stems: [...stems].sort() };
}
