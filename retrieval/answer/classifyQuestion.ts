import { foldText } from '../../ingest/text/foldText.js';

/** Question words asking for a time, by language; matched on folded text at word boundaries. */
const WHEN_CUES = [
  'when', 'what date', 'which date', 'what day', 'which day', 'what year', 'which year', 'since when',
  'kapan', 'tanggal berapa', 'bilamana', 'sejak kapan', 'tahun berapa', 'hari apa',
  'متى', 'في اي تاريخ', 'ما تاريخ', 'في اي يوم', 'في اي عام', 'في اي سنه',
  'quand', 'cuando', 'wann', 'quando', 'когда', 'ne zaman', 'lini',
];

const cuePatterns = WHEN_CUES.map((cue) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${foldText(cue)}(?:$|[^\\p{L}\\p{N}])`, 'u'));

export type QuestionKind = 'when' | 'other';

/** "when did Niger end EU cooperation?" → "when": the answer should lead with a date. */
export function classifyQuestion(question: string): QuestionKind {
  const folded = foldText(question);
  return cuePatterns.some((p) => p.test(folded)) ? 'when' : 'other';
}
