/**
 * Decoding with Node's ICU `TextDecoder`, which knows the WHATWG encodings by every label
 * ("latin1", "cp1256", "gb2312"…), with one repair: since Node 20.18.3 / 22.13.0 its windows-1252
 * decoder is ISO-8859-1's (nodejs/node#60888), so bytes 0x80–0x9F come out as C1 control
 * characters instead of “ ” ’ – — € and the rest. Those are mapped here, as the Encoding Standard does.
 */

/** windows-1252 bytes 0x80–0x9F; the five the standard leaves as C1 controls stay as they are. */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The WHATWG name of a charset label ("ISO-8859-1" → "windows-1252"), or null when no decoder knows it. */
export function charsetName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

/** The bytes as text in `charset` (a WHATWG name), or null when they are not valid in it. */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string | null {
  let text: string;
  try {
    text = new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (charset !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80]!);
}
