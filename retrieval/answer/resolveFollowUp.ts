import { findNames } from '../../ingest/text/bridgeNames.js';
import { isArabicScript } from '../../ingest/text/foldText.js';
import { irregularBase } from '../../ingest/text/lexicon/englishIrregulars.js';
import { isStopword } from '../../ingest/text/stopwords.js';
import { tokenizeText, type Token } from '../../ingest/text/tokenizeText.js';

/**
 * Follow-ups in a conversation ("and when did the US one end?", "who led it?"): a question that
 * opens with "and"/"dan"/"و", points back ("it", "they", "one", "tersebut"), or names almost
 * nothing is read with the subject of the questions before it. The earlier subject is carried
 * over as phrases (the words of the question that are not question words or its main verb); a
 * name the follow-up gives replaces the earlier question's last name ("the US one" after "EU
 * cooperation" is US cooperation), and what was carried is said back as "(about: …)".
 */

export type ResolvedQuestion = {
  /** What is searched: the question, with the carried subject when it is a follow-up. */
  search: string;
  /** The carried subject, as phrases; null when the question stands alone. */
  about: string[] | null;
};

type Word = { raw: string; folded: string; name: boolean };
type Phrase = Word[];

const LANGUAGES = ['en', 'id', 'ar'];
const OPENERS = /^(?:and|but|also|so|then|what about|how about|dan|lalu|terus|kalau|bagaimana dengan|و|ف)(?:\s|$)/iu;
/** Arabic attaches "and" to the question word: ومتى, ومن. */
const ARABIC_OPENER = /^[وف](?:متى|من|ما|ماذا|كم|اين|أين|لماذا|كيف|هل|أي)/u;
const POINTERS = new Set([
  'it',
  'its',
  'they',
  'them',
  'their',
  'he',
  'him',
  'his',
  'she',
  'her',
  'this',
  'that',
  'these',
  'those',
  'one',
  'ones',
  'there',
  'tersebut',
  'dia',
  'ia',
  'mereka',
  'beliau',
  'ذلك',
  'تلك',
  'هؤلاء',
]);
/** English auxiliaries: after one and its subject comes the main verb ("did Niger *end*…"), which is not the subject. */
const AUXILIARIES = new Set([
  'did',
  'does',
  'do',
  'is',
  'are',
  'was',
  'were',
  'will',
  'can',
  'could',
  'would',
  'should',
  'has',
  'have',
  'had',
]);
/** "is", "was": after these and the subject comes a participle ("was the harbour *reopened*") or a noun ("is the Kremlin *spokesman*"). */
const COPULAS = new Set(['is', 'are', 'was', 'were']);
const isParticiple = (folded: string) => /(?:ed|en|ing)$/.test(folded) || irregularBase(folded) !== undefined;
/** A follow-up naming fewer content words than this leans on the question before. */
const MIN_OWN_WORDS = 2;

const isContent = (token: Token) =>
  token.folded.length > 1 && !POINTERS.has(token.folded) && !LANGUAGES.some((l) => isStopword(token.folded, l));

/** The question's subject as phrases of adjacent content words, names marked, the main verb left out. */
function phrasesOf(tokens: readonly Token[]): Phrase[] {
  const named = new Set<number>();
  for (const name of findNames(tokens)) for (let i = name.from; i < name.to; i++) named.add(i);
  tokens.forEach((t, i) => {
    if (i > 0 && !isArabicScript(t.raw) && /^\p{Lu}/u.test(t.raw) && isContent(t)) named.add(i);
  });
  const aux = tokens.findIndex((t, i) => i < 4 && AUXILIARIES.has(t.folded));
  const verb =
    aux === -1
      ? -1
      : tokens.findIndex(
          (t, i) => i > aux + 1 && isContent(t) && !named.has(i) && (!COPULAS.has(tokens[aux]!.folded) || isParticiple(t.folded)),
        );
  const phrases: Phrase[] = [];
  let current: Phrase = [];
  tokens.forEach((t, i) => {
    if (!isContent(t) || i === verb) {
      if (current.length) phrases.push(current);
      current = [];
      return;
    }
    // A name after a common word starts a phrase of its own ("Niger" in "troops in Niger" is apart already).
    if (current.length && named.has(i) && !current.at(-1)!.name && !named.has(i - 1)) {
      phrases.push(current);
      current = [];
    }
    current.push({ raw: t.raw, folded: t.folded, name: named.has(i) });
  });
  if (current.length) phrases.push(current);
  return phrases;
}

function isFollowUp(question: string, tokens: readonly Token[], own: readonly Phrase[]): boolean {
  const trimmed = question.trim();
  if (OPENERS.test(trimmed) || ARABIC_OPENER.test(trimmed)) return true;
  if (tokens.some((t) => POINTERS.has(t.folded))) return true;
  return own.reduce((n, p) => n + p.length, 0) < MIN_OWN_WORDS;
}

/** Carries the earlier subject into a follow-up; returns the merged subject for the next one too. */
function carry(previous: readonly Phrase[], own: readonly Phrase[]): { carried: Phrase[]; subject: Phrase[] } {
  const ownWords = new Set(own.flat().map((w) => w.folded));
  const names = own.flat().filter((w) => w.name);
  let carried = previous.map((p) => [...p]);
  if (names.length > 0) {
    // The follow-up's name takes the place of the earlier question's last one.
    const at = carried.findLastIndex((p) => p.some((w) => w.name));
    if (at !== -1) {
      const phrase = carried[at]!;
      const first = phrase.findIndex((w) => w.name);
      let last = first;
      while (phrase[last + 1]?.name) last++;
      phrase.splice(first, last - first + 1, ...names);
    }
  }
  carried = carried.map((p) => p.filter((w) => !ownWords.has(w.folded) || w.name)).filter((p) => p.length > 0);
  const carriedWords = new Set(carried.flat().map((w) => w.folded));
  const rest = own.map((p) => p.filter((w) => !carriedWords.has(w.folded))).filter((p) => p.length > 0);
  return { carried, subject: [...carried, ...rest] };
}

/** Reads `question` in the context of the earlier questions of the conversation (oldest first). */
export function resolveFollowUp(question: string, earlier: readonly string[] = []): ResolvedQuestion {
  let subject: Phrase[] = [];
  let result: ResolvedQuestion = { search: question, about: null };
  [...earlier, question].forEach((text, i) => {
    const tokens = tokenizeText(text);
    const own = phrasesOf(tokens);
    if (i === 0 || subject.length === 0 || !isFollowUp(text, tokens, own)) {
      subject = own;
      result = { search: text, about: null };
      return;
    }
    const merged = carry(subject, own);
    subject = merged.subject;
    const about = merged.carried.map((p) => p.map((w) => w.raw).join(' '));
    result = about.length ? { search: `${text} ${about.join(' ')}`, about } : { search: text, about: null };
  });
  return result;
}
