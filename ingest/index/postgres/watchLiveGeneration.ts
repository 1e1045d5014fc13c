import pg from 'pg';
import type { Logger } from '../../core/logger.js';
import { GENERATION_CHANNEL } from './indexSchema.js';

/** After a lost LISTEN connection, how long before connecting again (polling covers the gap). */
const RECONNECT_MS = 5_000;

/**
 * Calls `onChange` whenever a writer announces a new live generation (NOTIFY on
 * GENERATION_CHANNEL). LISTEN needs a session of its own: this is the one connection a reader
 * holds outside INDEX_POOL_SIZE. A lost connection is logged and opened again.
 */
export function watchLiveGeneration(url: string, onChange: () => void, logger: Logger): { close(): void } {
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;

  const connect = () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: url, application_name: 'newsdesk-listen' });
    client = next;
    const lost = (error?: Error) => {
      if (closed || client !== next) return;
      client = null;
      next.end().catch(() => {});
      logger.warn('listening for new index generations failed; relying on polling until it reconnects', { error: error?.message });
      retry = setTimeout(connect, RECONNECT_MS);
      retry.unref();
    };
    next.on('notification', () => onChange());
    next.on('error', lost);
    next.on('end', () => lost());
    next
      .connect()
      .then(() => next.query(`LISTEN ${GENERATION_CHANNEL}`))
      .then(() => {
        // The connection must not keep a process alive that has nothing else to do.
        (next as unknown as { connection: { stream: { unref?: () => void } } }).connection.stream.unref?.();
        // A generation may have gone live while this was not listening.
        onChange();
      })
      .catch(lost);
  };
  connect();

  return {
    close: () => {
      closed = true;
      clearTimeout(retry);
      void client?.end().catch(() => {});
    },
  };
}
