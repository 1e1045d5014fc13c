import { foldText } from '../../text/foldText.js';

/**
 * Page furniture that scrapers keep around an article, in the languages of the archive. A block
 * matching one of these is never article text; a section heading also ends the article, since
 * what follows it (related stories, comments, menus) is a list of other pages.
 */

const words = (list: string[]) => new RegExp(`^(?:${list.join('|')})$`, 'iu');

/** Placeholders left where ads were: "[iklan_1]", "[ad_2]", "[إعلان]". */
const AD_MARKER = /^\[[\p{L}_ -]{1,24}\d*\]$/u;

const LINE_PATTERNS: RegExp[] = [
  AD_MARKER,
  /^(?:advertisement|iklan|إعلان|publicité|anuncio|quảng cáo)$/iu,
  // Comment counters.
  /^(?:komentar|comments?|komen|تعليقات?|التعليقات|commentaires?|comentarios?|bình luận)\s*\(?\s*\d*\s*\)?$/iu,
  /^(?:no data|tidak ada data|لا توجد بيانات)$/iu,
  // Social links and share buttons.
  words([
    'telegram', 'whats ?app(?: channel)?', 'twitter', 'x', 'facebook', 'instagram', 'tik ?tok', 'youtube',
    'linkedin', 'pinterest', 'reddit', 'e-?mail', 'google news', 'nabd', 'threads', 'share', 'bagikan',
    'shares?', 'tweet', 'print', 'cetak', 'شارك', 'مشاركة', 'طباعة', 'join us and fol+o(?:w)?(?: us)?',
    'follow us', 'ikuti kami', 'تابعنا',
  ]),
  // "Continue reading" and subscription prompts.
  /^(?:continue reading|read more|baca selengkapnya|lanjut(?:kan)? membaca|اقرأ المزيد|تابع القراءة)/iu,
  /^(?:اشترك|subscribe|berlangganan)\s.*(?:القراءة|reading|membaca|الأرشيف|archive)/iu,
  /^(?:اكتشاف المزيد من|discover more from|more from)\s/iu,
  /^(?:baca juga|read also|see also|اقرأ أيضا|اقرأ ايضا)(?:[\s:]|$)/iu,
  // Site disclaimers and source notes.
  /^(?:ادارة|إدارة) الموقع لا تتبنى/u,
  /^(?:disclaimer|the views expressed|penafian)\b/iu,
  /^(?:نشر الخبر اول مرة|نشر الخبر أول مرة|first published|pertama kali diterbitkan)/iu,
  /^(?:sumber|source|المصدر|مصدر الخبر|nguồn)\s*:?$/iu,
  // Navigation.
  /^(?:زر الذهاب إلى الأعلى|back to top|kembali ke atas|scroll to top|العودة للأعلى)$/iu,
];

/** Headings after which a page lists other articles; the article ends before them. */
const SECTION_END = words([
  'dalam topik yang sama', 'dalam kategori yang sama', 'dari penulis yang sama', 'berita terkait',
  'artikel terkait', 'baca juga', 'related(?: articles| stories| posts| news)?', 'more stories',
  'you may also like', 'recommended', 'read next', 'مقالات ذات صلة', 'أخبار ذات صلة', 'اخبار ذات صلة',
  'مواضيع ذات صلة', 'قد يعجبك أيضا', 'اقرأ أيضا', 'tin liên quan', 'cùng chuyên mục',
]);

/** Image captions carry the image's number: "…, gambar 1", "…, image 2". */
const CAPTION_NUMBER = /,\s*(?:gambar|image|photo|foto|صورة|hình|ảnh)\s*\d+$/iu;

export function isBoilerplate(block: string): boolean {
  return LINE_PATTERNS.some((pattern) => pattern.test(block));
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

/**
 * The article's own blocks from `first` on: no ad markers, counters, share links, prompts or
 * disclaimers, nothing after a related-articles heading, and each caption once.
 */
export function stripBoilerplate(blocks: readonly string[]): string[] {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const raw of blocks) {
    if (isSectionEnd(raw)) break;
    if (isBoilerplate(raw)) continue;
    const block = undouble(raw).replace(CAPTION_NUMBER, '').trim();
    const key = foldText(block);
    if (!block || seen.has(key)) continue;
    seen.add(key);
    kept.push(block);
  }
  return kept;
}
