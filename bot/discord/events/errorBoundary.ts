import { isUserFacingError } from '../../../ingest/core/errors.js';
import type { Logger } from '../../../ingest/core/logger.js';
import { pickLanguage, pickTexts } from '../i18n/texts.js';

/** Where a failure happened, for the log line. */
export type FailureContext = { command: string; userId: string; guildId?: string | null; channelId?: string | null };

/**
 * The bot's one error boundary. Runs `work`; a user-facing error (empty question, unknown source,
 * missing permission, cooldown…) is shown to the user as it is, in the language of `locale` (the
 * member's, or for mentions the server's, as the labels); anything else is logged with the
 * command and user and answered with a short generic message. Never rejects, so no failure
 * reaches the client's event emitter (an unhandled rejection there would stop the process).
 */
export async function runSafely(
  context: FailureContext,
  logger: Logger,
  locale: string | null | undefined,
  respond: (text: string) => Promise<unknown>,
  work: () => Promise<void>,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    const userFacing = isUserFacingError(error);
    if (userFacing) logger.debug('user error', { ...context, code: error.code });
    else logger.error('handling failed', { ...context, error });
    try {
      await respond(userFacing ? error.messageIn(pickLanguage(locale)) : pickTexts(locale).genericError);
    } catch (replyError) {
      // The interaction may have expired or the channel gone: nothing more can be told.
      logger.warn('could not tell the user about a failure', { ...context, error: replyError });
    }
  }
}
