import { stripArabicArticle } from '../arabicPrefixes.js';
import { foldText, isArabicScript } from '../foldText.js';
import { stemWord } from '../stemWord.js';
import { projectLexicons, type LexiconShelf } from './loadLexicon.js';
import { buildCldrLexicon } from './cldrLexicon.js';
import { CORE_LEXICON } from './coreLexicon.js';
import { LEXICON_LANGUAGES as CORE_LANGUAGES, lexiconLanguage } from './translateWord.js';

/**
 * Word → English tables for the word-for-word gloss. The hand lexicon comes first (its words
 * are few but common, and right). Then an English dictionary into the language, read
 * backwards: each single-word rendering points back to the headwords listing it (see Ballot for
 * which wins: "القوات" reads "troop"). The language's own dictionary into English (ara-eng) fills
 * in after it: Arabeyes lists its English renderings alphabetically, so its first is a poorer
 * guess than a headword of eng-ara. A word is looked up as written (folded) in each, and only
 * then by stem in each, a looser match ("كرة", ball, folds and stems like "كره", hate):
 * "pemerintah" is "government" though "memerintah" ("govern") shares its stem.
 */

export type GlossTable = { lookup(folded: string): string | undefined };

/** One source's English for a word: as written, or by stem (a looser match, tried after every source's exact one). */
type Source = { exact(folded: string): string | undefined; byStem(folded: string): string | undefined };

type Candidate = { english: string; rank: number };

/** Keeps, per key, the English word with the best (lowest) rank; the first met wins ties. */
function keepBest(map: Map<string, Candidate>, key: string, candidate: Candidate): void {
  const known = map.get(key);
  if (!known || candidate.rank < known.rank) map.set(key, candidate);
}

/**
 * The key a word is matched "as written" by: folded, and in Arabic without its attached
 * conjunction and article ("والحكومة" is written "الحكومة" in a dictionary), its suffixes kept.
 */
function writtenKey(folded: string): string {
  if (!isArabicScript(folded)) return folded;
  const word = folded.length > 3 && folded.startsWith('و') ? folded.slice(1) : folded;
  return stripArabicArticle(word) ?? word;
}

function sourceOf(exact: Map<string, Candidate>, stems: Map<string, Candidate>, language: string): Source {
  return { exact: (folded) => exact.get(writtenKey(folded))?.english, byStem: (folded) => stems.get(stemWord(folded, language))?.english };
}

/** The hand lexicon and CLDR names (see translateWord): few words, but the common ones, and right. */
function sourceFromCoreLexicon(language: string): Source | undefined {
  const column = CORE_LANGUAGES.indexOf(language as (typeof CORE_LANGUAGES)[number]);
  if (column <= 0) return undefined;
  const exact = new Map<string, Candidate>();
  const stems = new Map<string, Candidate>();
  for (const line of [...CORE_LEXICON.split('\n'), ...buildCldrLexicon()]) {
    const columns = line.split('|').map((c) => c.trim().split(/\s+/).filter(Boolean));
    const english = columns[0]?.[0];
    if (columns.length !== CORE_LANGUAGES.length || !english) continue;
    for (const word of columns[column]!) {
      const folded = foldText(word);
      keepBest(exact, writtenKey(folded), { english, rank: 0 });
      keepBest(stems, stemWord(folded, language), { english, rank: 0 });
    }
  }
  return sourceOf(exact, stems, language);
}

function sourceFromEnglish(shelf: LexiconShelf, from: string): Source | undefined {
  const lexicon = shelf.get(from, 'en');
  if (!lexicon) return undefined;
  const exact = new Map<string, Candidate>();
  const stems = new Map<string, Candidate>();
  lexicon.forEach((key, { headword, renderings }) => {
    if (!renderings[0]) return;
    const candidate = { english: renderings[0], rank: 0 };
    keepBest(exact, writtenKey(foldText(headword)), candidate);
    keepBest(stems, key, candidate);
  });
  return sourceOf(exact, stems, from);
}

/**
 * Votes for the English a word reads as, from every headword listing it: a headword's vote is
 * worth more the earlier it lists the word, and counts for its stem, so a sense several forms of
 * one English word share ("Troop", "Troops" → "القوات") beats a lone rare headword ("Vis").
 */
class Ballot {
  private readonly votes = new Map<string, Map<string, { weight: number; headword: string }>>();

  vote(word: string, stem: string, headword: string, rank: number): void {
    let byStem = this.votes.get(word);
    if (!byStem) this.votes.set(word, (byStem = new Map()));
    const known = byStem.get(stem);
    const weight = 1 / (1 + rank);
    // The stem's plainest headword is what the gloss shows: the shortest ("troop", not "troops").
    if (!known) byStem.set(stem, { weight, headword });
    else byStem.set(stem, { weight: known.weight + weight, headword: headword.length < known.headword.length ? headword : known.headword });
  }

  winners(): Map<string, Candidate> {
    const out = new Map<string, Candidate>();
    for (const [word, byStem] of this.votes) {
      let best: { weight: number; headword: string } | undefined;
      for (const entry of byStem.values()) if (!best || entry.weight > best.weight) best = entry;
      out.set(word, { english: best!.headword, rank: -best!.weight });
    }
    return out;
  }
}

function sourceFromReverse(shelf: LexiconShelf, to: string): Source | undefined {
  const lexicon = shelf.get('en', to);
  if (!lexicon) return undefined;
  const exact = new Ballot();
  const stems = new Ballot();
  lexicon.forEach((key, { headword, renderings }) => {
    renderings.forEach((rendering, rank) => {
      if (/\s/.test(rendering)) return;
      const folded = foldText(rendering);
      exact.vote(writtenKey(folded), key, headword, rank);
      stems.vote(stemWord(folded, to), key, headword, rank);
    });
  });
  return sourceOf(exact.winners(), stems.winners(), to);
}

/** Every source's exact match in order, then every source's match by stem. */
function chain(sources: readonly (Source | undefined)[]): GlossTable | undefined {
  const present = sources.filter((source): source is Source => source !== undefined);
  if (present.length === 0) return undefined;
  return {
    lookup(folded) {
      for (const source of present) {
        const english = source.exact(folded);
        if (english) return english;
      }
      for (const source of present) {
        const english = source.byStem(folded);
        if (english) return english;
      }
      return undefined;
    },
  };
}

const tables = new WeakMap<LexiconShelf, Map<string, GlossTable | undefined>>();

/** The gloss table for `language` (a BCP 47 tag), built on first use; undefined when no lexicon serves it (English, say). */
export function glossTableFor(language: string, shelf: LexiconShelf = projectLexicons()): GlossTable | undefined {
  const base = lexiconLanguage(language);
  let built = tables.get(shelf);
  if (!built) tables.set(shelf, (built = new Map()));
  if (!built.has(base))
    built.set(
      base,
      base === 'en' ? undefined : chain([sourceFromCoreLexicon(base), sourceFromReverse(shelf, base), sourceFromEnglish(shelf, base)]),
    );
  return built.get(base);
}

/** Whether `language` can be glossed, without building its table (a file list and the core lexicon's columns). */
export function canGloss(language: string, shelf: LexiconShelf = projectLexicons()): boolean {
  const base = lexiconLanguage(language);
  if (base === 'en') return false;
  return (
    CORE_LANGUAGES.includes(base as (typeof CORE_LANGUAGES)[number]) ||
    shelf.targets('en').includes(base) ||
    shelf.targets(base).includes('en')
  );
}
