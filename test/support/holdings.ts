import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { fileHolds } from './retention.js';
import type { TestDesk } from './desk.js';

/** What someone with the data folder finds: the database and WAL bytes after a checkpoint, and its events. */
export function deskHolds(desk: TestDesk, text: string): boolean {
  desk.backend.database.raw.pragma('wal_checkpoint(TRUNCATE)');
  const events = desk.backend.database.raw.prepare('SELECT payload FROM events').pluck().all() as string[];
  return fileHolds(desk, text) || events.some((p) => p.includes(text));
}

/**
 * Every row of every HQ table, as text: what a pg_dump of HQ's data would show (Debian's pg_dump is
 * older than the embedded server, so the rows are read by SQL).
 */
export async function hqHolds(db: Kysely<HqDatabase>, text: string): Promise<boolean> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  for (const { name } of tables) {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(name)} AS t WHERE t::text LIKE ${'%' + text + '%'}`.execute(db);
    if (Number(rows[0].n) > 0) return true;
  }
  return false;
}
