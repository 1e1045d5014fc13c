export type ThrottledUpdates<T> = {
  /** Offers the newest value; it is sent at once if the last send was `intervalMs` ago, else when it is due. */
  push(value: T): void;
  /** Sends what is still pending, waits for every send, and rejects with the first send error. */
  flush(): Promise<void>;
};

/**
 * Calls `send` with the latest pushed value at most once per `intervalMs` — for editing a
 * deferred Discord reply while an answer streams (Discord rate-limits edits). Values pushed in
 * between are coalesced: only the newest is sent. Sends never overlap, so edits land in order.
 */
export function throttleUpdates<T>(send: (value: T) => unknown, intervalMs = 1000): ThrottledUpdates<T> {
  let latest: { value: T } | null = null;
  let sending: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastStart = Number.NEGATIVE_INFINITY;
  let failure: { error: unknown } | null = null;

  const fire = () => {
    timer = null;
    if (!latest) return;
    const { value } = latest;
    latest = null;
    lastStart = Date.now();
    sending = Promise.resolve()
      .then(() => send(value))
      .then(
        () => undefined,
        (error: unknown) => {
          failure ??= { error };
        },
      )
      .finally(() => {
        sending = null;
        schedule();
      });
  };
  const schedule = () => {
    if (timer || sending || !latest) return;
    timer = setTimeout(fire, Math.max(0, lastStart + intervalMs - Date.now()));
  };

  return {
    push(value) {
      latest = { value };
      schedule();
    },
    async flush() {
      for (;;) {
        if (sending) await sending;
        else if (latest) {
          if (timer) clearTimeout(timer);
          fire();
        } else break;
      }
      if (failure) throw failure.error;
    },
  };
}
