/**
 * Text from outside (articles, their titles and addresses, answers written from them) made inert
 * before it is shown on a terminal or sent to Discord. An article can carry terminal escape
 * sequences — raw, as HTML character references, or in front-matter strings — that clear the
 * screen, write the clipboard (OSC 52), or show one link and open another (OSC 8); bidi controls
 * that show a line in another order than it is read; and characters that cannot be seen at all.
 */

// eslint-disable-next-line no-control-regex -- finding control characters is what this is for
const STRING_SEQUENCES = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)/g;
// eslint-disable-next-line no-control-regex -- as above
const CSI_SEQUENCES = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?/g;
// eslint-disable-next-line no-control-regex -- as above
const OTHER_ESCAPES = /\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
/** Breaks a terminal or Discord would show as a new line (a lone CR returns to the line's start instead, and can overwrite it). */
// eslint-disable-next-line no-control-regex -- as above
const LINE_BREAKS = /\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g;
/**
 * What is left to remove: every C0 control but tab and line feed, DEL and the C1 controls, the
 * bidi embeddings, overrides and isolates (the marks LRM, RLM and ALM stay: mixed-script text
 * needs them), and the Unicode tag characters (invisible ASCII look-alikes).
 */
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\udb40[\udc00-\udc7f]/g;
/**
 * In a label — a title, publisher, address or file name shown on its own — nothing invisible has
 * a use: bidi marks, zero-width spaces and joiners, word joiners and invisible operators, the
 * byte-order mark, soft hyphens and the Hangul fillers that pass for blanks.
 */
const INVISIBLE = /\u034f|[\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\ufeff\u3164\uffa0]/g;

/**
 * `text` with every terminal escape sequence removed whole (CSI, OSC up to its terminator, DCS,
 * SOS, PM and APC strings, and the short ESC forms, in their 7-bit and 8-bit spellings), every
 * other control character removed but tab and line feed (CR, VT, FF, NEL and the Unicode line
 * separators become a line feed), and bidi overrides, embeddings and isolates removed. What
 * remains holds no ESC, no C1 control and no bidi override whatever the input was.
 */
export function stripControls(text: string): string {
  return text
    .replace(STRING_SEQUENCES, '')
    .replace(CSI_SEQUENCES, '')
    .replace(OTHER_ESCAPES, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '');
}

/**
 * A one-line label (title, publisher, URL, file name): `stripControls`, then every run of white
 * space (line breaks included) as one space, every invisible character removed, trimmed.
 */
export function cleanLabel(text: string): string {
  return stripControls(text).replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
