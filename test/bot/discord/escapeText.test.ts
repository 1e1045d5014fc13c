import { describe, expect, it } from 'vitest';
import { escapeLabel, escapeText, linkText, plainLabel, showId } from '../../../bot/discord/format/escapeText.js';

describe('escapeText: what discord.js escapeMarkdown leaves alone', () => {
  it.each([
    ['a role mention', 'ask <@&123456789012345678> now', 'ask \\<@&123456789012345678> now'],
    ['a user mention', 'hi <@123> and <@!456>', 'hi \\<@123> and \\<@!456>'],
    ['a channel mention', 'see <#123>', 'see \\<#123>'],
    ['a slash command mention', 'run </ask:1>', 'run \\</ask:1>'],
    ['a live timestamp', 'at <t:0:R>', 'at \\<t:0:R>'],
    ['custom emoji', '<:wave:1> <a:spin:2>', '\\<:wave:1> \\<a:spin:2>'],
    ['a server guide link', 'open <id:guide>', 'open \\<id:guide>'],
    ['a subtext line', 'text\n-# small print', 'text\n\\-# small print'],
    ['a block quote and a multi-line quote', '> quoted\n>>> all the rest', '\\> quoted\n\\>>> all the rest'],
    ['a heading', '# Big', '\\# Big'],
    ['a masked link', '[official site](https://evil.example)', '\\[official site](https://evil.example)'],
    ['@everyone', 'hey @everyone', 'hey @\u200beveryone'],
  ])('GIVEN %s THEN it is escaped', (_situation, text, expected) => {
    expect(escapeText(text)).toBe(expected);
  });

  it.each([
    ['a comparison', 'a < b and 3 > 2'],
    ['an angle-bracketed word', '<b>'],
  ])('GIVEN %s THEN it is left as it is', (_situation, text) => {
    expect(escapeText(text)).toBe(text);
  });

  it('GIVEN escape sequences and bidi overrides THEN they are removed before escaping', () => {
    expect(escapeText('a\u001b[2J\u001b]8;;https://evil.example\u001b\\b\u202ec')).toBe('abc');
  });
});

describe('labels: titles, publishers, ids', () => {
  it('GIVEN a title with a line break, zero-width characters and an isolate THEN escapeLabel shows one escaped line', () => {
    expect(escapeLabel('Niger\u200d\n# and\u2067 <@&1>')).toBe('Niger # and \\<@&1>');
  });

  it('GIVEN a publisher shown where Markdown is not rendered THEN plainLabel leaves no control or invisible character and no backslash', () => {
    expect(plainLabel('Kantor\u200b Berita\u2067 @here')).toBe('Kantor Berita @\u200bhere');
  });

  it('GIVEN a linked title THEN the label is cleaned and escaped and the link goes to the URL given', () => {
    expect(linkText('A\u202e [b] </x:1>', 'https://news.example/a')).toBe('[A \\[b\\] \\</x:1>](https://news.example/a)');
  });

  it('GIVEN an id with an escape sequence THEN it is shown as code without it', () => {
    expect(showId('bad\u001b[31m.txt')).toBe('`bad.txt`');
  });
});
