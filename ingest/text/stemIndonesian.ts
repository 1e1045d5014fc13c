import { Stemmer as SastrawiStemmer } from 'sastrawijs';

/**
 * Indonesian (and Malay) stemming by confix stripping checked against Sastrawi's dictionary of
 * root words: every way of taking off particles (-lah, -kah), possessives (-nya, -ku) and
 * suffixes (-kan, -an, -i), then up to three prefixes with their sound changes undone
 * (meN-/peN- before a root that lost its first letter: menulis → tulis, mengelola → kelola,
 * menyapu → sapu), is tried, fewest changes first, and the first root in the dictionary wins.
 * A word with no such root (a name, a new loanword) is left whole. sastrawijs itself undoes the
 * sound changes wrongly for some roots (mengenal → "nal", menempatkan → "empat").
 */

const PARTICLES = ['lah', 'kah', 'tah', 'pun'];
const POSSESSIVES = ['nya', 'ku', 'mu'];
const SUFFIXES = ['kan', 'an', 'i'];
const VOWEL = /^[aiueo]/;
const MAX_PREFIXES = 3;

let dictionary: SastrawiStemmer | undefined;
const isRoot = (word: string) => word.length >= 2 && (dictionary ??= new SastrawiStemmer()).find(word);

/** The word with each combination of its suffixes removed, fewest removed first. */
function withoutSuffixes(word: string): string[] {
  const forms = [word];
  for (const group of [PARTICLES, POSSESSIVES, SUFFIXES]) {
    for (const form of [...forms]) {
      const suffix = group.find((s) => form.endsWith(s) && form.length - s.length >= 3);
      if (suffix) forms.push(form.slice(0, -suffix.length));
    }
  }
  return forms;
}

/** The roots one prefix may have been added to (sound changes undone every possible way). */
function withoutPrefix(word: string): string[] {
  const out: string[] = [];
  const rest = (n: number) => word.slice(n);
  for (const simple of ['di', 'ke', 'se', 'ber', 'ter', 'per']) if (word.startsWith(simple)) out.push(rest(simple.length));
  if (word.startsWith('be')) out.push(rest(2));
  if (word.startsWith('bel') || word.startsWith('pel')) out.push(rest(3));
  if (word.startsWith('te')) out.push(rest(2));
  for (const nasal of ['me', 'pe']) {
    if (!word.startsWith(nasal)) continue;
    const after = word.slice(2);
    if (after.startsWith('ng')) {
      const r = after.slice(2);
      out.push(r);
      if (VOWEL.test(r)) out.push(`k${r}`);
    } else if (after.startsWith('ny')) {
      const r = after.slice(2);
      out.push(`s${r}`, `ny${r}`);
    } else if (after.startsWith('m') || after.startsWith('n')) {
      // Before a vowel the nasal replaced the root's first letter (a vowel root takes meng-).
      const r = after.slice(1);
      if (!VOWEL.test(r)) out.push(r);
      else if (after.startsWith('m')) out.push(`p${r}`, `m${r}`);
      else out.push(`t${r}`, `n${r}`);
    } else {
      out.push(after);
    }
  }
  return out.filter((r) => r.length >= 2);
}

export function stemIndonesian(word: string): string {
  if (word.length <= 3 || isRoot(word)) return word;
  let level = withoutSuffixes(word);
  for (const form of level.slice(1)) if (isRoot(form)) return form;
  for (let depth = 0; depth < MAX_PREFIXES; depth++) {
    const next: string[] = [];
    for (const form of level) {
      for (const root of withoutPrefix(form)) {
        if (isRoot(root)) return root;
        next.push(root);
      }
    }
    // A prefix can also come before suffixes that were not split off above ("pe-rintah-an").
    for (const form of next) for (const stripped of withoutSuffixes(form).slice(1)) if (isRoot(stripped)) return stripped;
    level = next;
  }
  return word;
}
