import { cleanLabel } from '../../ingest/text/stripControls.js';
import type { Answer, Citation } from './answerQuestion.js';

export const NO_ANSWER_TEXT = 'I found nothing about that in the articles I have.';

/** "Công Luận · 2023-12-05 · id · https://…": what a reader needs to find the source. */
export function describeCitation(citation: Citation): string {
  return [citation.publisher, citation.published, citation.language, citation.url].filter(Boolean).map(String).map(cleanLabel).join(' · ');
}

/** The answer and its numbered sources as plain text, for terminals. */
export function formatAnswerText(answer: Answer): string {
  if (!answer.answer) return NO_ANSWER_TEXT;
  const sources = answer.citations.map((c) => {
    const others = c.alsoReportedBy?.map((o) => cleanLabel(o.publisher ?? o.title)).join(', ');
    return `[${c.n}] ${cleanLabel(c.title)} — ${describeCitation(c)}${others ? ` (also reported by ${others})` : ''}`;
  });
  return `${answer.answer}\n\n${sources.join('\n')}`;
}
