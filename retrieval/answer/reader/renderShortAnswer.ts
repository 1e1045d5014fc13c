import { formatDate } from '../../../ingest/text/findDates.js';
import { foldDigits, isArabicScript } from '../../../ingest/text/foldText.js';
import { tokenizeText } from '../../../ingest/text/tokenizeText.js';
import { transliterationKeys } from '../../../ingest/text/transliterationKey.js';
import type { QueryGroup } from '../../../ingest/text/analyzeText.js';
import { romanizeArabic } from './romanizeArabic.js';
import type { ChosenSpan } from './chooseSpan.js';
import type { SpanCandidate } from './spanTypes.js';

/**
 * The short answer as the asker should read it: numbers in the asker's locale ("1.500" → "1,500"
 * for an English question, with the counted noun in the question's own word), dates written out,
 * countries and organisations by CLDR (`Intl.DisplayNames`) in the asker's language, and, for an
 * asker writing in Latin script, an Arabic name as the question spelled it, else romanised.
 */

export type Asker = {
  question: string;
  /** The question asks for a name ("who", "where"): an Arabic answer is then romanised for a Latin-script asker. */
  wantsName: boolean;
  /** BCP 47 locale to render in ("en-GB", "id", "ar"). */
  locale: string;
  groups: readonly QueryGroup[];
};

const MAX_CHARS = 100;

/** The question's Latin words by their consonant skeleton: "Peskov" answers for بيسكوف. */
function questionSpellings(question: string): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const token of tokenizeText(question)) {
    if (isArabicScript(token.raw) || !/^\p{Lu}/u.test(token.raw)) continue;
    for (const key of transliterationKeys(token.folded)) if (!byKey.has(key)) byKey.set(key, token.raw);
  }
  return byKey;
}

function displayName(concept: string, locale: string): string | undefined {
  const [type, code] = concept.split(':') as [string, string];
  const kind = type === 'r' ? 'region' : type === 'c' ? 'currency' : undefined;
  if (!kind) return undefined;
  try {
    return new Intl.DisplayNames([locale], { type: kind, fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
}

function renderNumber(chosen: ChosenSpan, asker: Asker, latinAsker: boolean): string {
  const { number } = chosen.span;
  const { tokens, text } = chosen.sentence;
  const n = number!;
  const format = n.percent
    ? new Intl.NumberFormat(asker.locale, { style: 'percent', maximumFractionDigits: 2 }).format(n.value / 100)
    : new Intl.NumberFormat(
        asker.locale,
        n.scaled ? { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 } : { maximumFractionDigits: 3 },
      ).format(n.value);
  if (!n.unit) return format;
  const unitTokens = tokens.slice(n.unit.from, n.unit.to);
  const asked = [...new Set(unitTokens.flatMap((t) => (t.group === null ? [] : [asker.groups[t.group]!.surface])))];
  if (asked.length) return `${format} ${asked.join(' ')}`;
  // With its exponent, as the span has it: "km²", "Km2".
  const unitEnd = unitTokens.at(-1)!.end;
  const unit = text.slice(unitTokens[0]!.start, unitEnd) + text.slice(unitEnd).match(/^[\d²³]*/)![0];
  return isArabicScript(unit) === !latinAsker ? `${format} ${unit}` : format;
}

function renderName(span: SpanCandidate, source: string, asker: Asker, latinAsker: boolean, sameLanguage: boolean): string {
  const cldr = span.concept && !sameLanguage ? displayName(span.concept, asker.locale) : undefined;
  if (cldr) return cldr;
  // Romanised common words would be nonsense: only names (and model codes) are spelled out.
  if (!latinAsker || !isArabicScript(source) || (span.kind !== 'code' && !asker.wantsName)) return source;
  const spellings = questionSpellings(asker.question);
  const asked = source.replace(
    /[\u0600-\u06FF]+/g,
    (word) =>
      transliterationKeys(tokenizeText(word)[0]?.folded ?? '')
        .map((k) => spellings.get(k))
        .find(Boolean) ?? word,
  );
  return romanizeArabic(asked);
}

function cut(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  const space = text.lastIndexOf(' ', MAX_CHARS - 1);
  return `${text.slice(0, space > MAX_CHARS / 2 ? space : MAX_CHARS - 1)}…`;
}

/** The text to show for a chosen span; `source` is the span as written. */
export function renderShortAnswer(chosen: ChosenSpan, source: string, asker: Asker): string {
  const latinAsker = !isArabicScript(asker.question);
  const { span, sentence } = chosen;
  const sameLanguage = asker.locale.split('-')[0] === sentence.language.split('-')[0];
  switch (span.kind) {
    case 'date':
      return span.date ? formatDate(span.date, asker.locale) : latinAsker ? romanizeArabic(foldDigits(source)).trim() : source;
    case 'number':
      return renderNumber(chosen, asker, latinAsker);
    case 'name':
    case 'place':
    case 'code':
      return cut(renderName(span, source, asker, latinAsker, sameLanguage));
    default:
      return cut(source);
  }
}
