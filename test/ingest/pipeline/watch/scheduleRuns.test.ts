import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scheduleRuns } from '../../../../ingest/pipeline/watch/scheduleRuns.js';

/** A job whose runs finish only when the test says so, recording how many ran at once. */
function controlledJob() {
  const finishers: (() => void)[] = [];
  let active = 0;
  const job = {
    started: 0,
    maxConcurrent: 0,
    finishOne: () => finishers.shift()?.(),
    run: () => {
      job.started += 1;
      active += 1;
      job.maxConcurrent = Math.max(job.maxConcurrent, active);
      return new Promise<void>((resolve) =>
        finishers.push(() => {
          active -= 1;
          resolve();
        }),
      );
    },
  };
  return job;
}

describe('scheduleRuns', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('GIVEN a burst of 500 notices THEN one run starts, after the burst settles', async () => {
    const job = controlledJob();
    const scheduler = scheduleRuns(job.run, { debounceMs: 1000, maxWaitMs: 30_000 });
    for (let i = 0; i < 500; i++) {
      scheduler.notify();
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(job.started).toBe(0);
    await vi.advanceTimersByTimeAsync(1000);
    expect(job.started).toBe(1);
    job.finishOne();
    await scheduler.idle();
    expect(job.started).toBe(1);
  });

  it('GIVEN notices during a run THEN runs never overlap and exactly one more run follows', async () => {
    const job = controlledJob();
    const scheduler = scheduleRuns(job.run, { debounceMs: 100, maxWaitMs: 10_000 });
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(100);
    expect(job.started).toBe(1);
    for (let i = 0; i < 20; i++) scheduler.notify();
    await vi.advanceTimersByTimeAsync(5000);
    expect(job.started).toBe(1);
    job.finishOne();
    await vi.advanceTimersByTimeAsync(100);
    expect(job.started).toBe(2);
    job.finishOne();
    await vi.advanceTimersByTimeAsync(5000);
    expect(job.started).toBe(2);
    expect(job.maxConcurrent).toBe(1);
  });

  it('GIVEN notices that never pause THEN a run still starts after maxWaitMs', async () => {
    const job = controlledJob();
    const scheduler = scheduleRuns(job.run, { debounceMs: 1000, maxWaitMs: 5000 });
    for (let t = 0; t < 4500; t += 500) {
      scheduler.notify();
      await vi.advanceTimersByTimeAsync(500);
    }
    // t = 4500: debouncing alone would wait until 5500.
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(499);
    expect(job.started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(job.started).toBe(1);
  });

  it('GIVEN a run that fails THEN later notices still run', async () => {
    let runs = 0;
    const scheduler = scheduleRuns(
      async () => {
        runs += 1;
        throw new Error('disk full');
      },
      { debounceMs: 10, maxWaitMs: 1000 },
    );
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    await scheduler.idle();
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    await scheduler.idle();
    expect(runs).toBe(2);
  });

  it('GIVEN close during a run THEN it waits for the run and starts no other', async () => {
    const job = controlledJob();
    const scheduler = scheduleRuns(job.run, { debounceMs: 10, maxWaitMs: 1000 });
    scheduler.notify();
    await vi.advanceTimersByTimeAsync(10);
    scheduler.notify();
    let closed = false;
    const closing = scheduler.close().then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toBe(false);
    job.finishOne();
    await closing;
    await vi.advanceTimersByTimeAsync(100);
    expect(job.started).toBe(1);
  });
});
