import type { Answer } from '../../../retrieval/answer/answerQuestion.js';
import { appendJsonl } from './jsonlFile.js';

export type Vote = 'up' | 'down';

/** Appends a 👍/👎 on an answer, with what was asked and cited, to the feedback JSONL file. */
export function recordFeedback(
  path: string,
  entry: { vote: Vote; answer: Answer; userId: string; guildId: string | null; time?: Date },
): Promise<void> {
  const { answer } = entry;
  return appendJsonl(path, {
    time: (entry.time ?? new Date()).toISOString(),
    vote: entry.vote,
    userId: entry.userId,
    guildId: entry.guildId,
    question: answer.question,
    answer: answer.answer,
    citations: answer.citations.map(({ n, sourceId, title, publisher, published, url }) => ({
      n,
      sourceId,
      title,
      publisher,
      published,
      url,
    })),
  });
}
