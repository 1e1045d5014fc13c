import { foldText } from '../../../ingest/text/foldText.js';
import { cleanLabel } from '../../../ingest/text/stripControls.js';
import type { LoadedIndex } from '../../../retrieval/open/loadIndex.js';

/** An autocomplete suggestion: `name` is shown, `value` is what the option receives (both ≤ 100 characters). */
export type Choice = { name: string; value: string };

/** Discord shows at most 25 suggestions. */
const MAX_CHOICES = 25;

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

/** Choices whose name contains what the user typed so far (accents and case ignored). */
function matching(choices: Iterable<Choice>, typed: string): Choice[] {
  const needle = foldText(typed.trim());
  const out: Choice[] = [];
  for (const choice of choices) {
    if (choice.value.length > 100 || choice.value.length === 0) continue;
    // Names are article titles and outlets, shown as they are: one line, no control or invisible character.
    const name = cleanLabel(choice.name) || cleanLabel(choice.value);
    if (!name || (needle && !foldText(`${name} ${choice.value}`).includes(needle))) continue;
    out.push({ name: clip(name), value: choice.value });
    if (out.length === MAX_CHOICES) break;
  }
  return out;
}

/** Articles by title, for `/source id:`: the value is the source id. */
export function suggestSourceIds(index: LoadedIndex, typed: string): Choice[] {
  const all = [...index.store.sources].map(([id, s]) => ({ name: [s.title, s.publisher].filter(Boolean).join(' — '), value: id }));
  return matching(all, typed);
}

/** Article titles, for the word filter of `/sources`. */
export function suggestTitles(index: LoadedIndex, typed: string): Choice[] {
  return matching(
    [...index.store.sources.values()].map((s) => ({ name: s.title, value: s.title.slice(0, 100) })),
    typed,
  );
}

/** The archive's languages, named in the reader's locale, for `/sources language:`. */
export function suggestLanguages(index: LoadedIndex, typed: string, describe: (tag: string) => string): Choice[] {
  const tags = [...new Set([...index.store.sources.values()].map((s) => s.language))].sort();
  return matching(
    tags.map((tag) => ({ name: `${describe(tag)} (${tag})`, value: tag })),
    typed,
  );
}

/** The archive's publishers, for `/sources publisher:`. */
export function suggestPublishers(index: LoadedIndex, typed: string): Choice[] {
  const names = [...new Set([...index.store.sources.values()].map((s) => s.publisher ?? s.site).filter((p): p is string => !!p))].sort();
  return matching(
    names.map((name) => ({ name, value: name })),
    typed,
  );
}
