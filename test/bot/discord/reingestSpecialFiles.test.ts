import { execFileSync, spawn } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PERMISSIONS } from '../support/fakeDiscord.js';
import { useTestBot } from '../support/startTestBot.js';

/** How long the test waits before a writer opens the pipe: a /reingest blocked on it is released then, and its stall measured, rather than hanging the suite. */
const RELEASE_AFTER_S = 10;

describe('/reingest with a pipe and a device among the seeds', () => {
  // Links out of the folder followed, so that /dev/zero is judged by what it is rather than by where it is.
  const testBot = useTestBot({ pipeline: { followSymlinks: 'outside' } });

  it('GIVEN a pipe with no writer and /dev/zero behind links WHEN an admin runs /reingest THEN both are reported skipped and the event loop never stalls', async () => {
    const seeds = testBot().workspace.config.seedsDir;
    const pipe = join(seeds, 'inbox', 'feed.txt');
    await mkdir(join(seeds, 'inbox'));
    execFileSync('mkfifo', [pipe]);
    await symlink('inbox/feed.txt', join(seeds, 'feed.txt'));
    await symlink('/dev/zero', join(seeds, 'zero.txt'));
    const writer = spawn('sh', ['-c', `sleep ${RELEASE_AFTER_S}; : > "$0"`, pipe], { stdio: 'ignore' });
    let longestGapMs = 0;
    let last = performance.now();
    const heartbeat = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 20);
    try {
      const ref = testBot().fake.runSlashCommand('reingest', {}, { permissions: ADMIN_PERMISSIONS });
      const edit = await testBot().fake.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(ref.token), 25_000);
      const skipped = edit.body.embeds[0].fields.find((f: { name: string }) => f.name.startsWith('Skipped')).value as string;

      expect(skipped.split('\n').sort()).toEqual([
        'feed.txt: not a regular file (a named pipe)',
        'inbox/feed.txt: not a regular file (a named pipe)',
        'zero.txt: not a regular file (a character device)',
      ]);
      // Discord wants a heartbeat every 41 s or so; the pipe, had it been opened, would have held the loop for RELEASE_AFTER_S.
      expect(longestGapMs).toBeLessThan(2_000);
    } finally {
      clearInterval(heartbeat);
      writer.kill();
    }
  }, 30_000);
});
