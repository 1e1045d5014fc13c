/**
 * Text to bytes in the legacy charsets the decoding tests write pages in. Node's TextEncoder
 * writes only UTF-8, so each charset's table is read off Node's own decoder (every byte, or every
 * GBK byte pair) and inverted; windows-1252's 0x80–0x9F are spelled out, since Node 20's decoder
 * gets them wrong (the repair decodeWithCharset makes). The tests pin a few characters' bytes by
 * hand, so a table read off a broken decoder would not pass unnoticed.
 */

const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

const tables = new Map<string, Map<string, number[]>>();

function tableOf(charset: string): Map<string, number[]> {
  const cached = tables.get(charset);
  if (cached) return cached;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(charset, { fatal: true });
  const add = (bytes: number[]) => {
    try {
      const char = decoder.decode(Uint8Array.from(bytes));
      if (!table.has(char)) table.set(char, bytes);
    } catch {
      // Not a character in this charset.
    }
  };
  for (let b = 0; b < 0x80; b++) add([b]);
  if (charset === 'gbk') {
    for (let lead = 0x81; lead <= 0xfe; lead++) for (let trail = 0x40; trail <= 0xfe; trail++) add([lead, trail]);
  } else if (charset === 'windows-1252') {
    for (let b = 0xa0; b <= 0xff; b++) add([b]);
    [...WINDOWS_1252_C1].forEach((char, i) => table.set(char, [0x80 + i]));
  } else {
    for (let b = 0x80; b <= 0xff; b++) add([b]);
  }
  tables.set(charset, table);
  return table;
}

/** `text` in `charset` ("windows-1256", "iso-8859-6", "gbk", "windows-1252"); throws on a character the charset lacks. */
export function encodeLegacy(text: string, charset: string): Buffer {
  const table = tableOf(charset);
  return Buffer.from(
    [...text].flatMap((char) => {
      const bytes = table.get(char);
      if (!bytes) throw new Error(`${charset} has no ${JSON.stringify(char)}`);
      return bytes;
    }),
  );
}
