import { describe, expect, it } from 'vitest';
import { createError, type ErrorCode, type NewsdeskError } from '../../../ingest/core/errors.js';

/** One error of every code (tsc fails when a code is missing), as the domain raises them. */
const examples: Record<ErrorCode, () => NewsdeskError> = {
  CONFIG_INVALID: () => createError('CONFIG_INVALID', { detail: 'SEEDS_DIR: too short' }),
  INDEX_MISSING: () => createError('INDEX_MISSING', { dir: '.index' }),
  INDEX_DAMAGED: () => createError('INDEX_DAMAGED', { file: '.index/CURRENT', reason: 'checksum mismatch' }),
  INDEX_INCOMPATIBLE: () => createError('INDEX_INCOMPATIBLE', { dir: '.index', reason: 'schema version 2' }),
  EMBEDDING_DIMENSIONS: () => createError('EMBEDDING_DIMENSIONS', { expected: 128, actual: 384 }),
  EMBEDDER_UNAVAILABLE: () => createError('EMBEDDER_UNAVAILABLE', { embedder: 'ollama bge-m3', reason: 'connection refused' }),
  EMBEDDER_FAILED: () => createError('EMBEDDER_FAILED', { embedder: 'ollama bge-m3', reason: 'HTTP 500' }),
  EMBEDDER_MISMATCH: () =>
    createError('EMBEDDER_MISMATCH', { dir: '.index', built: 'offline', configured: 'openai', fix: 'set EMBEDDINGS=offline' }),
  EMPTY_QUESTION: () => createError('EMPTY_QUESTION'),
  QUESTION_TOO_LONG: () => createError('QUESTION_TOO_LONG', { max: 1000 }),
  UNKNOWN_SOURCE: () => createError('UNKNOWN_SOURCE', { id: 'niger.txt' }),
  SEEDS_DIR_MISSING: () => createError('SEEDS_DIR_MISSING', { dir: 'seeds', path: '/srv/newsdesk/seeds' }),
  SEEDS_DIR_NOT_FOLDER: () => createError('SEEDS_DIR_NOT_FOLDER', { dir: 'seeds', path: '/srv/newsdesk/seeds' }),
  SEEDS_DIR_UNREADABLE: () => createError('SEEDS_DIR_UNREADABLE', { dir: 'seeds', path: '/srv/newsdesk/seeds', reason: 'EACCES' }),
  NOTHING_INGESTED: () => createError('NOTHING_INGESTED', { dir: 'seeds' }),
  INVALID_OPTION: () => createError('INVALID_OPTION', { detail: 'since: expected a date as YYYY-MM-DD' }),
  MISSING_PERMISSION: () => createError('MISSING_PERMISSION', { permission: 'Manage Server' }),
  COOLDOWN: () => createError('COOLDOWN', { seconds: 18 }),
  REINGEST_RUNNING: () => createError('REINGEST_RUNNING'),
  INTERACTION_EXPIRED: () => createError('INTERACTION_EXPIRED'),
  SHARED_STATE_INVALID: () => createError('SHARED_STATE_INVALID', { table: 'newsdesk_jobs', detail: 'lease_until: expected a date' }),
  INGEST_RUNNING: () => createError('INGEST_RUNNING', { dir: '.index', pid: 4242, host: 'newsroom-1', since: '2026-12-01T09:00:00.000Z' }),
  INDEX_DIR_NOT_FOLDER: () => createError('INDEX_DIR_NOT_FOLDER', { dir: '.index', path: '/srv/newsdesk/.index' }),
  INDEX_DIR_OVERLAPS_SEEDS: () =>
    createError('INDEX_DIR_OVERLAPS_SEEDS', {
      indexDir: 'seeds/index',
      indexPath: '/srv/seeds/index',
      seedsDir: 'seeds',
      seedsPath: '/srv/seeds',
      relation: 'inside',
    }),
  INDEX_DIR_FOREIGN: () => createError('INDEX_DIR_FOREIGN', { dir: '/srv/shared', path: '/srv/shared', example: 'gen-backup' }),
};

const errors = Object.entries(examples).map(([code, make]) => ({ code, error: make() }));

describe('the error table', () => {
  it.each(errors.filter((e) => e.error.userFacing))(
    'GIVEN the user-facing $code THEN it has an Indonesian message of its own, with the same details',
    ({ error }) => {
      const english = error.messageIn('en');
      const indonesian = error.messageIn('id');
      expect(english).toBe(error.message);
      expect(indonesian).not.toBe(english);
      // Numbers, ids, paths and commands are carried over as they are.
      for (const detail of english.match(/\d+|"[^"]+"|`[^`]+`|\.index\S*|seeds|\/sources/g) ?? []) expect(indonesian).toContain(detail);
    },
  );

  it.each(errors.filter((e) => !e.error.userFacing))(
    'GIVEN the internal $code THEN every language gets the English message, for the log',
    ({ error }) => {
      expect(error.messageIn('id')).toBe(error.message);
    },
  );

  it('GIVEN a missing permission THEN the Indonesian message names it as the Indonesian Discord does', () => {
    expect(examples.MISSING_PERMISSION().messageIn('id')).toBe('Anda memerlukan izin Kelola Server untuk ini.');
  });
});
