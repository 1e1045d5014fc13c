import type { Citation } from '../../../retrieval/answer/answerQuestion.js';
import type { Texts } from '../i18n/texts.js';
import { describeDate } from './describeDate.js';
import { describeLanguage } from './describeLanguage.js';
import { escapeLabel, linkText, plainLabel } from './escapeText.js';

/**
 * "Công Luận · 5 Dec 2023 · Indonesian": where and when an article appeared, escaped as Markdown
 * unless `markdown` is false (embed footers show text as it is).
 */
export function describeOrigin(source: { publisher: string | null; published: string | null; language?: string }, texts: Texts, markdown = true): string {
  return [
    source.publisher ? (markdown ? escapeLabel(source.publisher) : plainLabel(source.publisher)) : null,
    source.published ? describeDate(source.published, texts.locale) : texts.undated,
    source.language ? describeLanguage(source.language, texts.locale) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A citation as Markdown: the linked title, its origin, and the other outlets that carried the story. */
export function describeCitation(citation: Citation, texts: Texts): string {
  const lines = [linkText(citation.title, citation.url), describeOrigin(citation, texts)];
  if (citation.alsoReportedBy?.length) {
    const others = citation.alsoReportedBy.map((other) => linkText(other.publisher ?? other.title, other.url));
    lines.push(`${texts.alsoReportedBy} ${others.join(', ')}`);
  }
  return lines.join('\n');
}
