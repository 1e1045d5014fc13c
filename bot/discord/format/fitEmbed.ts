import { embedLength, type APIEmbed } from 'discord.js';

/**
 * Discord rejects a whole message when one limit is exceeded, so everything the bot sends goes
 * through these functions, which shorten text instead. Lengths are counted in UTF-16 code units,
 * which is never fewer than the characters Discord counts.
 */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  /** Title, description, field names and values, footer and author name of all embeds of a message together. */
  embedsTotal: 6000,
  embeds: 10,
} as const;

const ELLIPSIS = '…';
const UNESCAPED_BOLD = /(?<!\\)\*\*/g;
/** An opened masked link `[text](url)` that the cut left without its end. */
const OPEN_LINK_AT_END = /(?<!\\)\[[^\]]*(?:\]\([^)]*)?$/;

function cutSafely(text: string, length: number): string {
  let body = text.slice(0, Math.max(0, length));
  const last = body.charCodeAt(body.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) body = body.slice(0, -1);
  const link = OPEN_LINK_AT_END.exec(body);
  if (link) body = body.slice(0, link.index);
  // A lone trailing `*` is half of a `**` or an unmatched italic marker.
  body = body.replace(/(?<!\\)\*$/, '');
  const backslashes = /\\+$/.exec(body)?.[0].length ?? 0;
  if (backslashes % 2 === 1) body = body.slice(0, -1);
  return body;
}

/**
 * Shortens Markdown text to at most `max` characters, ending with "…". The cut never splits a
 * surrogate pair, an escape (`\*`) or a link, and closes a bold span it leaves open.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ELLIPSIS.length) return '';
  let body = cutSafely(text, max - ELLIPSIS.length);
  let suffix = ELLIPSIS;
  if ((body.match(UNESCAPED_BOLD)?.length ?? 0) % 2 === 1) {
    suffix = `${ELLIPSIS}**`;
    body = cutSafely(body, max - suffix.length);
    // Cutting further may have removed the opening `**` itself.
    if ((body.match(UNESCAPED_BOLD)?.length ?? 0) % 2 === 0) suffix = ELLIPSIS;
  }
  return body + suffix;
}

/** Message content within Discord's 2,000 characters. */
export function fitContent(text: string): string {
  return truncateMarkdown(text, DISCORD_LIMITS.content);
}

function fitEach(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  if (embed.title !== undefined) fitted.title = truncateMarkdown(embed.title, DISCORD_LIMITS.title);
  if (embed.description !== undefined) fitted.description = truncateMarkdown(embed.description, DISCORD_LIMITS.description);
  if (embed.footer) fitted.footer = { ...embed.footer, text: truncateMarkdown(embed.footer.text, DISCORD_LIMITS.footer) };
  if (embed.author) fitted.author = { ...embed.author, name: truncateMarkdown(embed.author.name, DISCORD_LIMITS.authorName) };
  if (embed.fields) {
    fitted.fields = embed.fields.slice(0, DISCORD_LIMITS.fields).map((field) => ({
      ...field,
      // Discord refuses empty names and values.
      name: truncateMarkdown(field.name, DISCORD_LIMITS.fieldName) || '\u200b',
      value: truncateMarkdown(field.value, DISCORD_LIMITS.fieldValue) || '\u200b',
    }));
  }
  return fitted;
}

type Slot = { get(): string; set(text: string): void };

/** The texts that may be shortened to meet the total: descriptions and field values. */
function shrinkableSlots(embeds: APIEmbed[]): Slot[] {
  const slots: Slot[] = [];
  for (const embed of embeds) {
    if (embed.description !== undefined) slots.push({ get: () => embed.description ?? '', set: (t) => (embed.description = t) });
    for (const field of embed.fields ?? []) slots.push({ get: () => field.value, set: (t) => (field.value = t || '\u200b') });
  }
  return slots;
}

/**
 * The largest length `cap` such that the texts, each cut to `cap`, fit `budget` together: short
 * texts stay whole and the long ones share what is left equally.
 */
function fairCap(lengths: readonly number[], budget: number): number {
  const sorted = [...lengths].sort((a, b) => a - b);
  let remaining = budget;
  for (let i = 0; i < sorted.length; i++) {
    const share = Math.floor(remaining / (sorted.length - i));
    if (sorted[i]! > share) return Math.max(0, share);
    remaining -= sorted[i]!;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Makes a message's embeds valid: at most 10, every part within its limit, and all together
 * within 6,000 characters — reached by cutting the longest descriptions and field values to a
 * common length, so every passage keeps a fair share.
 */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, DISCORD_LIMITS.embeds).map(fitEach);
  const total = () => fitted.reduce((sum, embed) => sum + embedLength(embed), 0);
  const slots = shrinkableSlots(fitted);
  const shrinkable = slots.reduce((sum, slot) => sum + slot.get().length, 0);
  const over = total() - DISCORD_LIMITS.embedsTotal;
  if (over > 0) {
    const cap = fairCap(
      slots.map((slot) => slot.get().length),
      shrinkable - over,
    );
    for (const slot of slots) if (slot.get().length > cap) slot.set(truncateMarkdown(slot.get(), cap));
  }
  // Field names cannot be shortened enough (25 × 256 > 6,000): drop trailing fields, then embeds.
  while (total() > DISCORD_LIMITS.embedsTotal) {
    const last = fitted[fitted.length - 1]!;
    if (last.fields?.length) last.fields.pop();
    else fitted.pop();
  }
  return fitted;
}

/** One embed within every limit; see `fitEmbeds`. */
export function fitEmbed(embed: APIEmbed): APIEmbed {
  return fitEmbeds([embed])[0]!;
}
