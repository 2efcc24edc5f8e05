import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../hq/src/pg/schema.js';

/**
 * A backup of HQ's database as pg_dump takes one — every table read in one consistent snapshot, while
 * desks keep syncing — kept in schema `backup` of the same PostgreSQL; `restoreHqBackup` puts it back
 * over whatever HQ holds then, as restoring that dump would (the embedded PostgreSQL has no pg_dump).
 */
export async function takeHqBackup(db: Kysely<HqDatabase>): Promise<void> {
  await sql`DROP SCHEMA IF EXISTS backup CASCADE`.execute(db);
  await sql`CREATE SCHEMA backup`.execute(db);
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      for (const t of await tables(trx)) await sql.raw(`CREATE TABLE backup."${t}" AS SELECT * FROM public."${t}"`).execute(trx);
    });
}

export async function restoreHqBackup(db: Kysely<HqDatabase>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const names = await tables(trx);
    // As pg_restore does into an empty database: constraints hold for the whole copy, not row by row.
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await sql.raw(`TRUNCATE ${names.map((t) => `public."${t}"`).join(', ')}`).execute(trx);
    for (const t of names) await sql.raw(`INSERT INTO public."${t}" SELECT * FROM backup."${t}"`).execute(trx);
  });
}

async function tables(db: Kysely<HqDatabase>): Promise<string[]> {
  const { rows } = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'hq_migrations' ORDER BY 1`.execute(db);
  return rows.map((r) => r.tablename);
}
