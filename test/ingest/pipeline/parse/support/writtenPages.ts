/**
 * Pages written for the parsing tests, the way sites and text dumps of them look (nothing can be
 * downloaded here): each with the title, date and article paragraphs a reader would name. The
 * tests check them one by one; measurePages scores the parser on all of them.
 */

export type WrittenPage = {
  name: string;
  text: string;
  /** What the article is: the chrome around it is everything else on the page. */
  expect: { title: string; published: string | null; paragraphs: string[] };
};

const EN = [
  'Niger’s military government said on Monday that it had ended the European Union’s two security missions in the country, in a statement read on state television.',
  'The decision follows a visit to Niamey by a Russian delegation led by the deputy defence minister, who met the head of the military government and the defence minister.',
  'Analysts said the step marked a shift in the foreign policy of the Sahel states led by soldiers since a series of coups, and that more such agreements were likely.',
  'France, which had 1,500 troops in the country, has already been asked to leave, and the United States is reviewing its own presence at an air base in the north.',
];
const ID = [
  'Pemerintah militer Niger pada hari Senin mengumumkan bahwa negara itu mengakhiri dua misi keamanan Uni Eropa di wilayahnya, dalam pernyataan yang dibacakan di televisi nasional.',
  'Keputusan itu diambil setelah kunjungan delegasi Rusia yang dipimpin oleh wakil menteri pertahanan, yang bertemu dengan pemimpin pemerintahan militer di Niamey.',
  'Para analis menilai langkah tersebut menandai pergeseran besar dalam kebijakan luar negeri negara-negara Sahel yang dipimpin militer sejak serangkaian kudeta.',
  'Prancis, yang memiliki 1.500 tentara di negara itu, telah diminta pergi, sementara Amerika Serikat meninjau kehadirannya di sebuah pangkalan udara di utara.',
];
const AR = [
  'أعلنت الحكومة العسكرية في النيجر يوم الاثنين إنهاء مهمتي الاتحاد الأوروبي الأمنيتين في البلاد، في بيان تلي على التلفزيون الرسمي.',
  'وجاء القرار بعد زيارة وفد روسي برئاسة نائب وزير الدفاع إلى نيامي، حيث التقى رئيس الحكومة العسكرية ووزير الدفاع في البلاد.',
  'وقال محللون إن هذه الخطوة تمثل تحولا في السياسة الخارجية لدول الساحل التي يقودها العسكريون منذ سلسلة من الانقلابات في المنطقة.',
  'وكانت فرنسا التي لديها ألف وخمسمئة جندي في البلاد قد طلب منها المغادرة، فيما تراجع الولايات المتحدة وجودها في قاعدة جوية شمالا.',
];

const html = (head: string, body: string, lang = 'en') =>
  `<!doctype html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const ps = (paragraphs: readonly string[]) => paragraphs.map((p) => `<p>${p}</p>`).join('\n');
const NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>';
const FOOTER = '<footer><p>© 2023 Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>';
const jsonLd = (data: object) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', ...data })}</script>`;
const HEADLINE = 'Niger ends EU security missions and turns to Russia';

