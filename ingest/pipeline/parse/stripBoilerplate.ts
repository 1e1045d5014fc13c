import type { StrippedBlock } from '../../core/article.js';
import { foldText } from '../../text/foldText.js';
import { isCopyrightLine } from './findPageChrome.js';

/**
 * Page furniture that scrapers keep around an article, in the languages of the archive. A block
 * matching one of these is never article text; a section heading ends the article, since what
 * follows it (related stories, comments, menus) is a list of other pages — unless the article's
 * prose resumes after a few short lines, as it does after a "related" box set inside the text.
 */

const words = (list: string[]) => new RegExp(`^(?:${list.join('|')})$`, 'iu');

/** Placeholders left where ads were: "[iklan_1]", "[ad_2]", "[إعلان]". */
const AD_MARKER = /^\[[\p{L}_ -]{1,24}\d*\]$/u;

const LINE_PATTERNS: [RegExp, string][] = [
  [AD_MARKER, 'ad marker'],
  [/^(?:advertisement|iklan|إعلان|publicité|anuncio|quảng cáo)$/iu, 'ad marker'],
  [/^(?:komentar|comments?|komen|تعليقات?|التعليقات|commentaires?|comentarios?|bình luận)\s*\(?\s*\d*\s*\)?$/iu, 'comment counter'],
  [/^(?:no data|tidak ada data|لا توجد بيانات)$/iu, 'empty widget'],
  [
    words([
      'telegram',
      'whats ?app(?: channel)?',
      'twitter',
      'x',
      'facebook',
      'instagram',
      'tik ?tok',
      'youtube',
      'linkedin',
      'pinterest',
      'reddit',
      'e-?mail',
      'google news',
      'nabd',
      'threads',
      'share',
      'bagikan',
      'shares?',
      'tweet',
      'print',
      'cetak',
      'شارك',
      'مشاركة',
      'طباعة',
      'join us and fol+o(?:w)?(?: us)?',
      'follow us',
      'ikuti kami',
      'تابعنا',
    ]),
    'social link or share button',
  ],
  [/^(?:continue reading|read more|baca selengkapnya|lanjut(?:kan)? membaca|اقرأ المزيد|تابع القراءة)/iu, '"continue reading" prompt'],
  [/^(?:اشترك|subscribe|berlangganan)\s.*(?:القراءة|reading|membaca|الأرشيف|archive)/iu, 'subscription prompt'],
  [/^(?:اكتشاف المزيد من|discover more from|more from)\s/iu, 'subscription prompt'],
  [/^(?:baca juga|read also|see also|اقرأ أيضا|اقرأ ايضا)(?:[\s:]|$)/iu, '"read also" link'],
  [/^(?:ادارة|إدارة) الموقع لا تتبنى/u, 'site disclaimer'],
  [/^(?:disclaimer|the views expressed|penafian)\b/iu, 'site disclaimer'],
  [/^(?:نشر الخبر اول مرة|نشر الخبر أول مرة|first published|pertama kali diterbitkan)/iu, 'source note'],
  [/^(?:sumber|source|المصدر|مصدر الخبر|nguồn)\s*:?$/iu, 'source note'],
  [/^(?:زر الذهاب إلى الأعلى|back to top|kembali ke atas|scroll to top|العودة للأعلى)$/iu, 'navigation'],
  [
    words([
      'menu',
      'search',
      'cari',
      'pencarian',
      'بحث',
      'log ?in',
      'sign ?in',
      'sign ?up',
      'register',
      'masuk',
      'daftar',
      'تسجيل الدخول',
      'home',
      'beranda',
      'الرئيسية',
      'skip to (?:main )?content',
      'toggle navigation',
      'close',
      'tutup',
      'إغلاق',
      'rss',
      'rss feed',
      'feed',
      'atom',
      'newsletter',
      'subscribe',
      'berlangganan',
      'اشترك',
      'next',
      'previous',
      'selanjutnya',
      'sebelumnya',
      'التالي',
      'السابق',
    ]),
    'navigation',
  ],
];

/** Headings after which a page lists other articles; the article ends before them. */
const SECTION_END = words([
  'dalam topik yang sama',
  'dalam kategori yang sama',
  'dari penulis yang sama',
  'berita terkait',
  'artikel terkait',
  'baca juga',
  'related(?: articles| stories| posts| news)?',
  'more stories',
  'you may also like',
  'recommended',
  'read next',
  'مقالات ذات صلة',
  'أخبار ذات صلة',
  'اخبار ذات صلة',
  'مواضيع ذات صلة',
  'قد يعجبك أيضا',
  'اقرأ أيضا',
  'tin liên quan',
  'cùng chuyên mục',
]);

