import { escapeMarkdown, hyperlink } from 'discord.js';

/**
 * No message part holds more than this (an embed description); longer text is cut before
 * escaping, since escapeMarkdown slows down sharply on long text, and escaping only lengthens it.
 */
const MAX_SHOWN_CHARS = 4096;

/** Text cut just past what can be shown, so the later fit to the limit still marks the cut with "…". */
function clip(text: string): string {
  return text.length > MAX_SHOWN_CHARS ? text.slice(0, MAX_SHOWN_CHARS + 1) : text;
}

/**
 * `@everyone` and `@here` with a zero-width space after the `@`: shown the same, never a mass
 * ping, even where allowed mentions do not apply (thread names) or if a message forgot them.
 */
export function defuseMassMentions(text: string): string {
  return text.replace(/@(everyone|here)/g, '@\u200b$1');
}

/**
 * Article and user text shown by the bot: every Markdown construct is escaped, including
 * headings, lists and masked links, so a quoted text can neither change the layout nor pass off
 * a link as something else.
 */
export function escapeText(text: string): string {
  return defuseMassMentions(escapeMarkdown(clip(text), { heading: true, bulletedList: true, numberedList: true, maskedLink: true }));
}

/** An http(s) URL made safe inside `[text](url)`, or null when it is not one. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Brackets and spaces would end the Markdown link early.
  return parsed.href.replace(/[()[\]\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** `text` escaped, linked to `url` when there is a usable one. */
export function linkText(text: string, url: string | null | undefined): string {
  // Every bracket is escaped (escapeMarkdown only escapes whole `[text](url)` patterns), so the
  // label cannot close the link early.
  const label = defuseMassMentions(escapeMarkdown(clip(text), { heading: true, bulletedList: true, numberedList: true })).replace(/[[\]]/g, (c) => `\\${c}`);
  const target = safeUrl(url);
  return target ? hyperlink(label, target) : label;
}
