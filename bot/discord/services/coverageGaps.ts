import { z } from 'zod';
import { appendJsonl, readJsonl } from './jsonlFile.js';

/** A question that found nothing relevant: what admins read to see which articles are missing. */
const coverageGapSchema = z.object({
  time: z.iso.datetime(),
  question: z.string(),
  userId: z.string(),
  guildId: z.string().nullable(),
  channelId: z.string().nullable(),
  via: z.enum(['slash', 'mention']),
  since: z.string().nullable(),
  until: z.string().nullable(),
  generation: z.string(),
});
export type CoverageGap = z.infer<typeof coverageGapSchema>;

export function recordCoverageGap(path: string, gap: CoverageGap): Promise<void> {
  return appendJsonl(path, gap);
}

/** How many questions found nothing since `since`. */
export async function countCoverageGaps(path: string, since: Date): Promise<number> {
  const gaps = await readJsonl(path, coverageGapSchema);
  return gaps.filter((gap) => Date.parse(gap.time) >= since.getTime()).length;
}
