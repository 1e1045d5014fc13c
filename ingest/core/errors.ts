/** The languages a user-facing message is written in (the bot's labels have the same two); English is the fallback. */
export type MessageLanguage = 'en' | 'id';

type Template<P> = (p: P) => string;

/** A message that is safe to show as it is, in every MessageLanguage. */
const shown = <P = undefined>(en: Template<P>, id: Template<P>) => ({ userFacing: true as const, texts: { en, id } });
/** An internal failure's message, for the log only (users get a generic reply), so in English alone. */
const internal = <P = undefined>(en: Template<P>) => ({ userFacing: false as const, texts: { en } });

/** Discord's permission names as its Indonesian interface shows them. */
const PERMISSION_NAMES_ID: Readonly<Record<string, string>> = { 'Manage Server': 'Kelola Server' };

/**
 * Every error the domain raises comes from this one table, so messages stay consistent and
 * front-ends can tell errors that are safe to show (`userFacing`) from internal failures.
 */
const errorTable = {
  CONFIG_INVALID: shown(
    (p: { detail: string }) => `Invalid configuration:\n${p.detail}`,
    (p) => `Konfigurasi tidak valid:\n${p.detail}`,
  ),
  INDEX_MISSING: shown(
    (p: { dir: string }) => `No index found in ${p.dir}. Run \`npm run ingest\` first.`,
    (p) => `Tidak ada indeks di ${p.dir}. Jalankan \`npm run ingest\` terlebih dahulu.`,
  ),
  INDEX_DAMAGED: shown(
    (p: { file: string; reason: string }) => `The index file ${p.file} cannot be read (${p.reason}). Run \`npm run ingest\` to rebuild it.`,
    (p) => `Berkas indeks ${p.file} tidak dapat dibaca (${p.reason}). Jalankan \`npm run ingest\` untuk membangunnya ulang.`,
  ),
  INDEX_INCOMPATIBLE: shown(
    (p: { dir: string; reason: string }) =>
      `The index in ${p.dir} was built differently (${p.reason}). Run \`npm run ingest\` to rebuild it.`,
    (p) => `Indeks di ${p.dir} dibangun dengan cara lain (${p.reason}). Jalankan \`npm run ingest\` untuk membangunnya ulang.`,
  ),
  EMBEDDING_DIMENSIONS: internal(
    (p: { expected: number; actual: number }) => `Vector has ${p.actual} dimensions, the index expects ${p.expected}.`,
  ),
  EMBEDDER_UNAVAILABLE: shown(
    (p: { embedder: string; reason: string }) => `The ${p.embedder} embedder cannot be used: ${p.reason}`,
    (p) => `Embedder ${p.embedder} tidak dapat digunakan: ${p.reason}`,
  ),
  EMBEDDER_FAILED: shown(
    (p: { embedder: string; reason: string }) => `The ${p.embedder} embedder failed: ${p.reason}`,
    (p) => `Embedder ${p.embedder} gagal: ${p.reason}`,
  ),
  EMBEDDER_MISMATCH: shown(
    (p: { dir: string; built: string; configured: string; fix: string }) =>
      `The index in ${p.dir} was embedded with ${p.built}, but ${p.configured} is configured. ` +
      `Run \`npm run ingest\` to re-embed the articles with it, or ${p.fix} to use the index as it is.`,
    (p) =>
      `Indeks di ${p.dir} di-embed dengan ${p.built}, tetapi yang dikonfigurasi adalah ${p.configured}. ` +
      `Jalankan \`npm run ingest\` untuk meng-embed ulang artikel dengannya, atau ${p.fix} untuk memakai indeks apa adanya.`,
  ),
  EMPTY_QUESTION: shown(
    () => 'The question is empty: type what you want to know.',
    () => 'Pertanyaannya kosong: ketik apa yang ingin Anda ketahui.',
  ),
  QUESTION_TOO_LONG: shown(
    (p: { max: number }) => `The question is too long: keep it under ${p.max} characters.`,
    (p) => `Pertanyaannya terlalu panjang: buat kurang dari ${p.max} karakter.`,
  ),
  UNKNOWN_SOURCE: shown(
    (p: { id: string }) => `No article with id "${p.id}". Use /sources to list them.`,
    (p) => `Tidak ada artikel dengan id "${p.id}". Gunakan /sources untuk melihat daftarnya.`,
  ),
  SEEDS_DIR_MISSING: shown(
    (p: { dir: string; path: string }) =>
      `SEEDS_DIR is ${p.dir}, which does not exist (${p.path}): create it and put the articles in it, or set SEEDS_DIR to the folder that holds them.`,
    (p) =>
      `SEEDS_DIR adalah ${p.dir}, yang tidak ada (${p.path}): buat folder itu dan taruh artikel di dalamnya, atau atur SEEDS_DIR ke folder yang berisi artikel.`,
  ),
  SEEDS_DIR_NOT_FOLDER: shown(
    (p: { dir: string; path: string }) =>
      `SEEDS_DIR is ${p.dir}, which is a file, not a folder (${p.path}): set SEEDS_DIR to the folder that holds the articles.`,
    (p) => `SEEDS_DIR adalah ${p.dir}, yang merupakan berkas, bukan folder (${p.path}): atur SEEDS_DIR ke folder yang berisi artikel.`,
  ),
  SEEDS_DIR_UNREADABLE: shown(
    (p: { dir: string; path: string; reason: string }) =>
      `SEEDS_DIR is ${p.dir}, a folder newsdesk cannot read (${p.reason}, ${p.path}): check its permissions.`,
    (p) => `SEEDS_DIR adalah ${p.dir}, folder yang tidak dapat dibaca newsdesk (${p.reason}, ${p.path}): periksa izinnya.`,
  ),
  NOTHING_INGESTED: shown(
    (p: { dir: string }) => `Nothing usable was found in ${p.dir}: every file was skipped.`,
    (p) => `Tidak ada yang dapat dipakai di ${p.dir}: setiap berkas dilewati.`,
  ),
  INVALID_OPTION: shown(
    (p: { detail: string }) => `That option is not valid:\n${p.detail}`,
    (p) => `Opsi itu tidak valid:\n${p.detail}`,
  ),
  MISSING_PERMISSION: shown(
    (p: { permission: string }) => `You need the ${p.permission} permission for this.`,
    (p) => `Anda memerlukan izin ${PERMISSION_NAMES_ID[p.permission] ?? p.permission} untuk ini.`,
  ),
  COOLDOWN: shown(
    (p: { seconds: number }) => `You are asking faster than I can keep up: try again in ${p.seconds} s.`,
    (p) => `Anda bertanya lebih cepat daripada yang dapat saya layani: coba lagi dalam ${p.seconds} dtk.`,
  ),
  REINGEST_RUNNING: shown(
    () => 'A re-ingest is already running: try again when it has finished.',
    () => 'Pengindeksan ulang sedang berjalan: coba lagi setelah selesai.',
  ),
  INGEST_RUNNING: shown(
    (p: { dir: string; pid: number; host: string; since: string }) =>
      `An ingest is already running on ${p.dir} (pid ${p.pid}, host ${p.host}, since ${p.since}): try again when it has finished.`,
    (p) => `Pengindeksan sedang berjalan di ${p.dir} (pid ${p.pid}, host ${p.host}, sejak ${p.since}): coba lagi setelah selesai.`,
  ),
  INDEX_DIR_NOT_FOLDER: shown(
    (p: { dir: string; path: string }) =>
      `INDEX_DIR is ${p.dir}, which is a file, not a folder (${p.path}): set INDEX_DIR to a folder newsdesk may create and fill.`,
    (p) =>
      `INDEX_DIR adalah ${p.dir}, yang merupakan berkas, bukan folder (${p.path}): atur INDEX_DIR ke folder yang boleh dibuat dan diisi newsdesk.`,
  ),
  INDEX_DIR_OVERLAPS_SEEDS: shown(
    (p: { indexDir: string; indexPath: string; seedsDir: string; seedsPath: string; relation: 'same' | 'inside' | 'contains' }) =>
      `INDEX_DIR is ${p.indexDir} (${p.indexPath}) and SEEDS_DIR is ${p.seedsDir} (${p.seedsPath}): the index folder ${
        { same: 'is', inside: 'sits inside', contains: 'contains' }[p.relation]
      } the seeds folder. Set INDEX_DIR to a folder of its own, outside SEEDS_DIR.`,
    (p) =>
      `INDEX_DIR adalah ${p.indexDir} (${p.indexPath}) dan SEEDS_DIR adalah ${p.seedsDir} (${p.seedsPath}): folder indeks ${
        { same: 'sama dengan', inside: 'berada di dalam', contains: 'berisi' }[p.relation]
      } folder seeds. Atur INDEX_DIR ke folder tersendiri, di luar SEEDS_DIR.`,
  ),
  INDEX_DIR_FOREIGN: shown(
    (p: { dir: string; path: string; example: string }) =>
      `INDEX_DIR is ${p.dir} (${p.path}), a folder that holds files newsdesk did not write (no .newsdesk-index marker; for example ${p.example}): ` +
      'set INDEX_DIR to a new or empty folder, or to one newsdesk created.',
    (p) =>
      `INDEX_DIR adalah ${p.dir} (${p.path}), folder yang berisi berkas yang tidak ditulis newsdesk (tanpa penanda .newsdesk-index; misalnya ${p.example}): ` +
      'atur INDEX_DIR ke folder baru atau kosong, atau ke folder yang dibuat newsdesk.',
  ),
  SHARED_STATE_INVALID: internal(
    (p: { table: string; detail: string }) => `A row of ${p.table} in the index database is not one newsdesk writes:\n${p.detail}`,
  ),
  INTERACTION_EXPIRED: shown(
    () => 'These buttons have expired: run the command again.',
    () => 'Tombol-tombol ini sudah kedaluwarsa: jalankan perintahnya lagi.',
  ),
} as const;

