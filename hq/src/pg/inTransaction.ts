import type { Kysely } from 'kysely';

/**
 * Runs `fn` in a transaction: the caller's when `db` is one already (a console write runs in the router's
 * transaction with its audit line, and Kysely cannot nest them), else a new one (the CLI).
 */
export function inTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
