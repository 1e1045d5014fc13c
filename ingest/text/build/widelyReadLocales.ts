/** The widest-read languages beside the archive's, whose CLDR names and month names newsdesk reads: both tables list them in this order. */
export const WIDELY_READ_LOCALES = ['fr', 'es', 'pt', 'de', 'it', 'nl', 'ru', 'uk', 'tr', 'fa'] as const;
