import type { ParsedPage } from '../../core/article.js';

const SENTENCE_END = /[.!?؟۔。…"”»)\]]$/u;

/**
 * A scraped page saved as text: each line is a block (title, byline, paragraph, menu item), except
 * hard-wrapped prose (several lines of similar width that do not end sentences), which is joined.
 */
export function parsePlainText(text: string): ParsedPage {
  const blocks: string[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = paragraph
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    const wrapped = lines.length >= 3 && lines.slice(0, -1).every((l) => l.length >= 40 && l.length <= 100 && !SENTENCE_END.test(l));
    if (wrapped) blocks.push(lines.join(' '));
    // Not push(...lines): a paragraph of a million short lines would overflow the call stack.
    else for (const line of lines) blocks.push(line);
  }
  return { blocks, meta: {} };
}
