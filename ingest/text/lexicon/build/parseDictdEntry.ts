import { stripReserved } from '../lexiconFile.js';

/**
 * The renderings of one FreeDict entry as its dictd text lays it out (the TEI source rendered
 * by FreeDict's stylesheet). The first line is the headword, its pronunciation in slashes and
 * its part of speech in angle brackets. Then, depending on the dictionary:
 * - one line of renderings separated by commas (Arabeyes, Ergane, Ding, WikDict);
 * - or numbered senses, `1. rendering, rendering`, the commonest first; WikDict follows each
 *   with an English gloss line and marks further senses sharing those renderings with ` 2.`;
 * - indented lines: examples, `Synonym:` and `see:` cross-references (Ding), sense markers.
 * Renderings keep their order (sense by sense); annotations in brackets, sense references and
 * example sentences after a full stop (the Turkish dictionary runs them on) are dropped, and so
 * are renderings longer than MAX_WORDS words, which are definitions rather than translations.
 */

export type ParsedEntry = { headword: string; renderings: string[] };

const MAX_WORDS = 4;
const NUMBERED = /^(\d+)\.\s+(.*)$/;
const BRACKETED = /\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}/g;

/** The headword as the entry's first line writes it: up to its pronunciation or part of speech. */
function headwordOf(line: string): string {
  const cut = line.search(/\s[/<(]/);
  return (cut < 0 ? line : line.slice(0, cut)).trim();
}

/** The lines that hold renderings (without their sense numbers). */
function renderingLines(body: readonly string[]): string[] {
  const content = body.filter((line) => line.trim() && !/^\s/.test(line));
  const numbered = content.flatMap((line) => {
    const m = NUMBERED.exec(line);
    return m ? [m[2]!] : [];
  });
  // Unnumbered, the first line is the renderings and any further line an English gloss (WikDict).
  return numbered.length > 0 ? numbered : content.slice(0, 1);
}

function splitRenderingLine(line: string): string[] {
  const text = line
    .replace(/\s\d+\.$/, '') // WikDict's " 2." marks the next sense that shares these renderings
    .split(/\.\s/)[0]! // the Turkish dictionary runs examples on after a full stop
    .replace(BRACKETED, ' ');
  return text
    .split(/[,;،؛]|\s-\s/)
    .map((r) =>
      stripReserved(r)
        .replace(/["“”«»…!?]|\.$/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((r) => r.length > 0 && r.split(' ').length <= MAX_WORDS);
}

/** Parses one entry's dictd text; `fallbackHeadword` (the index's) is used when its first line is empty. */
export function parseDictdEntry(text: string, fallbackHeadword: string): ParsedEntry {
  const [first = '', ...body] = text.split('\n');
  const headword = stripReserved(headwordOf(first)) || fallbackHeadword;
  const renderings = [...new Set(renderingLines(body).flatMap(splitRenderingLine))];
  return { headword, renderings };
}
