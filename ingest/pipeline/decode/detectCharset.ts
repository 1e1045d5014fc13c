import chardet from 'chardet';
import { charsetName } from './decodeWithCharset.js';

/** Enough text to tell charsets apart; detection over a whole 10 MB file would only cost time. */
const SAMPLE_BYTES = 64 * 1024;

export type DetectedCharset = { name: string; confidence: number };

/**
 * The charsets chardet (ICU's detector ported to JavaScript) finds likely for undeclared bytes,
 * best first, as WHATWG names a decoder knows: its ISO-8859-1 is read as windows-1252 (a superset,
 * as browsers read it), GB18030 covers GBK and GB2312. Charsets no decoder knows are left out.
 */
export function detectCharsets(bytes: Uint8Array): DetectedCharset[] {
  const detected: DetectedCharset[] = [];
  for (const match of chardet.analyse(bytes.subarray(0, SAMPLE_BYTES))) {
    const name = charsetName(match.name);
    if (name && !detected.some((d) => d.name === name)) detected.push({ name, confidence: match.confidence });
  }
  return detected;
}
