// Hashes the files named in workerData.paths, in order, off the thread that loads the index
// (see checkFiles.ts): it posts each file's SHA-256 in hex, or the error that stopped it. Plain
// JavaScript and Node's own modules, so the thread starts without a TypeScript loader.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

for (const path of workerData.paths) {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: workerData.chunkBytes })) hash.update(chunk);
    parentPort.postMessage({ path, sha256: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ path, error: error instanceof Error ? error.message : String(error) });
  }
}
