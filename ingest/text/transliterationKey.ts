import { ARABIC_PARTICLES, stripArabicArticle } from './arabicPrefixes.js';
import { isArabicScript } from './foldText.js';

/**
 * Cross-script name keys: the consonant skeleton of a word, spelled the same way whether the
 * word is written in Latin or Arabic letters, so "Peskov" and "بيسكوف" (b-s-k-f), "Bazoum" and
 * "بازوم" (b-s-m), "Panthers" and "بانثرز" (b-n-t-r-s) meet. Vowels, and the letters that stand
 * for them or for nothing in the other script (h, w, y; ا و ي ه ح ع ء), are dropped; consonants
 * fall into classes that survive transliteration both ways (p/b → b; v/f → f; g/j/k/q/c → k;
 * s/z/sh → s; th/t → t; dh/d → d).
 */

/** Arabic letters (after `foldText`) to their consonant class; letters not listed are dropped. */
const ARABIC_CLASSES: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: 't',
  ط: 't',
  ج: 'k',
  چ: 's',
  خ: 'k',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ظ: 'd',
  ر: 'r',
  ز: 's',
  س: 's',
  ش: 's',
  ص: 's',
  غ: 'k',
  ف: 'f',
  ڤ: 'f',
  ق: 'k',
  ك: 'k',
  گ: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
};

/** Latin letter groups, longest first, to their consonant class ('' drops them). */
const LATIN_DIGRAPHS: [string, string][] = [
  ['sch', 's'],
  ['tch', 's'],
  ['sh', 's'],
  ['ch', 's'],
  ['zh', 's'],
  ['th', 't'],
  ['dh', 'd'],
  ['ph', 'f'],
  ['kh', 'k'],
  ['gh', 'k'],
  ['ck', 'k'],
  ['qu', 'k'],
  ['x', 'ks'],
];
const LATIN_CLASSES: Record<string, string> = {
  b: 'b',
  p: 'b',
  t: 't',
  d: 'd',
  f: 'f',
  v: 'f',
  g: 'k',
  j: 'k',
  k: 'k',
  q: 'k',
  s: 's',
  z: 's',
  l: 'l',
  m: 'm',
  n: 'n',
  r: 'r',
};

/** Keys shorter than this match too many unrelated words to be worth a term. */
export const MIN_KEY_LENGTH = 3;

function collapse(classes: string): string {
  return classes.replace(/(.)\1+/g, '$1');
}

function latinSkeleton(word: string): string {
  let out = '';
  for (let i = 0; i < word.length;) {
    const digraph = LATIN_DIGRAPHS.find(([from]) => word.startsWith(from, i));
    if (digraph) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const c = word[i]!;
    // c is soft before e, i, y ("Francis", "Pacific") and hard elsewhere.
    if (c === 'c') out += /[eiy]/.test(word[i + 1] ?? '') ? 's' : 'k';
    else out += LATIN_CLASSES[c] ?? '';
    i += 1;
  }
  return collapse(out);
}

function arabicSkeleton(word: string): string {
  let out = '';
  for (const c of word) out += ARABIC_CLASSES[c] ?? '';
  return collapse(out);
}

/**
 * The skeleton keys of a folded word (lower case, Arabic normalised): one for a Latin word (and
 * one without an English plural -s), one for an Arabic word without its article and, when it
 * starts with an attached particle, one without it. Keys shorter than MIN_KEY_LENGTH are left out.
 */
export function transliterationKeys(folded: string): string[] {
  const keys = new Set<string>();
  if (isArabicScript(folded)) {
    const withoutArticle = stripArabicArticle(folded);
    keys.add(arabicSkeleton(withoutArticle ?? folded));
    if (withoutArticle === null && ARABIC_PARTICLES.has(folded[0]!) && folded.length > 3) keys.add(arabicSkeleton(folded.slice(1)));
  } else if (/^[a-z]+$/.test(folded)) {
    keys.add(latinSkeleton(folded));
    if (folded.length > 4 && folded.endsWith('s') && !folded.endsWith('ss')) keys.add(latinSkeleton(folded.slice(0, -1)));
  }
  return [...keys].filter((k) => k.length >= MIN_KEY_LENGTH);
}