export type ErrorCode = keyof typeof errorTable;
type ErrorParams<C extends ErrorCode> = Parameters<(typeof errorTable)[C]['texts']['en']>[0];

export class NewsdeskError extends Error {
  override name = 'NewsdeskError';
  constructor(
    readonly code: ErrorCode,
    /** The message in each language it is written in; `message` is the English one. */
    private readonly texts: { en: string } & Partial<Record<MessageLanguage, string>>,
    /** True when the message may be shown to an end user as it is. */
    readonly userFacing: boolean,
    options?: ErrorOptions,
  ) {
    super(texts.en, options);
  }

  /** The message in `language`, or in English where the table has none (internal errors). Terminals and logs use `message`. */
  messageIn(language: MessageLanguage): string {
    return this.texts[language] ?? this.message;
  }
}

export function createError<C extends ErrorCode>(
  code: C,
  ...[params, options]: ErrorParams<C> extends undefined ? [undefined?, ErrorOptions?] : [ErrorParams<C>, ErrorOptions?]
): NewsdeskError {
  const entry = errorTable[code];
  // Each entry's templates take that entry's parameters, which the signature above ties to `code`.
  const templates = Object.entries(entry.texts) as [MessageLanguage, Template<unknown>][];
  const texts = Object.fromEntries(templates.map(([language, render]) => [language, render(params)])) as { en: string };
  return new NewsdeskError(code, texts, entry.userFacing, options);
}

export function isUserFacingError(error: unknown): error is NewsdeskError {
  return error instanceof NewsdeskError && error.userFacing;
}
