import { cleanLabel } from '../../ingest/text/stripControls.js';
import type { Answer, Citation } from './answerQuestion.js';

export const NO_ANSWER_TEXT = 'I found nothing about that in the articles I have.';

/** How much of each cited passage is shown under its article. */
const PASSAGE_PREVIEW_CHARS = 90;

/** "Công Luận · 2023-12-05 · id · https://…": what a reader needs to find the source. */
export function describeCitation(citation: Citation): string {
  return [citation.publisher, citation.published, citation.language, citation.url].filter(Boolean).map(String).map(cleanLabel).join(' · ');
}

/** The opening of a passage on one line, cut at a word. */
export function previewPassage(passage: string, maxChars = PASSAGE_PREVIEW_CHARS): string {
  const line = passage.replace(/\s+/g, ' ').trim();
  if (line.length <= maxChars) return line;
  const space = line.lastIndexOf(' ', maxChars - 1);
  return `${line.slice(0, space > maxChars / 2 ? space : maxChars - 1)} …`;
}

/** "(about: Niger, EU cooperation)": what a follow-up was understood to be about. */
export function describeAbout(about: readonly string[]): string {
  return `(about: ${about.join(', ')})`;
}

/**
 * The answer and its sources as plain text, for terminals: one numbered line per article, the
 * passages used listed under it.
 */
export function formatAnswerText(answer: Answer): string {
  const about = answer.about?.length ? `${describeAbout(answer.about)}\n` : '';
  if (!answer.answer) return `${about}${NO_ANSWER_TEXT}`;
  const sources = answer.citations.map((c) => {
    const others = c.alsoReportedBy?.map((o) => cleanLabel(o.publisher ?? o.title)).join(', ');
    const passages = c.passages.map((p) => `    ¶ ${previewPassage(p.passage)}`);
    return [`[${c.n}] ${cleanLabel(c.title)} — ${describeCitation(c)}${others ? ` (also reported by ${others})` : ''}`, ...passages].join(
      '\n',
    );
  });
  return `${about}${answer.answer}\n\n${sources.join('\n')}`;
}
