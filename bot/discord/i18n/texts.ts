import type { MessageLanguage } from '../../../ingest/core/errors.js';

/**
 * Every label the bot writes, in English and Indonesian. Replies pick the language from the
 * user's Discord locale (`interaction.locale`); for mentions, which carry no locale, from the
 * server's preferred locale.
 */
export type Texts = {
  locale: string;
  passagesButton: string;
  passagesTitle: (n: number) => string;
  glossButton: string;
  glossTitle: string;
  glossNote: string;
  glossNone: string;
  nothingFound: string;
  /** What a follow-up in a thread was understood to be about: "(about: Niger, EU cooperation)". */
  aboutTopics: (topics: readonly string[]) => string;
  alsoReportedBy: string;
  undated: string;
  feedbackThanks: string;
  sourcesTitle: (count: number) => string;
  noSources: string;
  previous: string;
  next: string;
  page: (page: number, pages: number) => string;
  passageCount: (count: number) => string;
  source: {
    publisher: string;
    published: string;
    language: string;
    passages: string;
    ingested: string;
    id: string;
    opening: string;
  };
  reingest: {
    title: string;
    added: string;
    changed: string;
    removed: string;
    unchanged: string;
    skipped: string;
    total: (articles: number, passages: number, seconds: number) => string;
    nowLive: string;
    upToDate: string;
  };
  about: {
    title: string;
    articles: string;
    passages: string;
    languages: string;
    embedder: string;
    lastIngest: string;
    unanswered: (days: number) => string;
  };
  help: string;
  genericError: string;
};

const en: Texts = {
  locale: 'en-GB',
  passagesButton: 'Passages',
  passagesTitle: (n) => `Passage [${n}]`,
  glossButton: 'Gloss',
  glossTitle: 'Word-for-word English gloss',
  glossNote:
    'Each word’s first dictionary sense, in the sentence’s order: a gist, not a translation. Names, numbers and dates are left as written.',
  glossNone: 'This answer quotes nothing that needs a gloss.',
  nothingFound: 'I found nothing about that in the articles I have.',
  aboutTopics: (topics) => `(about: ${topics.join(', ')})`,
  alsoReportedBy: 'also reported by',
  undated: 'undated',
  feedbackThanks: 'Thanks — your feedback was recorded.',
  sourcesTitle: (count) => `Articles (${count})`,
  noSources: 'No article matches those filters.',
  previous: 'Previous',
  next: 'Next',
  page: (page, pages) => `Page ${page} of ${pages}`,
  passageCount: (count) => `${count} passage${count === 1 ? '' : 's'}`,
  source: {
    publisher: 'Publisher',
    published: 'Published',
    language: 'Language',
    passages: 'Passages',
    ingested: 'Ingested',
    id: 'Id',
    opening: 'Opening passage',
  },
  reingest: {
    title: 'Re-ingest finished',
    added: 'Added',
    changed: 'Changed',
    removed: 'Removed',
    unchanged: 'Unchanged',
    skipped: 'Skipped',
    total: (articles, passages, seconds) => `${articles} articles, ${passages} passages, in ${seconds.toFixed(1)} s.`,
    nowLive: 'New questions are answered from the new index now.',
    upToDate: 'The index was already up to date.',
  },
  about: {
    title: 'About newsdesk',
    articles: 'Articles',
    passages: 'Passages',
    languages: 'Languages',
    embedder: 'Embedder',
    lastIngest: 'Last ingest',
    unanswered: (days) => `Unanswered questions (last ${days} days)`,
  },
  help: [
    '**newsdesk** answers questions from the news articles it was given, citing them.',
    '`/ask question:` — ask; add `public:True` to show the answer to everyone, `since:`/`until:` (YYYY-MM-DD) to limit the dates',
    '`@newsdesk <question>` — ask in a channel; follow-ups go in the thread it opens',
    '`/sources` — list the articles, filtered by words, language or publisher',
    '`/source id:` — one article and its opening passage',
    '`/about` — what is indexed',
    '`/reingest` — admins: re-read the articles folder',
    'Under an answer: **Passages** shows the quoted text, 👍/👎 tell the maintainers whether it helped.',
  ].join('\n'),
  genericError: 'Something went wrong on my side; the maintainers have the details in the log.',
};

