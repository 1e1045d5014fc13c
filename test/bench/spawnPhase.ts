import { spawn } from 'node:child_process';
import type { PhaseRequest } from './runPhase.js';

import { PROJECT_ROOT } from '../helpers/projectRoot.js';

/** Runs one benchmark phase in a fresh Node process and returns its figures. */
export function spawnPhase<T>(request: PhaseRequest): Promise<T & { maxRssMb: number }> {
  return new Promise((resolvePhase, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/runPhase.ts', JSON.stringify(request)], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${request.system} ${request.phase} exited with ${code}`));
      try {
        resolvePhase(JSON.parse(last) as T & { maxRssMb: number });
      } catch {
        reject(new Error(`${request.system} ${request.phase} printed no figures: ${last.slice(0, 200)}`));
      }
    });
  });
}
