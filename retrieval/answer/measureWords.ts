import { foldText } from '../../ingest/text/foldText.js';

/**
 * What an amount question measures, and the units that measure it: "Berapa luas Kabupaten
 * Donggala?" asks for an area ("4275,08 km²", not "16 kecamatan"), "How long did the siege last?"
 * for a duration, "Berapa biaya produksi…" for money. A data table in English, Indonesian and
 * Arabic: question words (folded), then a pattern for the text right after the number (its unit)
 * and right before it (a currency sign).
 */

export type Measure = 'area' | 'length' | 'duration' | 'money' | 'temperature' | 'mass';

const QUESTION_WORDS: Record<Measure, string[]> = {
  area: ['area', 'luas', 'luasnya', 'seluas', 'مساحة', 'مساحه'],
  length: [
    'tall',
    'height',
    'long',
    'length',
    'far',
    'distance',
    'deep',
    'depth',
    'tinggi',
    'panjang',
    'jarak',
    'kedalaman',
    'ارتفاع',
    'طول',
    'مسافة',
    'عمق',
  ],
  duration: ['lama', 'durasi', 'مدة', 'المدة'],
  money: ['cost', 'price', 'budget', 'worth', 'harga', 'biaya', 'anggaran', 'سعر', 'تكلفة', 'كلفة', 'ميزانية'],
  temperature: ['temperature', 'suhu', 'حرارة'],
  mass: ['weigh', 'weight', 'berat', 'وزن'],
};

/** "How long…" asks for a duration unless a thing's length is named ("how long is the river"). */
const HOW_LONG = /(?:^|\s)how long (?:did|does|do|was|were|has|have|had|will|would|is it|it)(?:\s|$)/u;

const UNIT_AFTER: Record<Measure, RegExp> = {
  area: /^\s?(?:k?m\s?[2²]|(?:square|sq)\b|ha\b|hektar|hectare|acre|(?:kilo)?meter persegi|km persegi|كم\s?[2²]|(?:كيلو)?متر مربع|هكتار|فدان|ميلا? مربع)/iu,
  length: /^\s?(?:k?m\b|cm\b|mm\b|mdpl|(?:kilo|centi)?met(?:er|re)s?\b|mil(?:e|es)?\b|kaki|feet|foot|ft\b|كم\b|كيلومتر|متر|ميل|قدم)/iu,
  duration:
    /^\s?(?:tahun|bulan|minggu|hari|jam|menit|detik|abad|years?|months?|weeks?|days?|hours?|minutes?|seconds?|centur(?:y|ies)|سن(?:ة|ه|وات)|اعوام|أعوام|عام|شهر|أشهر|اشهر|أسابيع|أسبوع|يوم|أيام|ايام|ساعة|ساعات|دقيقة|دقائق|قرن)/iu,
  money:
    /^\s?(?:(?:juta|miliar|triliun|million|billion|ribu|thousand)\s)?(?:dolar|dollars?|rupiah|euro|pounds?|yen|usd|rp|دولار|جنيه|ريال|يورو|درهم|دينار)/iu,
  temperature: /^\s?(?:°|º|derajat|degrees?|درج)/iu,
  mass: /^\s?(?:kg\b|kilogram|gram|g\b|ton|tonnes?|pounds?|lbs?\b|كغ|كيلوغرام|غرام|طن)/iu,
};
/** A currency before the number: "$24 juta", "Rp 5.000", "US$ 3". */
const MONEY_BEFORE = /(?:[$€£¥]|rp\.?|usd|us\$)\s?$/iu;

const BY_WORD = new Map<string, Measure>(
  (Object.entries(QUESTION_WORDS) as [Measure, string[]][]).flatMap(([measure, words]) =>
    words.map((w) => [foldText(w), measure] as const),
  ),
);

/** The measure a folded amount question asks for, or null when it counts things. */
export function measureOf(folded: string): Measure | null {
  if (HOW_LONG.test(folded)) return 'duration';
  for (const word of folded.split(' ')) {
    const measure = BY_WORD.get(word);
    if (measure) return measure;
  }
  return null;
}

/** Whether the text around a number (`before` it, `after` it) gives it a unit of this measure. */
export function hasUnitOf(measure: Measure, before: string, after: string): boolean {
  return UNIT_AFTER[measure].test(after) || (measure === 'money' && MONEY_BEFORE.test(before));
}
