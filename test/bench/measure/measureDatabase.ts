import pg from 'pg';

/**
 * Bytes the index takes in its PostgreSQL database: `pg_total_relation_size` (table, TOAST and
 * indexes, the HNSW graph among them) of every newsdesk table.
 */
export async function measureDatabase(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string | null }>(
      `SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind = 'r' AND c.relname LIKE 'newsdesk\\_%' AND n.nspname = current_schema()`,
    );
    return Number(rows[0]?.bytes ?? 0);
  } finally {
    await client.end();
  }
}
