import { z } from 'zod';
import { createError } from '../../../ingest/core/errors.js';
import { listSources } from '../../../retrieval/listSources.js';
import { formatSourcesPage } from '../format/formatSourcesPage.js';
import { NO_MENTIONS } from '../format/noMentions.js';
import { pickTexts } from '../i18n/texts.js';
import type { ButtonHandler } from './buttonHandler.js';
import { BUTTON_PREFIX } from './customId.js';

const argsSchema = z.tuple([z.string().min(1), z.coerce.number().int().min(0)]);

/** Previous / next under a `/sources` listing: the message is updated in place to the other page. */
export const sourcesPageButton: ButtonHandler = {
  prefix: BUTTON_PREFIX.sourcesPage,
  async execute(interaction, args, context) {
    const parsed = argsSchema.safeParse(args);
    const filter = parsed.success ? context.sourceListings.get(parsed.data[0]) : undefined;
    if (!parsed.success || !filter) throw createError('INTERACTION_EXPIRED');
    const [key, page] = parsed.data;
    const sources = listSources(context.live.current(), filter);
    await interaction.update({ ...formatSourcesPage(sources, page, key, pickTexts(interaction.locale)), allowedMentions: NO_MENTIONS });
  },
};
