import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRows, toCopyLine } from '../../../../ingest/index/postgres/copyRows.js';
import { createTestDatabase, type TestDatabase } from './support/createTestDatabase.js';

describe('copyRows (COPY FROM STDIN over a pooled connection)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 1 });
    await pool.query('CREATE TABLE copied (n integer, t text, maybe text)');
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('GIVEN text with backslashes, tabs, line breaks and non-Latin letters THEN every value arrives exactly as sent', async () => {
    const texts = ['plain', 'tab\there', 'two\nlines\r\nend', 'back\\slash \\N not null', 'روسيا — Niger ✓', ''];
    const client = await pool.connect();
    try {
      await copyRows(
        client,
        'copied',
        ['n', 't', 'maybe'],
        texts.map((t, n) => toCopyLine([n, t, n % 2 ? null : t])),
      );
      // The connection is usable again after the copy.
      const { rows } = await client.query('SELECT n, t, maybe FROM copied ORDER BY n');
      expect(rows).toEqual(texts.map((t, n) => ({ n, t, maybe: n % 2 ? null : t })));
    } finally {
      client.release();
    }
  });

  it('GIVEN a row the table rejects THEN the copy fails with the server error and the connection recovers', async () => {
    const client = await pool.connect();
    try {
      await expect(copyRows(client, 'copied', ['n', 't', 'maybe'], ['not-a-number\tx\ty\n'])).rejects.toThrow(/integer/);
      await expect(client.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      client.release();
    }
  });
});
