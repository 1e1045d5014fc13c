/** The parts of a message body Discord limits, as sent: nothing in it is trusted to be a string. */
type MessageBody = {
  content?: unknown;
  embeds?: {
    title?: unknown;
    description?: unknown;
    footer?: { text?: unknown };
    author?: { name?: unknown };
    fields?: { name?: unknown; value?: unknown }[];
  }[];
};

/**
 * Discord's own checks on a message body, written independently of the bot's `fitEmbed`, so a
 * message over a limit fails the test the way it would fail in Discord (400 Invalid Form Body).
 */
export function findLimitViolations(body: MessageBody | undefined): string[] {
  if (!body || typeof body !== 'object') return [];
  const problems: string[] = [];
  const over = (what: string, text: unknown, max: number) => {
    if (typeof text === 'string' && [...text].length > max) problems.push(`${what}: ${[...text].length} > ${max}`);
  };
  over('content', body.content, 2000);
  const embeds = body.embeds ?? [];
  if (embeds.length > 10) problems.push(`embeds: ${embeds.length} > 10`);
  let total = 0;
  const count = (text: unknown) => (typeof text === 'string' ? [...text].length : 0);
  embeds.forEach((embed, i) => {
    over(`embeds[${i}].title`, embed.title, 256);
    over(`embeds[${i}].description`, embed.description, 4096);
    over(`embeds[${i}].footer.text`, embed.footer?.text, 2048);
    over(`embeds[${i}].author.name`, embed.author?.name, 256);
    const fields = embed.fields ?? [];
    if (fields.length > 25) problems.push(`embeds[${i}].fields: ${fields.length} > 25`);
    fields.forEach((field, j) => {
      over(`embeds[${i}].fields[${j}].name`, field.name, 256);
      over(`embeds[${i}].fields[${j}].value`, field.value, 1024);
      if (!field.name || !field.value) problems.push(`embeds[${i}].fields[${j}] is empty`);
      total += count(field.name) + count(field.value);
    });
    total += count(embed.title) + count(embed.description) + count(embed.footer?.text) + count(embed.author?.name);
  });
  if (total > 6000) problems.push(`embeds total: ${total} > 6000`);
  return problems;
}
