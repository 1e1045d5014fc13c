import { describe, expect, it } from 'vitest';
import { createCooldowns } from '../../../bot/services/createCooldowns.js';

describe('createCooldowns (one process)', () => {
  it('GIVEN a user asked 4 s ago with a 10 s cooldown THEN a new question is refused, saying 6 s', async () => {
    let now = 1_000_000;
    const cooldowns = createCooldowns(10, () => now);
    await cooldowns.take('ask', 'u1');
    now += 4000;
    await expect(cooldowns.take('ask', 'u1')).rejects.toThrow('try again in 6 s');
    await expect(cooldowns.take('ask', 'u2')).resolves.toBeUndefined();
  });

  it('GIVEN a user on cooldown for one command THEN another command is not held back', async () => {
    const cooldowns = createCooldowns(10, () => 0);
    await cooldowns.take('ask', 'u1');
    await expect(cooldowns.take('sources', 'u1')).resolves.toBeUndefined();
  });

  it('GIVEN the cooldown has passed THEN the user may ask again', async () => {
    let now = 0;
    const cooldowns = createCooldowns(10, () => now);
    await cooldowns.take('ask', 'u1');
    now += 10_000;
    await expect(cooldowns.take('ask', 'u1')).resolves.toBeUndefined();
  });

  it('GIVEN a cooldown of 0 THEN nobody is ever refused', async () => {
    const cooldowns = createCooldowns(0);
    await cooldowns.take('ask', 'u1');
    await expect(cooldowns.take('ask', 'u1')).resolves.toBeUndefined();
  });
});
