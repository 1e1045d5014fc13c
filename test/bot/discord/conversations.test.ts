import { describe, expect, it } from 'vitest';
import { createConversations } from '../../../bot/discord/services/createConversations.js';

describe('createConversations', () => {
  const turn = (question: string) => ({ question, answer: `${question}!` });

  it('GIVEN turns added to two threads THEN each thread gives back its own, oldest first, at most maxTurns', () => {
    const conversations = createConversations({ maxThreads: 10, maxTurns: 2, ttlMs: 1000 });
    conversations.add('t1', turn('a'));
    conversations.add('t2', turn('x'));
    conversations.add('t1', turn('b'));
    conversations.add('t1', turn('c'));
    expect(conversations.turns('t1')).toEqual([turn('b'), turn('c')]);
    expect(conversations.turns('t2')).toEqual([turn('x')]);
    expect(conversations.turns('unknown')).toEqual([]);
  });

  it('GIVEN a thread quiet for longer than ttlMs THEN its turns are forgotten', () => {
    let now = 0;
    const conversations = createConversations({ maxThreads: 10, maxTurns: 5, ttlMs: 1000 }, () => now);
    conversations.add('t1', turn('a'));
    now = 1500;
    expect(conversations.turns('t1')).toEqual([]);
  });

  it('GIVEN more threads than maxThreads THEN the one asked in least recently is forgotten first', () => {
    const conversations = createConversations({ maxThreads: 2, maxTurns: 5, ttlMs: 1000 });
    conversations.add('t1', turn('a'));
    conversations.add('t2', turn('b'));
    conversations.add('t1', turn('c'));
    conversations.add('t3', turn('d'));
    expect(conversations.turns('t2')).toEqual([]);
    expect(conversations.turns('t1')).toHaveLength(2);
  });
});