/** Image captions carry the image's number: "…, gambar 1", "…, image 2". */
const CAPTION_NUMBER = /,\s*(?:gambar|image|photo|foto|صورة|hình|ảnh)\s*\d+$/iu;
/** How many blocks an inline "related" box may span before the article's prose resumes. */
const INLINE_BOX_BLOCKS = 8;

export function boilerplateReason(block: string): string | null {
  return LINE_PATTERNS.find(([pattern]) => pattern.test(block))?.[1] ?? null;
}

export function isBoilerplate(block: string): boolean {
  return boilerplateReason(block) !== null;
}

export function isSectionEnd(block: string): boolean {
  return SECTION_END.test(block.replace(/[:：]$/, ''));
}

/** "XX" where a caption was scraped twice without a break becomes "X". */
export function undouble(block: string): string {
  const half = block.length / 2;
  if (Number.isInteger(half) && half >= 2 && block.slice(0, half) === block.slice(half)) return block.slice(0, half);
  return block;
}

/** A sentence-ending paragraph: what shows the article's own text goes on. */
const isProse = (block: string) => block.split(/\s+/).length >= 10 && /[.!?؟。"”»]$/u.test(block);

/**
 * Where the article's own text ends: at the first related-articles heading or copyright footer
 * after which no prose resumes within a few blocks (another such heading first means a list of
 * lists), or at the end. `ends` at an index below it are inline boxes, kept out but not ending.
 */
export function findArticleEnd(
  blocks: readonly string[],
  chrome: readonly (string | null)[] = [],
): { end: number; inlineBoxes: Map<number, number> } {
  const inlineBoxes = new Map<number, number>();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (!isSectionEnd(block) && !isCopyrightLine(block)) continue;
    let resumes = -1;
    for (let j = i + 1; j < blocks.length && j <= i + INLINE_BOX_BLOCKS; j++) {
      if (isSectionEnd(blocks[j]!)) break;
      if (isProse(blocks[j]!) && !chrome[j] && !isBoilerplate(blocks[j]!)) {
        resumes = j;
        break;
      }
    }
    if (resumes === -1) return { end: i, inlineBoxes };
    inlineBoxes.set(i, resumes);
    i = resumes - 1;
  }
  return { end: blocks.length, inlineBoxes };
}

export type StripOptions = {
  /** Per block, the reason findPageChrome gave it, or null. */
  chrome?: readonly (string | null)[];
  /** Blocks also found outside the article, folded (see ParsedPage.outside); without it, every repeat is furniture. */
  outside?: ReadonlySet<string>;
  /** Text dumps: a line repeated right after itself (an image's alt text, then its caption) is kept once. */
  textDump?: boolean;
  /** How a block is folded to find repeats (default foldText; parseSeed passes its memo of the blocks it has folded). */
  fold?: (block: string) => string;
};

/**
 * The article's own blocks: no ad markers, counters, share links, prompts, disclaimers or page
 * chrome, nothing after the article's end, no inline related box, and a repeated block once
 * when it also appears outside the article (a repeated table cell or step inside it is content).
 * Every block left out is listed with its reason.
 */
export function stripBoilerplate(
  blocks: readonly string[],
  { chrome = [], outside, textDump = false, fold = foldText }: StripOptions = {},
): { kept: string[]; stripped: StrippedBlock[] } {
  const kept: string[] = [];
  const stripped: StrippedBlock[] = [];
  const seen = new Set<string>();
  const { end, inlineBoxes } = findArticleEnd(blocks, chrome);
  let previous = '';
  for (let i = 0; i < end; i++) {
    const raw = blocks[i]!;
    const boxEnd = inlineBoxes.get(i);
    if (boxEnd !== undefined) {
      for (let j = i; j < boxEnd; j++)
        stripped.push({ text: blocks[j]!, reason: j === i ? 'heading of an inline related box' : 'inside an inline related box' });
      i = boxEnd - 1;
      continue;
    }
    const reason = boilerplateReason(raw) ?? chrome[i];
    if (reason) {
      stripped.push({ text: raw, reason });
      continue;
    }
    const block = undouble(raw).replace(CAPTION_NUMBER, '').trim();
    const key = fold(block);
    if (!block) continue;
    const furniture = seen.has(key) && (outside === undefined || outside.has(key));
    if (furniture || (textDump && key === previous)) {
      stripped.push({ text: raw, reason: furniture ? 'repeated (also outside the article)' : 'repeated line' });
      continue;
    }
    seen.add(key);
    previous = key;
    kept.push(block);
  }
  if (end < blocks.length) {
    const why = isCopyrightLine(blocks[end]!) ? 'page footer' : `after "${blocks[end]}": other articles`;
    for (const text of blocks.slice(end)) stripped.push({ text, reason: why });
  }
  return { kept, stripped };
}
