import type { ClientBase } from 'pg';
import { passagesTableOf } from './indexSchema.js';

/**
 * Tidying generations, always under the writer lock (see lockIndexDatabase), so no build is
 * running but the caller's. Unlike a local reader, which holds its whole generation in memory, a
 * database reader searches its generation's vectors in the database until it has loaded the next
 * one (it starts on NOTIFY): so the generation live before the last switch is kept, and so is
 * any retired within RETIRED_GRACE, in case commits came faster than a reader loads.
 */

/** Longer than a reader takes to load a generation (seconds at 100k passages). */
const RETIRED_GRACE = '10 minutes';

type GenerationState = { id: number; state: 'building' | 'live' | 'retired'; passages_table: string | null; recent: boolean };

async function listGenerations(client: ClientBase): Promise<GenerationState[]> {
  const { rows } = await client.query<{ id: string; state: GenerationState['state']; passages_table: string | null; recent: boolean }>(
    `SELECT id, state, passages_table, coalesce(retired_at > now() - interval '${RETIRED_GRACE}', false) AS recent
     FROM newsdesk_generations ORDER BY id`,
  );
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

async function tableExists(client: ClientBase, table: string): Promise<boolean> {
  const { rows } = await client.query('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  return rows[0].present === true;
}

/**
 * Undoes what killed writers left: a generation still `building` never went live, so its own
 * table is dropped and the rows it added to (or marked dead in) a shared table are put back.
 * Run before a writer builds on the live generation, so none of those rows can join it.
 */
export async function recoverCrashedBuilds(client: ClientBase): Promise<void> {
  try {
    const generations = await listGenerations(client);
    const used = new Set(generations.filter((g) => g.state !== 'building').map((g) => g.passages_table));
    for (const g of generations.filter((g) => g.state === 'building')) {
      const table = g.passages_table ?? passagesTableOf(g.id);
      await client.query('BEGIN');
      if (!used.has(table)) await client.query(`DROP TABLE IF EXISTS ${table}`);
      else if (await tableExists(client, table)) {
        await client.query(`DELETE FROM ${table} WHERE born = $1`, [g.id]);
        await client.query(`UPDATE ${table} SET died = NULL WHERE died = $1`, [g.id]);
      }
      await client.query('DELETE FROM newsdesk_generations WHERE id = $1', [g.id]);
      await client.query('COMMIT');
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** Drops every generation but the live one, the one before it and those retired lately, with the tables and rows only they used. */
export async function pruneGenerations(client: ClientBase): Promise<void> {
  try {
    const generations = await listGenerations(client);
    const live = generations.find((g) => g.state === 'live');
    if (!live) return;
    const previous = generations.filter((g) => g.state === 'retired' && g.id < live.id).at(-1);
    // In id order, so the first kept generation of a table is its oldest.
    const kept = generations.filter((g) => g === live || g === previous || (g.state === 'retired' && g.recent));
    const keptTables = new Set(kept.map((g) => g.passages_table));
    for (const g of generations.filter((g) => g.state === 'retired' && !kept.includes(g))) {
      await client.query('BEGIN');
      await client.query('DELETE FROM newsdesk_generations WHERE id = $1', [g.id]);
      if (g.passages_table && !keptTables.has(g.passages_table)) await client.query(`DROP TABLE IF EXISTS ${g.passages_table}`);
      await client.query('COMMIT');
    }
    // Rows dead in every kept generation of their table; the oldest kept one of a table sees the most.
    for (const table of keptTables) {
      const oldest = kept.find((g) => g.passages_table === table)!;
      if (table) await client.query(`DELETE FROM ${table} WHERE died IS NOT NULL AND died <= $1`, [oldest.id]);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
