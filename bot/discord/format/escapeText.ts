import { escapeMarkdown, hyperlink, inlineCode } from 'discord.js';
import { cleanLabel, stripControls } from '../../../ingest/text/stripControls.js';

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
 * What discord.js's `escapeMarkdown` leaves alone, even with every option on: subtext (`-# `) and
 * block quotes (`>`, `>>>`) at a line's start, and the angle-bracket syntax that renders as a
 * user, role or channel mention, a clickable slash command (`</ask:1>`), a live timestamp
 * (`<t:0:R>`), a custom emoji or a server guide link (`<id:guide>`) — in embeds too, where
 * allowed mentions do not reach. A backslash before each shows it as the text it is.
 */
function escapeDiscordSyntax(text: string): string {
  return text.replace(/^( *)(-# |>)/gm, '$1\\$2').replace(/<(?=[@#/:]|a:|t:|id:)/g, '\\<');
}

/** Markdown-escaped `text`, the options shared by every escape below. */
function escapeAll(text: string, options: { maskedLink: boolean }): string {
  return defuseMassMentions(
    escapeDiscordSyntax(escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, ...options })),
  );
}

/**
 * Article and user text shown by the bot: control characters and escape sequences removed, and
 * every Markdown and mention construct escaped, including headings, lists, subtext and masked
 * links, so a quoted text can neither change the layout, nor pass off a link as something else,
 * nor show a mention, a command or a timestamp.
 */
export function escapeText(text: string): string {
  return escapeAll(stripControls(clip(text)), { maskedLink: true });
}

/** A title, publisher or file name shown in Markdown: as `escapeText`, on one line, with nothing invisible left (bidi marks, zero-width characters). */
export function escapeLabel(text: string): string {
  return escapeAll(cleanLabel(clip(text)), { maskedLink: true });
}

/** A title, publisher or id shown where Markdown is not rendered (embed footers, author names): one line, nothing invisible. */
export function plainLabel(text: string): string {
  return defuseMassMentions(cleanLabel(clip(text)));
}

/** An article id (a file name) as copyable code, shown as a label; escaped instead when a backtick would end the code span early. */
export function showId(id: string): string {
  const shown = cleanLabel(id);
  return shown.includes('`') ? escapeLabel(shown) : inlineCode(shown);
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
  const label = escapeAll(cleanLabel(clip(text)), { maskedLink: false }).replace(/[[\]]/g, (c) => `\\${c}`);
  const target = safeUrl(url);
  return target ? hyperlink(label, target) : label;
}
