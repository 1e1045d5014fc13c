import { decodeWithCharset } from './decodeWithCharset.js';
import { detectCharsets } from './detectCharset.js';
import { findBom, findMarkupCharset, type CharsetDeclaration } from './findDeclaredCharset.js';

/** The charset a file was read in and what decided it. */
export type SeedCharset = {
  /** WHATWG name: "utf-8", "windows-1256", "gbk"… */
  name: string;
  source: CharsetDeclaration | 'valid UTF-8' | 'detected';
  /** Why a declaration was not followed, or how sure detection was. */
  note?: string;
};

export type DecodedSeed = { ok: true; text: string; charset: SeedCharset } | { ok: false; reason: string };

const MARKUP_EXTENSIONS = new Set(['.html', '.htm']);
/** Bytes of UTF-8 multi-byte sequences, found on the bytes read as Latin-1. */
const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/g;

/** The share of characters that are control characters other than tab and line breaks. */
function controlShare(text: string): number {
  // eslint-disable-next-line no-control-regex -- counting control characters is the point
  const controls = text.match(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g)?.length ?? 0;
  return controls / Math.max(1, text.length);
}

/**
 * Invalid UTF-8 that is nonetheless mostly UTF-8 (nine in ten of its non-ASCII bytes form valid
 * sequences) is a damaged UTF-8 file, not a legacy one: read in a legacy charset it would turn
 * every accented or non-Latin letter into two wrong ones. Legacy text forms such sequences only by chance.
 */
function isDamagedUtf8(bytes: Uint8Array): boolean {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  let high = 0;
  for (const byte of bytes) if (byte >= 0x80) high++;
  let inSequences = 0;
  for (const [sequence] of latin1.matchAll(UTF8_SEQUENCE)) inSequences += sequence.length;
  return inSequences >= 0.9 * high;
}

const DAMAGED_UTF8: DecodedSeed = { ok: false, reason: 'not valid UTF-8 text (a UTF-8 file with invalid bytes)' };

const isAscii = (bytes: Uint8Array) => bytes.every((byte) => byte < 0x80);

function finish(text: string, charset: SeedCharset): DecodedSeed {
  if (controlShare(text) > 0.01) return { ok: false, reason: 'binary file (control characters)' };
  return { ok: true, text, charset };
}

/** Detection for bytes no usable declaration covers: the likeliest charset they are valid in. */
function decodeDetected(bytes: Uint8Array, note?: string): DecodedSeed {
  if (isDamagedUtf8(bytes)) return DAMAGED_UTF8;
  for (const { name, confidence } of detectCharsets(bytes)) {
    const text = decodeWithCharset(bytes, name);
    if (text !== null)
      return finish(text, { name, source: 'detected', note: [note, `confidence ${confidence} %`].filter(Boolean).join('; ') });
  }
  return {
    ok: false,
    reason: note
      ? `${note}, and no charset it is valid in was detected`
      : 'not valid UTF-8 text, and no charset it is valid in was detected',
  };
}

/**
 * Turns a seed file's bytes into text. The charset is, in this order: the one a byte-order mark
 * names; the one an HTML page declares (`<meta charset>`, `http-equiv`, XML declaration), unless
 * the bytes are valid UTF-8 with non-ASCII text, which a page saved again by a scraper keeps
 * under its old declaration; UTF-8 when the bytes are valid in it; else the one chardet detects.
 * NUL bytes (outside UTF-16) and control characters mean binary; a damaged UTF-8 file is not
 * guessed at. A file that cannot be read as text gets the reason.
 */
export function decodeSeedText(bytes: Uint8Array, extension: string): DecodedSeed {
  const bom = findBom(bytes);
  if (bom?.name) {
    const text = decodeWithCharset(bytes, bom.name);
    return text === null
      ? { ok: false, reason: `not valid ${bom.name} text after its byte-order mark` }
      : finish(text, { name: bom.name, source: 'BOM' });
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const utf8 = decodeWithCharset(bytes, 'utf-8');
  const declared = MARKUP_EXTENSIONS.has(extension) ? findMarkupCharset(bytes) : null;
  if (declared && !declared.name) {
    const note = `declared charset "${declared.label}" (${declared.source}) is unknown`;
    return utf8 !== null ? finish(utf8, { name: 'utf-8', source: 'valid UTF-8', note }) : decodeDetected(bytes, note);
  }
  if (declared?.name) {
    if (utf8 !== null && (declared.name === 'utf-8' || !isAscii(bytes))) {
      const note = declared.name === 'utf-8' ? undefined : `declared ${declared.name} (${declared.source}), but the bytes are UTF-8`;
      return finish(
        utf8,
        declared.name === 'utf-8' ? { name: 'utf-8', source: declared.source } : { name: 'utf-8', source: 'valid UTF-8', note },
      );
    }
    if (utf8 === null && isDamagedUtf8(bytes)) return DAMAGED_UTF8;
    const text = decodeWithCharset(bytes, declared.name);
    if (text !== null) return finish(text, { name: declared.name, source: declared.source });
    return decodeDetected(bytes, `not valid ${declared.name} text as declared (${declared.source})`);
  }
  return utf8 !== null ? finish(utf8, { name: 'utf-8', source: 'valid UTF-8' }) : decodeDetected(bytes);
}
