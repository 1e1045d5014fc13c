/**
 * Cognate keys for Latin-script languages: a word's first letters after spelling differences
 * between languages are evened out (c/k/q, ph/f, th/t, x/ks, y/i, z/s, v/f, -tion/-si, double
 * letters), so loanwords shared by English and Indonesian meet: president/presiden,
 * military/militer, delegation/delegasi, technology/teknologi, university/universitas.
 */

/** Five letters: enough to tell most words apart, few enough to end before the languages' suffixes. */
export const COGNATE_KEY_LENGTH = 5;

const RULES: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ch/g, 'k'],
  [/qu/g, 'kw'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/z/g, 's'],
  [/v/g, 'f'],
  [/y/g, 'i'],
  // -tion, -tial: nation → nasion, like Indonesian nasional.
  [/t(?=i[ao])/g, 's'],
  [/(.)\1+/g, '$1'],
];

/** The cognate key of a folded Latin-script word, or null when the word is too short to have one. */
export function cognateKey(folded: string): string | null {
  if (folded.length < COGNATE_KEY_LENGTH || !/^[a-z]+$/.test(folded)) return null;
  let word = folded;
  for (const [pattern, replacement] of RULES) word = word.replace(pattern, replacement);
  return word.length >= COGNATE_KEY_LENGTH ? word.slice(0, COGNATE_KEY_LENGTH) : null;
}
