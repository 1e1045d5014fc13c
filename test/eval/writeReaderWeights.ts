import { writeFile } from 'node:fs/promises';
import { FEATURE_NAMES } from '../../retrieval/answer/reader/featureNames.js';

/** Where the bot reads the reader's weights from. */
export const WEIGHTS_FILE = new URL('../../retrieval/answer/reader/readerWeights.ts', import.meta.url);

/** Fitted weights by feature name, rounded (so a refit on the same data writes the same file), zeros left out. */
export function weightsByName(w: Float64Array): Record<string, number> {
  return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, Number(w[i]!.toFixed(4))]).filter(([, x]) => x !== 0));
}

/** Writes the weights as the TypeScript module the reader imports. */
export async function writeReaderWeights(
  weights: Record<string, number>,
  tracks: readonly string[],
  file: URL = WEIGHTS_FILE,
): Promise<void> {
  // Quoted only where a name is no identifier ('logLength@when'), in single quotes, as Prettier writes them.
  const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
  const lines = Object.entries(weights).map(([name, w]) => `  ${key(name)}: ${w},`);
  const source = [
    `/**`,
    ` * The reader's span weights (see spanFeatures.ts), fitted by test/eval/fitReader.ts on the eval`,
    ` * tracks ${tracks.join(', ')}. Do not edit by hand: refit.`,
    ` */`,
    `export const READER_WEIGHTS: Readonly<Record<string, number>> = {`,
    ...lines,
    `};`,
    ``,
  ].join('\n');
  await writeFile(file, source);
}
