import { describe, expect, it } from 'vitest';
import { cleanLabel, stripControls } from '../../../ingest/text/stripControls.js';

const ESC = '\u001b';

describe('stripControls', () => {
  it.each([
    ['a clear screen and cursor home', `a${ESC}[2J${ESC}[Hb`, 'ab'],
    ['colours with parameters', `${ESC}[1;31mred${ESC}[0m`, 'red'],
    ['an 8-bit CSI (U+009B)', 'x\u009b31my\u009b0m', 'xy'],
    ['a CSI cut off before its final byte', `end${ESC}[12;`, 'end'],
    ['an OSC 8 link ended by ST, its target gone with it', `${ESC}]8;;https://evil.example${ESC}\\label${ESC}]8;;${ESC}\\`, 'label'],
    ['an OSC 52 clipboard write ended by BEL', `a${ESC}]52;c;ZWNobyBwd25lZA==\u0007b`, 'ab'],
    ['an 8-bit OSC ended by an 8-bit ST', 'a\u009d0;title\u009cb', 'ab'],
    ['a DCS string', `a${ESC}P+q544e${ESC}\\b`, 'ab'],
    ['an APC and a PM string', `a${ESC}_payload${ESC}\\b${ESC}^note${ESC}\\c`, 'abc'],
    ['an OSC never ended: the introducer goes, the rest stays as text', `a${ESC}]0;rest`, 'a0;rest'],
    ['short ESC forms (reset, save cursor, charset)', `a${ESC}cb${ESC}7c${ESC}(Bd`, 'abcd'],
    ['a lone ESC at the end', `a${ESC}`, 'a'],
    ['bell, backspace, NUL and DEL', 'a\u0007b\u0008c\u0000d\u007fe', 'abcde'],
    ['bidi overrides, embeddings and isolates', 'a\u202eb\u202cc\u2066d\u2069e\u202af', 'abcdef'],
    ['Unicode tag characters', 'a\u{e0041}\u{e0042}b', 'ab'],
  ])('GIVEN %s THEN it is removed', (_situation, text, expected) => {
    expect(stripControls(text)).toBe(expected);
  });

  it.each([
    ['CRLF and a lone CR (which would overwrite the line)', 'a\r\nb\rc', 'a\nb\nc'],
    ['VT, FF, NEL and the Unicode line and paragraph separators', 'a\u000bb\u000cc\u0085d\u2028e\u2029f', 'a\nb\nc\nd\ne\nf'],
  ])('GIVEN %s THEN each becomes a line feed', (_situation, text, expected) => {
    expect(stripControls(text)).toBe(expected);
  });

  it.each([
    ['tabs and line feeds', 'a\tb\nc'],
    ['Arabic with the marks mixed-script text needs', 'النيجر\u200f S-300\u200e'],
    ['a zero-width joiner in an emoji sequence', '👩\u200d💻'],
    ['Vietnamese and Indonesian text', 'Công Luận · pertahanan'],
  ])('GIVEN %s THEN it is kept as it is', (_situation, text) => {
    expect(stripControls(text)).toBe(text);
  });
});

describe('cleanLabel', () => {
  it.each([
    ['a title with a line break and a clear screen', `Niger${ESC}[2J\nand Russia`, 'Niger and Russia'],
    ['a publisher ending in an isolate and a zero-width space', 'Kantor Berita\u2067\u200b', 'Kantor Berita'],
    ['a title with bidi marks, joiners and a BOM', '\ufeffa\u200eb\u200fc\u200dd\u2060e', 'abcde'],
    ['a blank made of Hangul fillers and a soft hyphen', '\u3164\u115f\u00ad', ''],
    ['a URL with a right-to-left override', 'https://a.example/\u202egnp.exe', 'https://a.example/gnp.exe'],
  ])('GIVEN %s THEN one plain line is left', (_situation, text, expected) => {
    expect(cleanLabel(text)).toBe(expected);
  });
});