const id: Texts = {
  locale: 'id',
  passagesButton: 'Kutipan',
  passagesTitle: (n) => `Kutipan [${n}]`,
  glossButton: 'Arti kata',
  glossTitle: 'Arti kata demi kata dalam bahasa Inggris',
  glossNote:
    'Arti kamus pertama setiap kata, menurut urutan kalimat: gambaran, bukan terjemahan. Nama, angka, dan tanggal dibiarkan seperti aslinya.',
  glossNone: 'Jawaban ini tidak mengutip apa pun yang perlu diartikan.',
  nothingFound: 'Saya tidak menemukan apa pun tentang itu di artikel yang saya miliki.',
  aboutTopics: (topics) => `(tentang: ${topics.join(', ')})`,
  alsoReportedBy: 'juga diberitakan oleh',
  undated: 'tanpa tanggal',
  feedbackThanks: 'Terima kasih — masukan Anda telah dicatat.',
  sourcesTitle: (count) => `Artikel (${count})`,
  noSources: 'Tidak ada artikel yang cocok dengan filter itu.',
  previous: 'Sebelumnya',
  next: 'Berikutnya',
  page: (page, pages) => `Halaman ${page} dari ${pages}`,
  passageCount: (count) => `${count} kutipan`,
  source: {
    publisher: 'Penerbit',
    published: 'Terbit',
    language: 'Bahasa',
    passages: 'Kutipan',
    ingested: 'Diindeks',
    id: 'Id',
    opening: 'Kutipan pembuka',
  },
  reingest: {
    title: 'Pengindeksan ulang selesai',
    added: 'Ditambahkan',
    changed: 'Diubah',
    removed: 'Dihapus',
    unchanged: 'Tidak berubah',
    skipped: 'Dilewati',
    total: (articles, passages, seconds) => `${articles} artikel, ${passages} kutipan, dalam ${seconds.toFixed(1)} dtk.`,
    nowLive: 'Pertanyaan baru kini dijawab dari indeks yang baru.',
    upToDate: 'Indeks sudah mutakhir.',
  },
  about: {
    title: 'Tentang newsdesk',
    articles: 'Artikel',
    passages: 'Kutipan',
    languages: 'Bahasa',
    embedder: 'Embedder',
    lastIngest: 'Pengindeksan terakhir',
    unanswered: (days) => `Pertanyaan tanpa jawaban (${days} hari terakhir)`,
  },
  help: [
    '**newsdesk** menjawab pertanyaan dari artikel berita yang diberikan kepadanya, dengan menyebut sumbernya.',
    '`/ask question:` — bertanya; tambahkan `public:True` agar jawaban terlihat semua orang, `since:`/`until:` (YYYY-MM-DD) untuk membatasi tanggal',
    '`@newsdesk <pertanyaan>` — bertanya di kanal; pertanyaan lanjutan di utas yang dibukanya',
    '`/sources` — daftar artikel, disaring menurut kata, bahasa, atau penerbit',
    '`/source id:` — satu artikel dan kutipan pembukanya',
    '`/about` — apa saja yang diindeks',
    '`/reingest` — admin: membaca ulang folder artikel',
    'Di bawah jawaban: **Kutipan** menampilkan teks yang dikutip, 👍/👎 memberi tahu pengelola apakah jawabannya membantu.',
  ].join('\n'),
  genericError: 'Terjadi kesalahan di pihak saya; pengelola dapat melihat rinciannya di log.',
};

/** The language the bot writes in for a Discord locale: `id` → Indonesian; anything else → English. */
export function pickLanguage(locale: string | null | undefined): MessageLanguage {
  return locale?.toLowerCase().startsWith('id') ? 'id' : 'en';
}

/** The labels for a Discord locale (see pickLanguage). */
export function pickTexts(locale: string | null | undefined): Texts {
  return pickLanguage(locale) === 'id' ? id : en;
}
