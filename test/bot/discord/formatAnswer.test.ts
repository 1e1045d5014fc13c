import { describe, expect, it } from 'vitest';
import { linkText, escapeText, safeUrl } from '../../../bot/discord/format/escapeText.js';
import { formatAnswerReply } from '../../../bot/discord/format/formatAnswerReply.js';
import { formatPassages } from '../../../bot/discord/format/formatPassages.js';
import { highlightPassage } from '../../../bot/discord/format/highlightPassage.js';
import { pickTexts } from '../../../bot/discord/i18n/texts.js';
import type { Answer, Citation } from '../../../retrieval/answer/answerQuestion.js';
import { findLimitViolations } from '../support/discordLimits.js';

const en = pickTexts('en-US');

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  const passage = overrides.passage ?? 'First sentence. The answer sentence. Last sentence.';
  return {
    n,
    sourceId: `s${n}.txt`,
    title: `Title ${n}`,
    publisher: 'Harbour Gazette',
    published: '2024-03-04',
    url: 'https://example.org/a',
    language: 'en',
    passage,
    score: 1,
    passages: [{ passage, score: 1 }],
    ...overrides,
  };
}

describe('escapeText and linkText', () => {
  it('GIVEN article text with Markdown, a masked link and a heading THEN none of it is active', () => {
    const escaped = escapeText('# Big\n**bold** [click](https://evil.example) _x_');
    expect(escaped).toBe('\\# Big\n\\*\\*bold\\*\\* \\[click](https://evil.example) \\_x\\_');
  });

  it('GIVEN a title with brackets and a URL with parentheses THEN the link cannot be closed early', () => {
    expect(linkText('A [b] c', 'https://example.org/x_(y)')).toBe('[A \\[b\\] c](https://example.org/x_%28y%29)');
  });

  it('GIVEN a non-http URL THEN no link is made', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(linkText('Title', 'javascript:alert(1)')).toBe('Title');
  });
});

describe('highlightPassage', () => {
  it('GIVEN a short passage THEN the span is bold and the rest escaped', () => {
    const passage = 'One *two*. Answer here. Three.';
    expect(highlightPassage(passage, [{ start: 11, end: 23 }], 1000)).toBe('One \\*two\\*. **Answer here.** Three.');
  });

  it('GIVEN a passage far longer than allowed THEN a window around the highlight is kept, marked with ellipses', () => {
    const passage = `${'x'.repeat(5000)} The answer sentence. ${'y'.repeat(5000)}`;
    const start = passage.indexOf('The answer');
    const out = highlightPassage(passage, [{ start, end: start + 'The answer sentence.'.length }], 1000);
    expect(out.length).toBeLessThanOrEqual(1000);
    expect(out).toContain('**The answer sentence.**');
    expect(out.startsWith('…') && out.endsWith('…')).toBe(true);
  });
});

describe('formatAnswerReply', () => {
  const answer: Answer = {
    question: 'when? @everyone',
    answer: 'On 3 March [1]',
    citations: [
      citation(1, {
        alsoReportedBy: [{ sourceId: 'o', title: 'Other', publisher: 'Daily *Star*', published: null, url: 'https://other.example/' }],
      }),
    ],
    highlights: [],
  };

  it('GIVEN a citation with other outlets THEN the field names them as also reporting it, escaped and linked', () => {
    const reply = formatAnswerReply(answer, 'key', en);
    expect(reply.embeds[0]!.fields![0]!.value).toBe(
      '[Title 1](https://example.org/a)\nHarbour Gazette · 4 Mar 2024 · English\nalso reported by [Daily \\*Star\\*](https://other.example/)\n> First sentence. The answer sentence. Last sentence.',
    );
  });

  it('GIVEN nothing was found THEN the reply says so and offers no buttons', () => {
    const reply = formatAnswerReply({ question: 'q', answer: null, citations: [], highlights: [] }, 'key', en);
    expect(reply.embeds[0]!.description).toBe(en.nothingFound);
    expect(reply.components).toEqual([]);
  });

  it('GIVEN a huge answer and citations THEN the reply is within Discord limits', () => {
    const huge = 'word '.repeat(3000);
    const big: Answer = {
      question: huge,
      answer: `${huge} [1]`,
      citations: [1, 2, 3].map((n) => citation(n, { title: huge, publisher: huge })),
      highlights: [],
    };
    expect(findLimitViolations({ embeds: formatAnswerReply(big, 'key', en).embeds })).toEqual([]);
  });
});

describe('formatPassages', () => {
  it('GIVEN three 8,000-character passages THEN the three embeds fit one message and each shows its highlighted sentence', () => {
    const passage = `${'lorem ipsum '.repeat(300)}The answer sentence. ${'dolor sit '.repeat(400)}`;
    const start = passage.indexOf('The answer');
    const answer: Answer = {
      question: 'q',
      answer: 'The answer sentence. [1]',
      citations: [1, 2, 3].map((n) => citation(n, { passage })),
      highlights: [1, 2, 3].map((n) => ({ n, passage: 0, start, end: start + 20 })),
    };
    const embeds = formatPassages(answer, en);
    expect(embeds).toHaveLength(3);
    expect(findLimitViolations({ embeds })).toEqual([]);
    for (const embed of embeds) expect(embed.description).toContain('**The answer sentence.**');
  });
});
