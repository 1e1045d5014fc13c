import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, fitContent, fitEmbed, fitEmbeds, truncateMarkdown } from '../../../bot/discord/format/fitEmbed.js';
import { findLimitViolations } from '../support/discordLimits.js';

const text = (n: number, unit = 'a') => unit.repeat(n).slice(0, n);

describe('truncateMarkdown', () => {
  it('GIVEN text exactly at the limit THEN it is returned unchanged', () => {
    expect(truncateMarkdown(text(4096), 4096)).toBe(text(4096));
  });

  it('GIVEN text one over the limit THEN it is cut to the limit ending with an ellipsis', () => {
    const cut = truncateMarkdown(text(4097), 4096);
    expect(cut).toHaveLength(4096);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('GIVEN a cut inside a bold span THEN the span is closed within the limit', () => {
    const cut = truncateMarkdown(`intro **${text(50)}** outro`, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut.endsWith('…**')).toBe(true);
    expect(cut.match(/\*\*/g)).toHaveLength(2);
  });

  it('GIVEN a cut right after an escaping backslash THEN the backslash is dropped rather than escaping the ellipsis', () => {
    const cut = truncateMarkdown('abc\\*def', 5);
    expect(cut).toBe('abc…');
  });

  it('GIVEN a cut inside a link THEN the whole link is left out rather than shown broken', () => {
    const cut = truncateMarkdown('see [the article](https://example.org/a/very/long/path) now', 30);
    expect(cut).toBe('see …');
  });

  it('GIVEN a cut between the halves of a surrogate pair THEN the pair is not split', () => {
    const cut = truncateMarkdown('ab😀cd', 4);
    expect(cut).toBe('ab…');
  });

  it('GIVEN a limit too small for the ellipsis THEN the result is empty', () => {
    expect(truncateMarkdown('abc', 0)).toBe('');
  });
});

describe('fitEmbed / fitEmbeds', () => {
  it('GIVEN content of 2,001 characters THEN it is cut to 2,000', () => {
    expect(fitContent(text(2001))).toHaveLength(DISCORD_LIMITS.content);
  });

  it('GIVEN every part over its own limit THEN each is cut to its limit and the result passes Discord’s checks', () => {
    const embed = fitEmbed({
      title: text(300),
      description: text(5000),
      footer: { text: text(3000) },
      author: { name: text(300) },
      fields: Array.from({ length: 30 }, () => ({ name: text(10), value: text(2000) })),
    });
    expect(embed.title).toHaveLength(256);
    expect(embed.footer!.text).toHaveLength(2048);
    expect(embed.fields).toHaveLength(25);
    expect(findLimitViolations({ embeds: [embed] })).toEqual([]);
  });

  it('GIVEN a full description and five full fields (9,216 characters) THEN the total is brought to 6,000 by shortening the longest texts', () => {
    const embed = fitEmbed({
      title: 'T',
      description: text(4096),
      fields: Array.from({ length: 5 }, (_, i) => ({ name: `[${i + 1}]`, value: text(1024, 'b') })),
    });
    const total = embed.title!.length + embed.description!.length + embed.fields!.reduce((s, f) => s + f.name.length + f.value.length, 0);
    expect(total).toBeLessThanOrEqual(6000);
    expect(total).toBeGreaterThan(5900);
    expect(embed.fields).toHaveLength(5);
    // The five values and the description share the room equally: none is sacrificed.
    for (const length of [embed.description!.length, ...embed.fields!.map((f) => f.value.length)]) expect(length).toBeGreaterThan(950);
  });

  it('GIVEN an embed of exactly 6,000 characters THEN nothing is cut', () => {
    const embed = {
      title: text(256),
      description: text(4096),
      fields: [{ name: text(100), value: text(1024) }],
      footer: { text: text(524) },
    };
    expect(fitEmbed(embed)).toEqual(embed);
  });

  it('GIVEN 25 fields whose names alone exceed 6,000 THEN trailing fields are dropped', () => {
    const embed = fitEmbed({ fields: Array.from({ length: 25 }, () => ({ name: text(256), value: 'v' })) });
    expect(findLimitViolations({ embeds: [embed] })).toEqual([]);
    expect(embed.fields!.length).toBeLessThan(25);
  });

  it('GIVEN three embeds of 4,096-character descriptions THEN together they fit 6,000 and each keeps a share', () => {
    const embeds = fitEmbeds([1, 2, 3].map((n) => ({ title: `Passage [${n}]`, description: text(4096) })));
    expect(findLimitViolations({ embeds })).toEqual([]);
    for (const embed of embeds) expect(embed.description!.length).toBeGreaterThan(1500);
  });

  it('GIVEN eleven embeds THEN only ten are kept', () => {
    expect(fitEmbeds(Array.from({ length: 11 }, () => ({ title: 't' })))).toHaveLength(10);
  });

  it('GIVEN empty field texts THEN they are replaced by a zero-width space Discord accepts', () => {
    expect(fitEmbed({ fields: [{ name: '', value: '' }] }).fields).toEqual([{ name: '\u200b', value: '\u200b' }]);
  });
});
