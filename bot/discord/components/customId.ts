/**
 * Button custom ids read `<prefix>:<arg>:<arg>`; the prefix picks the handler, the arguments
 * (short keys, page numbers) say what the button is about. Discord allows 100 characters.
 */
const SEPARATOR = ':';

export function buildCustomId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args].join(SEPARATOR);
  if (id.length > 100) throw new Error(`custom id longer than 100 characters: ${id.slice(0, 40)}…`);
  return id;
}

export function parseCustomId(customId: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = customId.split(SEPARATOR);
  return { prefix, args };
}

/** The prefixes of the bot's buttons (kept here so formatters and handlers share them without importing each other). */
export const BUTTON_PREFIX = { passages: 'passages', feedback: 'feedback', sourcesPage: 'sources', gloss: 'gloss' } as const;
