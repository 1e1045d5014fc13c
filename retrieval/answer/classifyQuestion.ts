import { foldText } from '../../ingest/text/foldText.js';
import { NAME_NOUNS, PLACE_NOUNS, QUANTITY_NOUNS } from './answerNouns.js';
import { measureOf, type Measure } from './measureWords.js';

/**
 * What kind of answer a question asks for, from its question words in English, Indonesian and
 * Arabic (a few other languages for "when"), matched on folded text at word boundaries. The
 * first kind whose cue appears wins, so "what year" is a time and "how many" a number, not a
 * manner. A cue marked `^` must open the question (after a conjunction): Arabic من is "who"
 * only there, "from" elsewhere; English auxiliaries open yes/no questions.
 */

export type QuestionKind = 'when' | 'howMany' | 'where' | 'who' | 'which' | 'why' | 'how' | 'what' | 'yesNo' | 'other';

export type QuestionForm = {
  kind: QuestionKind;
  /** "what is X", "apa itu X", "ما هو X": the answer is what the text says X is. */
  definition: boolean;
  /** A "when" about the end of a span of time ("when did he die?") or its start ("…born?"), else null. */
  edge: 'start' | 'end' | null;
  /** What a "how many"/"how much" measures ("Berapa luas…": an area), else null (it counts things). */
  measure: Measure | null;
};

const CUES: [QuestionKind, string[]][] = [
  [
    'when',
    [
      'when',
      'what date',
      'which date',
      'what day',
      'which day',
      'what year',
      'which year',
      'since when',
      'what time',
      'in what century',
      'what century',
      'which century',
      'what decade',
      'kapan',
      'kapankah',
      'tanggal berapa',
      'tanggal berapakah',
      'bilamana',
      'sejak kapan',
      'tahun berapa',
      'tahun berapakah',
      'tahun apa',
      'hari apa',
      'abad ke berapa',
      'abad keberapa',
      'bulan apa',
      'متي',
      'في اي تاريخ',
      'ما تاريخ',
      'في اي يوم',
      'في اي عام',
      'في اي سنه',
      'في اي قرن',
      'اي عام',
      'اي سنه',
      'ما هو تاريخ',
      'quand',
      'cuando',
      'wann',
      'quando',
      'когда',
      'ne zaman',
      'lini',
    ],
  ],
  [
    'howMany',
    [
      'how many',
      'how much',
      'how long',
      'how far',
      'how old',
      'how big',
      'how large',
      'how tall',
      'how high',
      'how deep',
      'how wide',
      'how heavy',
      'how fast',
      'how often',
      'what percentage',
      'what percent',
      'what proportion',
      'what number of',
      'berapa',
      'berapakah',
      'seberapa',
      'كم',
      'بكم',
      'ما عدد',
      'ما هو عدد',
      'ما مقدار',
      'ما نسبه',
      'ما هي نسبه',
      'ما مساحه',
      'ما طول',
      'ما عمر',
      'ما عدد سكان',
    ],
  ],
  [
    'where',
    [
      'where',
      'what country',
      'which country',
      'what city',
      'which city',
      'what place',
      'what region',
      'which region',
      'di mana',
      'dimana',
      'dimanakah',
      'di manakah',
      'ke mana',
      'kemana',
      'dari mana',
      'darimana',
      'dari manakah',
      'negara apa',
      'kota apa',
      'negara mana',
      'kota mana',
      'اين',
      'في اي مكان',
      'في اي بلد',
      'في اي دوله',
      'في اي مدينه',
      'من اين',
      'الي اين',
      'ما هي عاصمه',
      'ما عاصمه',
    ],
  ],
  ['who', ['who', 'whom', 'whose', 'siapa', 'siapakah', '^من', '^لمن', 'من هو', 'من هي', 'من هم']],
  ['why', ['why', 'for what reason', 'mengapa', 'kenapa', 'apa sebab', 'apa alasan', 'لماذا', 'ما سبب', 'ما هو سبب', 'ما هي اسباب']],
  ['how', ['how', 'bagaimana', 'bagaimanakah', 'كيف']],
  ['what', ['what', 'which', 'apa', 'apakah', 'manakah', 'yang mana', 'ما', 'ماذا', 'ماهو', 'ماهي', 'اي', 'ما اسم', 'ما نوع']],
  [
    'yesNo',
    [
      '^is',
      '^are',
      '^was',
      '^were',
      '^do',
      '^does',
      '^did',
      '^can',
      '^could',
      '^will',
      '^would',
      '^has',
      '^have',
      '^had',
      '^should',
      '^هل',
    ],
  ],
];