export const TITLE_PAGES: WrittenPage[] = [
  {
    name: 'og-title-site-at-end.html',
    text: html(
      `<title>${HEADLINE} | Example News</title><meta property="og:title" content="${HEADLINE} | Example News"><meta property="og:site_name" content="Example News">`,
      `${NAV}<article><h1>${HEADLINE}</h1>${ps(EN)}</article>${FOOTER}`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
  {
    name: 'title-site-at-start.html',
    text: html(
      `<title>Example News - ${HEADLINE}</title><link rel="canonical" href="https://www.examplenews.com/world/niger">`,
      `${NAV}<article><h1>${HEADLINE}</h1>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
  {
    name: 'json-ld-headline.html',
    text: html(
      `<meta property="og:title" content="Niger: what the end of EU missions means">${jsonLd({ headline: HEADLINE })}`,
      `<article><h2>Explainer</h2>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
  {
    name: 'og-title-unknown-site.html',
    text: html(
      `<meta property="og:title" content="${HEADLINE} – The Sahel Daily Observer">`,
      `<article><h1>${HEADLINE}</h1>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
  {
    name: 'logo-h1.html',
    text: html(
      `<title>${HEADLINE} · Kabar Dunia</title><meta property="og:site_name" content="Kabar Dunia">`,
      `<header><h1>Kabar Dunia</h1></header><main>${ps(EN)}</main>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
];

export const DATE_PAGES: WrittenPage[] = [
  {
    name: 'json-ld-dates.html',
    text: html(
      jsonLd({ headline: HEADLINE, dateModified: '2023-12-07T10:00:00Z', datePublished: '2023-12-05T08:00:00Z' }),
      `<article>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: '2023-12-05', paragraphs: EN },
  },
  {
    name: 'article-published-time.html',
    text: html(
      `<meta property="article:modified_time" content="2023-12-09"><meta property="article:published_time" content="2023-12-04T21:00:00+01:00"><title>${HEADLINE}</title>`,
      `<article>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: '2023-12-04', paragraphs: EN },
  },
  {
    name: 'time-elements.html',
    text: html(
      `<title>${HEADLINE}</title>`,
      `<article><h1>${HEADLINE}</h1><p class="meta">Updated <time class="updated" datetime="2023-12-08">8 Dec</time>, first published <time itemprop="datePublished" datetime="2023-12-05">5 Dec</time></p>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: '2023-12-05', paragraphs: EN },
  },
  {
    name: 'visible-date-id.html',
    text: html(
      '<title>Niger mengakhiri misi Uni Eropa</title>',
      `<article><h1>Niger mengakhiri misi Uni Eropa</h1><div class="date">Senin, 4 Desember 2023 14:05 WIB</div>${ps(ID)}</article>`,
      'id',
    ),
    expect: { title: 'Niger mengakhiri misi Uni Eropa', published: '2023-12-04', paragraphs: ID },
  },
  {
    name: 'visible-date-ar.html',
    text: `<html><head><title>النيجر تنهي مهمتي الاتحاد الأوروبي</title></head><body><article><h1>النيجر تنهي مهمتي الاتحاد الأوروبي</h1><span>الثلاثاء 5 ديسمبر 2023</span>${ps(AR)}</article></body></html>`,
    expect: { title: 'النيجر تنهي مهمتي الاتحاد الأوروبي', published: '2023-12-05', paragraphs: AR },
  },
  {
    name: 'visible-date-en.html',
    text: `<html><head><title>${HEADLINE}</title></head><body><article><h1>${HEADLINE}</h1><div>December 5, 2023</div>${ps(EN)}</article></body></html>`,
    expect: { title: HEADLINE, published: '2023-12-05', paragraphs: EN },
  },
  {
    name: 'url-path-date.html',
    text: html(
      `<title>${HEADLINE}</title><meta property="og:url" content="https://www.examplenews.com/world/2022/02/01/niger-eu-missions/">`,
      `<article>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: '2022-02-01', paragraphs: EN },
  },
  {
    name: 'future-and-ancient-dates.html',
    text: html(
      `<title>${HEADLINE}</title>${jsonLd({ datePublished: '2999-01-01' })}<meta property="article:published_time" content="1970-01-01T00:00:00Z"><meta property="og:url" content="https://examplenews.com/2023/12/06/niger">`,
      `<article>${ps(EN)}</article>`,
    ),
    expect: { title: HEADLINE, published: '2023-12-06', paragraphs: EN },
  },
];

const TABLE_ROWS = ['Year | Troops | Mission', '2022 | 1,500 | EUCAP Sahel', '2023 | 1,500 | EUMPM'];

export const TEXT_PAGES: WrittenPage[] = [
  {
    name: 'bare-divs.html',
    text: html(
      `<title>${HEADLINE}</title>`,
      `${NAV}<div class="story"><div class="body">${EN[0]}<br><br>${EN[1]}</div><div>${EN[2]}</div><section>${EN[3]}</section></div>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
  {
    name: 'table.html',
    text: html(
      `<title>${HEADLINE}</title>`,
      `<article>${ps(EN.slice(0, 2))}<table><thead><tr><th>Year</th><th>Troops</th><th>Mission</th></tr></thead><tbody><tr><td>2022</td><td>1,500</td><td>EUCAP Sahel</td></tr><tr><td>2023</td><td>1,500</td><td>EUMPM</td></tr></tbody></table>${ps(EN.slice(2))}</article>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: [...EN.slice(0, 2), ...TABLE_ROWS, ...EN.slice(2)] },
  },
  {
    name: 'steps-list.html',
    text: html(
      `<title>${HEADLINE}</title>`,
      `<article>${ps(EN.slice(0, 2))}<ol><li>Check the passport.</li><li>Wait.</li><li>Show the visa.</li><li>Wait.</li></ol>${ps(EN.slice(2))}</article>`,
    ),
    expect: {
      title: HEADLINE,
      published: null,
      paragraphs: [...EN.slice(0, 2), 'Check the passport.', 'Wait.', 'Show the visa.', 'Wait.', ...EN.slice(2)],
    },
  },
  {
    name: 'inline-related.html',
    text: html(
      `<title>${HEADLINE}</title>`,
      `<article>${ps(EN.slice(0, 2))}<h4>Related</h4><p><a href="/a">Mali expels French ambassador</a></p><p><a href="/b">Burkina Faso suspends broadcasts</a></p>${ps(EN.slice(2))}</article>`,
    ),
    expect: { title: HEADLINE, published: null, paragraphs: EN },
  },
];

export const DUMP_PAGES: WrittenPage[] = [
  {
    name: 'dump-en.txt',
    text: [
      'Skip to main content',
      '* Home',
      '* World',
      '* Africa',
      '* Business',
      '* Sport',
      'Search',
      '',
      'Home > World > Africa',
      '',
      HEADLINE,
      '',
      'By Jane Doe',
      '5 December 2023',
      '',
      'Share Tweet WhatsApp Email',
      '',
      EN[0],
      '',
      EN[1],
      '',
      'IFRAME: https://www.youtube.com/embed/abc123',
      '',
      EN[2],
      '',
      EN[3],
      '',
      'Share on Facebook | Share on X',
      '',
      'More from World',
      '* Mali expels French ambassador',
      '* Burkina Faso suspends broadcasts',
      '',
      '© 2023 Example News. All rights reserved.',
      'Privacy Policy | Terms of Use | Contact',
      '* Home',
      '* World',
      'RSS',
    ].join('\n'),
    expect: { title: HEADLINE, published: '2023-12-05', paragraphs: EN },
  },
  {
    name: 'dump-id.txt',
    text: [
      '* Beranda',
      '* Nasional',
      '* Internasional',
      '* Ekonomi',
      '* Olahraga',
      '',
      'Beranda / Internasional / Afrika',
      '',
      'Niger mengakhiri misi keamanan Uni Eropa',
      '',
      'Oleh: Budi Santoso',
      'Senin, 4 Desember 2023 | 14:05 WIB',
      '',
      'Bagikan: Facebook Twitter WhatsApp',
      '',
      ID[0],
      '',
      ID[1],
      '',
      'https://www.kabardunia.example/video/niger-rusia',
      '',
      ID[2],
      '',
      ID[3],
      '',
      'Berita Terkait',
      '* Mali mengusir duta besar Prancis',
      '* Burkina Faso menghentikan siaran',
      '',
      'Hak Cipta © 2023 Kabar Dunia',
      '* Beranda',
      '* Nasional',
    ].join('\n'),
    expect: { title: 'Niger mengakhiri misi keamanan Uni Eropa', published: '2023-12-04', paragraphs: ID },
  },
  {
    name: 'dump-ar.txt',
    text: [
      '* الرئيسية',
      '* أخبار',
      '* سياسة',
      '* اقتصاد',
      '* رياضة',
      '',
      'الرئيسية » أخبار » أفريقيا',
      '',
      'النيجر تنهي مهمتي الاتحاد الأوروبي وتتجه إلى روسيا',
      '',
      'بقلم: أحمد علي',
      'الثلاثاء 5 ديسمبر 2023',
      '',
      'شارك: فيسبوك تويتر واتساب',
      '',
      AR[0],
      '',
      AR[1],
      '',
      'IFRAME: https://www.youtube.com/embed/xyz789',
      '',
      AR[2],
      '',
      AR[3],
      '',
      'مقالات ذات صلة',
      '* مالي تطرد السفير الفرنسي',
      '* بوركينا فاسو تعلق البث',
      '',
      'جميع الحقوق محفوظة © 2023',
      '* الرئيسية',
      '* أخبار',
    ].join('\n'),
    expect: { title: 'النيجر تنهي مهمتي الاتحاد الأوروبي وتتجه إلى روسيا', published: '2023-12-05', paragraphs: AR },
  },
];

export const WRITTEN_PAGES: WrittenPage[] = [...TITLE_PAGES, ...DATE_PAGES, ...TEXT_PAGES, ...DUMP_PAGES];
