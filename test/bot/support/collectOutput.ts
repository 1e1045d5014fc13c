import type { ChildProcess } from 'node:child_process';

export type CollectedOutput = {
  /** Everything the process wrote to stdout and stderr so far. */
  text(): string;
  /** How often `fragment` occurs in the output so far. */
  count(fragment: string): number;
  /** Resolves once `fragment` has been written `times` times; rejects if the process exits first. */
  waitFor(fragment: string, times?: number): Promise<void>;
};

/** Gathers a child process's output and tells when a line has appeared, as it arrives (no polling). */
export function collectOutput(child: ChildProcess): CollectedOutput {
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const waiter of waiters) waiter();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const count = (fragment: string) => output.split(fragment).length - 1;

  return {
    text: () => output,
    count,
    waitFor(fragment, times = 1) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (count(fragment) < times) return;
          waiters.delete(check);
          child.off('exit', onExit);
          resolve();
        };
        const onExit = (code: number | null) => {
          waiters.delete(check);
          reject(new Error(`exited (${code}) before writing "${fragment}" ${times}×:\n${output}`));
        };
        waiters.add(check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}
