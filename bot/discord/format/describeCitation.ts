import type { Citation } from '../../../retrieval/answer/answerQuestion.js';
import { previewPassage } from '../../../retrieval/answer/formatAnswerText.js';
import type { Texts } from '../i18n/texts.js';
import { describeDate } from './describeDate.js';
import { describeLanguage } from './describeLanguage.js';
import { escapeLabel, escapeText, linkText, plainLabel } from './escapeText.js';

/**
 * "Công Luận · 5 Dec 2023 · Indonesian": where and when an article appeared, escaped as Markdown
 * unless `markdown` is false (embed footers show text as it is).
 */
export function describeOrigin(
  source: { publisher: string | null; published: string | null; language?: string },
  texts: Texts,
  markdown = true,
): string {
  return [
    source.publisher ? (markdown ? escapeLabel(source.publisher) : plainLabel(source.publisher)) : null,
    source.published ? describeDate(source.published, texts.locale) : texts.undated,
    source.language ? describeLanguage(source.language, texts.locale) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A cited article as Markdown: the linked title, its origin, the other outlets that carried the
 * story, and the opening of each of its passages the answer used.
 */
export function describeCitation(citation: Citation, texts: Texts): string {
  const lines = [linkText(citation.title, citation.url), describeOrigin(citation, texts)];
  if (citation.alsoReportedBy?.length) {
    const others = citation.alsoReportedBy.map((other) => linkText(other.publisher ?? other.title, other.url));
    lines.push(`${texts.alsoReportedBy} ${others.join(', ')}`);
  }
  for (const { passage } of citation.passages) lines.push(`> ${escapeText(previewPassage(passage))}`);
  return lines.join('\n');
}
