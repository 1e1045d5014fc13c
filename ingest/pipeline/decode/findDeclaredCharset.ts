import { charsetName } from './decodeWithCharset.js';

/** Where a file says what its charset is. */
export type CharsetDeclaration = 'BOM' | '<meta charset>' | '<meta http-equiv>' | 'XML declaration';

export type DeclaredCharset = {
  /** The WHATWG name, or null when the label is one no decoder knows (the declaration is then ignored). */
  name: string | null;
  label: string;
  source: CharsetDeclaration;
};

const BOMS: { bytes: number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: 'utf-8' },
  { bytes: [0xff, 0xfe], label: 'utf-16le' },
  { bytes: [0xfe, 0xff], label: 'utf-16be' },
];

/** Browsers look for the declaration in the first 1024 bytes; scraped pages often carry more scripts and styles before it. */
const PRESCAN_BYTES = 8192;
const XML_DECLARATION = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i;
const META = /<meta\b[^>]*>/gi;
const CHARSET_ATTRIBUTE = /\bcharset\s*=\s*["']?\s*([^\s"'/>;]+)/i;

export function findBom(bytes: Uint8Array): DeclaredCharset | null {
  const bom = BOMS.find((b) => b.bytes.every((byte, i) => bytes[i] === byte));
  return bom ? { name: charsetName(bom.label), label: bom.label, source: 'BOM' } : null;
}

/**
 * The charset a page declares in its markup: an XML declaration at the start, else the first
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">`. Read on the
 * bytes as Latin-1, which keeps every ASCII character where it is whatever the real charset.
 * A declared UTF-16 is read as UTF-8, as browsers do: a page whose bytes reached this point has no NUL bytes.
 */
export function findMarkupCharset(bytes: Uint8Array): DeclaredCharset | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const declare = (label: string, source: CharsetDeclaration): DeclaredCharset => {
    const name = charsetName(label);
    return { name: name?.startsWith('utf-16') ? 'utf-8' : name, label, source };
  };
  const xml = XML_DECLARATION.exec(head);
  if (xml) return declare(xml[1]!, 'XML declaration');
  for (const [tag] of head.matchAll(META)) {
    const charset = CHARSET_ATTRIBUTE.exec(tag);
    if (!charset) continue;
    return declare(charset[1]!, /\bhttp-equiv\s*=/i.test(tag) ? '<meta http-equiv>' : '<meta charset>');
  }
  return null;
}
