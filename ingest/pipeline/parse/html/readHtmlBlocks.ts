/**
 * The text blocks of an HTML element in reading order, the way a reader sees them: a block for
 * each paragraph-like element and for each run of text sitting directly in a <div>, <section> or
 * other container (pages that never use <p> lose nothing), a block for each table row with its
 * cells joined by " | " (a row is read together), a block for each list item.
 */

export type HtmlBlock = { text: string; tag: string };

/** Elements that start a block of their own. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Elements whose text is never read: code, media, form controls, the head. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'select',
  'textarea',
  'head',
  'title',
  'button',
]);
const BLOCK_SELECTOR = [...BLOCK_TAGS].join(', ');

/** The minimal DOM surface read here (linkedom's nodes). */
type DomNode = { nodeType: number; textContent: string | null; childNodes: ArrayLike<DomNode> & Iterable<DomNode> };
type DomElement = DomNode & { tagName: string; querySelector(selector: string): unknown };

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const tagOf = (el: DomElement) => el.tagName.toLowerCase();
const isElement = (node: DomNode): node is DomElement => node.nodeType === 1;

/** Text of an inline subtree, skipping what is never read; <br> breaks the line. */
function inlineText(node: DomNode): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (!isElement(node)) return '';
  const tag = tagOf(node);
  if (SKIPPED_TAGS.has(tag)) return '';
  if (tag === 'br') return '\n';
  let text = '';
  for (const child of node.childNodes) text += inlineText(child);
  return text;
}

/** A row whose cells hold only inline content: data, read as one line. Rows of a layout table hold paragraphs and are read through them. */
function rowText(row: DomElement): string | null {
  const cells = [...row.childNodes].filter((c): c is DomElement => isElement(c) && (tagOf(c) === 'td' || tagOf(c) === 'th'));
  if (cells.length === 0 || cells.some((c) => c.querySelector(BLOCK_SELECTOR))) return null;
  return cells
    .map((c) => squash(inlineText(c)))
    .filter(Boolean)
    .join(' | ');
}

function walk(container: DomElement, out: HtmlBlock[]): void {
  let run = '';
  const tag = tagOf(container);
  const flush = () => {
    // Two line breaks in a row part paragraphs, as they do on screen.
    for (const piece of run.split(/\n\s*\n/)) {
      const text = squash(piece);
      if (text) out.push({ text, tag });
    }
    run = '';
  };
  for (const child of container.childNodes) {
    if (!isElement(child)) {
      if (child.nodeType === 3) run += child.textContent ?? '';
      continue;
    }
    const childTag = tagOf(child);
    if (SKIPPED_TAGS.has(childTag)) continue;
    if (childTag === 'tr') {
      const row = rowText(child);
      if (row !== null) {
        flush();
        if (row) out.push({ text: row, tag: 'tr' });
        continue;
      }
    }
    // An inline element wrapping blocks (<a><div>…</div></a>) is read as a container.
    if (BLOCK_TAGS.has(childTag) || child.querySelector(BLOCK_SELECTOR)) {
      flush();
      walk(child, out);
    } else {
      run += inlineText(child);
    }
  }
  flush();
}

export function readHtmlBlocks(root: DomElement): HtmlBlock[] {
  const out: HtmlBlock[] = [];
  walk(root, out);
  return out;
}
