import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleUpdates } from '../../../../retrieval/answer/llm/throttleUpdates.js';

describe('throttleUpdates (editing a Discord reply while an answer streams)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('GIVEN a burst of partial answers THEN the first goes at once and then at most one edit a second, always the newest', async () => {
    const sent: string[] = [];
    const edits = throttleUpdates((text: string) => void sent.push(text), 1000);
    edits.push('N');
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(['N']);
    for (const text of ['Ni', 'Nig', 'Nige']) {
      edits.push(text);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(sent).toEqual(['N']);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual(['N', 'Nige']);
    edits.push('Niger');
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual(['N', 'Nige']);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(['N', 'Nige', 'Niger']);
  });

  it('GIVEN a slow edit THEN edits never overlap, and flush sends the last value and waits for it', async () => {
    const events: string[] = [];
    const edits = throttleUpdates(async (text: string) => {
      events.push(`start ${text}`);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      events.push(`end ${text}`);
    }, 1000);
    edits.push('a');
    await vi.advanceTimersByTimeAsync(1500);
    edits.push('b');
    edits.push('c');
    const flushed = edits.flush();
    await vi.advanceTimersByTimeAsync(10_000);
    await flushed;
    expect(events).toEqual(['start a', 'end a', 'start c', 'end c']);
  });

  it('GIVEN an edit that fails THEN later edits still go out and flush reports the failure', async () => {
    const sent: string[] = [];
    const edits = throttleUpdates((text: string) => {
      if (text === 'bad') throw new Error('Unknown Message');
      sent.push(text);
    }, 1000);
    edits.push('bad');
    await vi.advanceTimersByTimeAsync(0);
    edits.push('good');
    await vi.advanceTimersByTimeAsync(1000);
    await expect(edits.flush()).rejects.toThrow('Unknown Message');
    expect(sent).toEqual(['good']);
  });
});
