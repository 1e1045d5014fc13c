import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from '../../helpers/projectRoot.js';

export { PROJECT_ROOT };

export type IngestChild = {
  child: ChildProcess;
  /** Resolves when the ingest itself begins (its first log line, after start-up and module loading). */
  started: Promise<void>;
  /** Resolves with the exit code, or the signal that ended it. */
  exited: Promise<number | NodeJS.Signals>;
  stderr: () => string;
};

/** `npm run ingest` as a separate process (the offline embedder, JSON logs), as an operator would run it. */
export function spawnIngest(seedsDir: string, indexDir: string): IngestChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/pipeline/cli.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, SEEDS_DIR: seedsDir, INDEX_DIR: indexDir, EMBEDDINGS: 'offline', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolveStarted) => (markStarted = resolveStarted));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    markStarted();
  });
  const exited = new Promise<number | NodeJS.Signals>((resolveExit) =>
    child.on('exit', (code, signal) => {
      markStarted();
      resolveExit(signal ?? code ?? -1);
    }),
  );
  return { child, started, exited, stderr: () => err };
}