/** Words a question may open with before its question word: "and who…", "lalu kapan…", "و" attached in Arabic. */
const OPENERS = '(?:(?:and|but|so|also|dan|lalu|terus|kalau|و|ف)\\s+)?';

/**
 * One pattern per kind, its cues as alternatives between one pair of word boundaries: a regex
 * per cue (over a hundred, each with its own Unicode letter classes) took 0.24 s to compile at a
 * process's first question and 1 ms a question until V8 had tiered them all up.
 */
const cuePattern = (cues: readonly string[]): RegExp => {
  const anchored = cues.filter((cue) => cue.startsWith('^')).map((cue) => foldText(cue.slice(1)));
  const anywhere = cues.filter((cue) => !cue.startsWith('^')).map((cue) => foldText(cue));
  const starts = [
    ...(anchored.length > 0 ? [`^${OPENERS}(?:و|ف)?(?:${anchored.join('|')})`] : []),
    ...(anywhere.length > 0 ? [`(?:^|[^\\p{L}\\p{N}])(?:${anywhere.join('|')})`] : []),
  ];
  return new RegExp(`(?:${starts.join('|')})(?:$|[^\\p{L}\\p{N}])`, 'u');
};
const CUE_PATTERNS = CUES.map(([kind, cues]) => [kind, cuePattern(cues)] as const);

const DEFINITION = [
  /^what\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?\p{L}+(?:\s+\p{L}+){0,3}\s*\??$/u,
  /^apa(?:kah)?\s+(?:itu|yang\s+dimaksud(?:\s+dengan)?|pengertian|arti|definisi|defisini|maksud)\s/u,
  /^apa(?:kah)?\s+\p{L}+(?:\s+\p{L}+){0,3}\s+itu\s*\??$/u,
  /^apakah\s+\p{L}+(?:\s+\p{L}+){0,2}\s*\??$/u,
  /^(?:ما|من)\s+(?:هو|هي|هم)\s/u,
  /^(?:ماهو|ماهي)\s/u,
  /^(?:ما\s+)?(?:تعريف|مفهوم|معني)\s/u,
  /^ما\s+(?:المقصود|المراد)\s/u,
];

const WHO_IS_NAME = /^(?:who|siapa(?:kah)?)\s+(?:is|was|are|were|itu|adalah)?\s*\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){0,3}\s*\??$/u;

/**
 * The words that may name what a "what" question asks for: up to four after "what"/"which"/
 * "apa"/"أي" ("What Microsoft CEO…", "What other European Protestant leader…", skipping "is the"),
 * the one before Indonesian "apa" ("Partai apa…"), the one after Arabic "ما اسم"/"ما هي".
 */
