/** Before this, a "publication date" on a news page is a date the article talks about, or a typo. */
const EARLIEST = '1990-01-01';
/** Time zones put a page's own date up to a day ahead of UTC. */
const AHEAD_MS = 36 * 60 * 60 * 1000;

/** Why `iso` (YYYY-MM-DD) cannot be a publication date, or null when it can: not before 1990, not in the future. */
export function whyNotPublished(iso: string, now = Date.now()): string | null {
  if (iso < EARLIEST) return 'before 1990';
  if (Date.parse(`${iso}T00:00:00Z`) > now + AHEAD_MS) return 'in the future';
  return null;
}
