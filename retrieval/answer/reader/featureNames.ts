/**
 * The names of the reader's span features (see spanFeatures.ts), in the order of a candidate's
 * vector. A span's kind counts through `fit` and the hand score, and chooses which candidates are
 * weighed at all (see chooseSpan): one-hot kind features let a fit on the eval tracks trade a
 * place for a longer name for "where".
 */
export const SHARED_FEATURES = [
  'handScore',
  'fit',
  'sentenceWeight',
  'sentenceRank0',
  'sentenceRank',
  'passageRank',
  'articleRank',
  'firstSentence',
  'coverage',
  'unmatchedRare',
  'proximity',
  'gap0',
  'neighbours',
  'repeated',
  'brevity',
  'length1',
  'logLength',
  'runsOn',
  'precision',
  'relativeClause',
  'sideAfter',
  'sideBefore',
  'opening',
  'aside',
  'agent',
  'cut',
  'digits',
  'capitalised',
  'definitionQuestion',
  'sentenceLength',
  'knownPlace',
  'compass',
  'window3',
  'window8',
  'unknownWords',
  'unitAsked',
  'unitMeasured',
] as const;
export type SharedFeature = (typeof SHARED_FEATURES)[number];
/**
 * Features that mean something else for each kind of question (length is good in a "what"
 * phrase and bad in a "where" place): each also has a copy per kind, set only for its kind.
 */
export const PER_KIND: readonly SharedFeature[] = [
  'handScore',
  'fit',
  'sentenceWeight',
  'logLength',
  'brevity',
  'length1',
  'capitalised',
  'sideAfter',
  'sideBefore',
  'proximity',
  'gap0',
  'neighbours',
  'window3',
  'window8',
  'digits',
  'repeated',
  'unknownWords',
];
const KIND_BLOCKS = ['when', 'howMany', 'who', 'where', 'which', 'what', 'definition'];
export const FEATURE_NAMES: readonly string[] = [...SHARED_FEATURES, ...KIND_BLOCKS.flatMap((kind) => PER_KIND.map((f) => `${f}@${kind}`))];
export const FEATURE_INDEX = new Map(FEATURE_NAMES.map((name, i) => [name, i]));
