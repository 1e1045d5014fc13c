import { findDates } from '../../text/findDates.js';
import { foldText } from '../../text/foldText.js';

/**
 * Page chrome that text dumps of web pages keep around an article — menus, link bullets, share
 * rows, breadcrumbs, embed and URL lines, bylines, date lines, copyright footers — recognised by
 * the shape of a line and its neighbours rather than by site: the line-level counterparts of the
 * link density and repetition a DOM-based extractor measures. Each block gets the reason it is
 * chrome, or null. Runs of short lines, bullets and separated rows are judged only on text dumps: in HTML the
 * same shapes are lists and table cells that belong to the article.
 */

/** By limit, a pattern that finds word limit + 1: one scan of a paragraph's first words, with no split. */
const moreWordsThan = new Map<number, RegExp>();

function hasAtMostWords(block: string, limit: number): boolean {
  let pattern = moreWordsThan.get(limit);
  if (!pattern) moreWordsThan.set(limit, (pattern = new RegExp(`^\\s*(?:\\S+\\s+){${limit}}\\S`)));
  return !pattern.test(block);
}
const SENTENCE_END = /[.!?؟。…"”»]$/u;
const BULLET = /^[*•·▪●◦►▸»‣-]\s+/u;
/** Lines a text browser writes for what it cannot show: "IFRAME: https://…", "[IMG]", "(BUTTON) Search". */
const EMBED_LINE = /^(?:(?:i?frame|embed)\b:?|\[img\]|\[image\]|\(button\)|\[button\]|\[ins::?ins\])/iu;
const URL_PART = /\b(?:https?:\/\/|www\.)\S+/giu;
/** What every embed line, link reference and URL holds: one cheap scan spares the three above on ordinary paragraphs. */
const MAY_HOLD_URL = /https?:\/\/|www\.|^(?:i?frame|embed|\[im|\(button|\[button|\[ins)/iu;
/** A numbered reference a text dump lists links under: "12. https://…". */
const LINK_REFERENCE = /^\[?\d+\]?\.?\s+(?:https?:\/\/|www\.)\S+$/iu;
/** "Home > World > Africa", "Beranda / Dunia", "الرئيسية » أخبار", "Privacy | Terms | Contact". */
const SEPARATOR = /\s+[|»>›/·•]\s+|\s*[|»›·•]\s*/u;
const SHARE_WORDS = new Set(
  [
    'share',
    'shares',
    'shared',
    'tweet',
    'twitter',
    'x',
    'facebook',
    'whatsapp',
    'telegram',
    'linkedin',
    'pinterest',
    'reddit',
    'email',
    'e-mail',
    'mail',
    'print',
    'copy',
    'link',
    'copied',
    'messenger',
    'line',
    'instagram',
    'tiktok',
    'youtube',
    'threads',
    'on',
    'via',
    'this',
    'article',
    'story',
    'bagikan',
    'artikel',
    'ini',
    'ke',
    'salin',
    'tautan',
    'cetak',
    'شارك',
    'شاركها',
    'مشاركة',
    'المقال',
    'على',
    'عبر',
    'فيسبوك',
    'فيس',
    'بوك',
    'تويتر',
    'واتساب',
    'واتس',
    'اب',
    'تيليجرام',
    'تلغرام',
    'طباعة',
    'انستغرام',
    'إنستغرام',
    'نسخ',
    'الرابط',
    'لينكدإن',
    'بريد',
    'إلكتروني',
  ].map((w) => foldText(w)),
);
const COPYRIGHT = /(?:©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|hak cipta|جميع الحقوق محفوظة|حقوق النشر|حقوق الطبع)/iu;
/** "By Jane Doe", "Oleh: Budi", "Penulis: …", "بقلم …" — and not "Oleh karena itu, …" ("therefore"). */
const BYLINE =
  /^(?:by|oleh|penulis|reporter|pewarta|editor|penyunting|writer|author|بقلم|كتب|كتبه|كتبت|تحرير|إعداد)(?=[\s:：])\s*:?\s*(?!karena\b)\S/iu;
/** A menu item: a few words, short. */
const SHORT_LINE_WORDS = 3;
const SHORT_LINE_CHARS = 30;

/** A row of share buttons is short; longer blocks are not even split (every paragraph passes here). */
const SHARE_ROW_MAX_CHARS = 300;

function isShareRow(block: string): boolean {
  if (block.length > SHARE_ROW_MAX_CHARS) return false;
  let count = 0;
  for (const token of block.split(/[\s|·•,:/()]+/u)) {
    if (!token) continue;
    // Stop at the first word that is not a share word: paragraphs fail on their first word.
    const folded = foldText(token);
    if (!SHARE_WORDS.has(folded) && !/^\d+[kKmM]?$/.test(folded)) return false;
    count++;
  }
  return count >= 2;
}

function isMenuRow(block: string): boolean {
  const segments = block
    .split(SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
  return segments.length >= 3 && segments.every((s) => hasAtMostWords(s, 4) && !SENTENCE_END.test(s));
}

function isUrlLine(block: string): boolean {
  if (!MAY_HOLD_URL.test(block)) return false;
  if (EMBED_LINE.test(block) || LINK_REFERENCE.test(block)) return true;
  const urlChars = (block.match(URL_PART) ?? []).reduce((n, url) => n + url.length, 0);
  return urlChars > 0 && urlChars >= 0.6 * block.replace(/\s/g, '').length;
}

/** A line that is a date and little else: "5 December 2023", "Senin, 4 Desember 2023 | 14:05 WIB". */
export function isDateLine(block: string): boolean {
  if (block.length > 80 || SENTENCE_END.test(block)) return false;
  const date = findDates(block).find((d) => d.year !== undefined && d.day !== undefined);
  if (!date) return false;
  const rest = `${block.slice(0, date.start)} ${block.slice(date.end)}`.replace(/[\d:.,|/–—-]+/g, ' ');
  return hasAtMostWords(rest, 4);
}

export function isByline(block: string): boolean {
  return BYLINE.test(block) && hasAtMostWords(block, 8) && !SENTENCE_END.test(block);
}

export function isCopyrightLine(block: string): boolean {
  return hasAtMostWords(block, 25) && COPYRIGHT.test(block);
}

/** A line of a menu, not of prose: a few words, no sentence end, no figures. */
function isShortLine(block: string): boolean {
  return hasAtMostWords(block, SHORT_LINE_WORDS) && block.length <= SHORT_LINE_CHARS && !SENTENCE_END.test(block) && !/\d/.test(block);
}

/** The reason a single line, judged alone, is chrome. */
function lineReason(block: string, textDump: boolean): string | null {
  if (isUrlLine(block)) return 'link or embed line';
  if (isShareRow(block)) return 'share row';
  if (textDump && isMenuRow(block)) return 'menu or breadcrumb row';
  if (isCopyrightLine(block)) return 'copyright footer';
  if (isByline(block)) return 'byline';
  if (isDateLine(block)) return 'date line';
  if (textDump && BULLET.test(block) && hasAtMostWords(block, 8) && !SENTENCE_END.test(block)) return 'link bullet';
  return null;
}

/** For each block, why it is page chrome, or null when it may be article text. */
export function findPageChrome(blocks: readonly string[], { textDump }: { textDump: boolean }): (string | null)[] {
  const reasons = blocks.map((b) => lineReason(b, textDump));
  if (!textDump) return reasons;
  // Menus: three or more short lines in a row (lines already known as chrome continue a run).
  let runStart = 0;
  for (let i = 0; i <= blocks.length; i++) {
    const inRun = i < blocks.length && (isShortLine(blocks[i]!) || reasons[i] !== null);
    if (inRun) continue;
    const shortCount = blocks.slice(runStart, i).filter((b) => isShortLine(b)).length;
    if (i - runStart >= 3 && shortCount >= 2) {
      for (let j = runStart; j < i; j++) reasons[j] ??= 'menu (a run of short lines)';
    }
    runStart = i + 1;
  }
  // Navigation repeated at the top and bottom of the page: a line of a few words seen twice or more.
  const counts = new Map<string, number>();
  for (const block of blocks)
    if (hasAtMostWords(block, 4) && !SENTENCE_END.test(block)) counts.set(foldText(block), (counts.get(foldText(block)) ?? 0) + 1);
  blocks.forEach((block, i) => {
    if ((counts.get(foldText(block)) ?? 0) >= 2) reasons[i] ??= 'repeated navigation line';
  });
  return reasons;
}
