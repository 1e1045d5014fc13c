/**
 * Turns a stream of change notices into runs of one job: a run starts once notices have been
 * quiet for `debounceMs` (or `maxWaitMs` after the first unserved notice, so a steady trickle of
 * files still gets ingested), runs never overlap, and notices that arrive during a run schedule
 * exactly one more run after it. A failing run is the job's to report; the scheduler carries on.
 */

export type RunScheduler = {
  /** Something changed: schedule a run. */
  notify(): void;
  /** Resolves once no run is running or scheduled. */
  idle(): Promise<void>;
  /** Cancels a scheduled run and waits for a running one to finish. */
  close(): Promise<void>;
};

export type ScheduleOptions = { debounceMs: number; maxWaitMs: number };

export function scheduleRuns(run: () => Promise<void>, { debounceMs, maxWaitMs }: ScheduleOptions): RunScheduler {
  let timer: NodeJS.Timeout | undefined;
  let firstNoticeAt: number | undefined;
  let running: Promise<void> | null = null;
  let changedDuringRun = false;
  let closed = false;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (timer || running) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const start = () => {
    timer = undefined;
    firstNoticeAt = undefined;
    running = run()
      .catch(() => {})
      .finally(() => {
        running = null;
        if (changedDuringRun && !closed) {
          changedDuringRun = false;
          notify();
        }
        settleIdle();
      });
  };

  const notify = () => {
    if (closed) return;
    if (running) {
      changedDuringRun = true;
      return;
    }
    const now = Date.now();
    firstNoticeAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(start, Math.max(0, Math.min(debounceMs, firstNoticeAt + maxWaitMs - now)));
  };

  return {
    notify,
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      }),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await running;
      settleIdle();
    },
  };
}