const NOUN_WINDOWS = [
  /(?:^|\s)(?:what|which)\s+(?:(?:is|are|was|were)\s+)?(?:(?:the|a|an)\s+)?((?:(?!is |are |was |were |did |does |do |has |have |had |can |could |will |would |of |in |for )[\p{L}\p{N}'’-]+\s*){1,4})/u,
  /(?:^|\s)apa(?:kah)?\s+((?:[\p{L}-]+\s*){1,3})/u,
  /([\p{L}-]+)\s+apa(?:kah)?(?:\s|$)/u,
  /(?:^|\s)(?:اي|ما اسم|ما هو|ما هي)\s+(\p{L}+)/u,
];

/** Words that make "apa"/"ما" ask for a definition whatever noun follows ("Apa itu Penghargaan Nobel?"). */
const DEFINITION_CUE = /(?:^|\s)(?:itu|dimaksud|maksud|arti|definisi|pengertian|تعريف|مفهوم|معني|المقصود|المراد)(?:\s|$)/u;
/** "in which city", "di kota apa", "في أي مدينة": a place. */
const LOCATIVE_BEFORE = /(?:^|\s)(?:in|at|from|di|ke|dari|في|من|الي)\s+(?:what|which|اي)?\s*$/u;

/**
 * "which" when the words naming the answer name a kind of thing ("What company…", "kota apa yang
 * terbesar"), "where" when a kind of place follows "in" ("in which continent"), "howMany" when it
 * is an amount ("What was Warsaw's population…", "What percentage…"). Short questions
 * ("ما هي حرب الخنادق؟") and explicit definitions keep asking what the thing is.
 */
function answerNounKind(folded: string): 'which' | 'where' | 'howMany' | null {
  if (folded.replace(' ?', '').split(' ').length < 5 || DEFINITION_CUE.test(folded)) return null;
  for (const pattern of NOUN_WINDOWS) {
    const match = pattern.exec(folded);
    const words = match?.[1]?.trim().split(/\s+/) ?? [];
    if (words.some((w) => QUANTITY_NOUNS.has(w))) return 'howMany';
    if (words.some((w) => PLACE_NOUNS.has(w)))
      return LOCATIVE_BEFORE.test(folded.slice(0, match!.index + match![0].indexOf(match![1]!))) ? 'where' : 'which';
    if (words.some((w) => NAME_NOUNS.has(w))) return 'which';
  }
  return null;
}

/** Verbs of an end and of a start: in "(9 March 1924 – 21 August 2018)" the second date, or the first. */
const EDGE_WORDS: Record<NonNullable<QuestionForm['edge']>, string[]> = {
  end: ['died', 'die', 'dies', 'death', 'ended', 'end', 'ends', 'dissolved', 'abolished', 'meninggal', 'wafat', 'tewas', 'berakhir'].concat(
    ['berakhirnya', 'dibubarkan', 'توفي', 'توفيت', 'توفى', 'وفاة', 'مات', 'ماتت', 'انتهت', 'انتهى'],
  ),
  start: ['born', 'founded', 'established', 'began', 'begin', 'started', 'opened', 'lahir', 'didirikan', 'berdiri', 'dimulai'].concat([
    'dibentuk',
    'ولد',
    'ولدت',
    'مولد',
    'تأسس',
    'تأسست',
    'تأسيس',
    'بدأ',
    'بدأت',
    'أنشئ',
    'أنشئت',
  ]),
};
const EDGE_OF_WORD = new Map(
  (Object.entries(EDGE_WORDS) as [NonNullable<QuestionForm['edge']>, string[]][]).flatMap(([edge, words]) =>
    words.map((w) => [foldText(w), edge] as const),
  ),
);

/** Whether a folded word says something ended ("توفي", "meninggal") or began ("ولد", "lahir"); an attached و or ف is read through. */
export function edgeOfWord(folded: string): QuestionForm['edge'] {
  return EDGE_OF_WORD.get(folded) ?? (/^[وف]/u.test(folded) && folded.length > 3 ? EDGE_OF_WORD.get(folded.slice(1)) : undefined) ?? null;
}

/** "when did Niger end EU cooperation?" → when; "Berapa jumlah penduduk…" → howMany; "من أسس…" → who. */
export function classifyQuestion(question: string): QuestionForm {
  const folded = foldText(question)
    .replace(/[\u061F?]/g, ' ?')
    .replace(/\s+/g, ' ')
    .trim();
  const found = CUE_PATTERNS.find(([, pattern]) => pattern.test(folded));
  const cued = found?.[0] ?? 'other';
  // "What company…", "Partai apa…": a named thing, not a definition; "What continent…": a place.
  const named = cued === 'what' ? answerNounKind(folded) : null;
  const kind = named ?? cued;
  // "who is Mohamed Bazoum?" asks what he is; "who is the Kremlin spokesman?" asks for a name.
  const definition =
    !named && (kind === 'what' || kind === 'who') && (DEFINITION.some((p) => p.test(folded)) || WHO_IS_NAME.test(question.trim()));
  const edge = kind === 'when' ? (folded.split(' ').map(edgeOfWord).find(Boolean) ?? null) : null;
  return { kind, definition, edge, measure: kind === 'howMany' ? measureOf(folded) : null };
}
