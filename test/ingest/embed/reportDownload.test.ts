import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { startDownloadReport } from '../../../ingest/embed/transformers/reportDownload.js';
import { createMemoryLogger } from '../../helpers/tempWorkspace.js';

const progress = (loaded: number, total: number) => ({
  status: 'progress_total' as const,
  name: 'm',
  progress: (loaded / total) * 100,
  loaded,
  total,
  files: {},
});

describe('model download progress', () => {
  it('GIVEN a terminal THEN a bar shows the bytes downloaded of all files together, and no log lines', () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let shown = '';
    terminal.on('data', (chunk: Buffer) => (shown += chunk.toString()));
    const logger = createMemoryLogger();
    const report = startDownloadReport('Xenova/multilingual-e5-small', logger, terminal);
    report.onProgress(progress(59_000_000, 118_000_000));
    report.stop(true);
    expect(shown).toContain('downloading Xenova/multilingual-e5-small [');
    expect(shown).toContain('50% 59.0/118.0 MB');
    expect(logger.lines).toEqual([]);
  });

  it('GIVEN no terminal THEN one line when the download starts and one when it is done', () => {
    const logger = createMemoryLogger();
    const report = startDownloadReport('Xenova/multilingual-e5-small', logger, null);
    report.onProgress(progress(118_000_000, 118_000_000));
    report.stop(true);
    expect(logger.lines).toEqual([
      'downloading embedding model Xenova/multilingual-e5-small  model=Xenova/multilingual-e5-small',
      'downloaded embedding model Xenova/multilingual-e5-small (118.0 MB)  model=Xenova/multilingual-e5-small bytes=118000000',
    ]);
  });
});
