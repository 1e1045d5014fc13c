import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../retrieval/answer/answerQuestion.js';
import type { LoadedIndex } from '../../retrieval/open/loadIndex.js';
import { buildSeededIndex, createTempWorkspace, type TempWorkspace } from '../helpers/tempWorkspace.js';

/**
 * One short article in each language a FreeDict eng-* dictionary was generated for beyond the
 * seed pairs, on topics that share no words, and an English question whose words reach only its
 * article through that dictionary (no cognate or name does it alone).
 */
const ARTICLES = [
  {
    language: 'fr',
    text: 'Les pluies ont fait déborder la rivière. Le maire du village a fermé le pont et une centaine de maisons ont été évacuées.',
    question: 'Why did the mayor close the bridge?',
    sentence: 'Le maire du village a fermé le pont',
  },
  {
    language: 'es',
    text: 'El panadero del pueblo subió el precio del pan porque la harina cuesta el doble desde el verano.',
    question: 'Why did the baker make bread dearer?',
    sentence: 'El panadero del pueblo subió el precio del pan',
  },
  {
    language: 'pt',
    text: 'A chuva voltou às lavouras do sul de Minas depois de três meses de seca, e o preço do café caiu.',
    question: 'What happened to the coffee price after the rain?',
    sentence: 'A chuva voltou',
  },
  {
    language: 'it',
    text: 'Un ladro ha portato via dalla chiesa la campana più antica della torre, fusa nel Quattrocento.',
    question: 'What did the thief take from the church tower?',
    sentence: 'Un ladro ha portato via dalla chiesa la campana',
  },
  {
    language: 'de',
    text: 'Die Lokführer streiken seit Montag für höhere Löhne. In ganz Bayern fahren kaum noch Züge.',
    question: 'Why are the train drivers on strike?',
    sentence: 'Die Lokführer streiken',
  },
  {
    language: 'ru',
    text: 'Зимой река замёрзла, и мост через озеро закрыли для машин.',
    question: 'Why was the bridge over the lake closed?',
    sentence: 'мост через озеро закрыли',
  },
  {
    language: 'tr',
    text: 'Gece yaşanan deprem köydeki evlerin yarısını yıktı. Çobanlar sürüleriyle dağa çıktı.',
    question: 'How many houses did the earthquake destroy?',
    sentence: 'deprem köydeki evlerin yarısını yıktı',
  },
];

describe('English questions over articles in the other dictionary languages', () => {
  let ws: TempWorkspace;
  let index: LoadedIndex;
  beforeAll(async () => {
    ws = await createTempWorkspace({ withSeeds: false });
    await mkdir(ws.config.seedsDir, { recursive: true });
    for (const a of ARTICLES)
      await writeFile(
        join(ws.config.seedsDir, `${a.language}.md`),
        `---\ntitle: "${a.language}"\nlanguage: ${a.language}\n---\n\n${a.text}\n`,
      );
    index = await buildSeededIndex(ws);
  });
  afterAll(() => ws?.cleanup());

  it.each(ARTICLES)('GIVEN an article in $language THEN "$question" is answered from it', async ({ language, question, sentence }) => {
    const answer = await answerQuestion(index, question);
    expect(answer.citations[0]?.sourceId).toBe(`${language}.md`);
    expect(answer.answer).toContain(sentence);
  });
});
