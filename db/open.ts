import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase } from 'kysely';
import type { Database } from './schema.js';
import { migrations, SCHEMA_VERSION } from './migrations/index.js';
import { makeDatabasePrivate } from './privateFiles.js';

export type DeskDb = Kysely<Database>;

export interface OpenedDatabase {
  db: DeskDb;
  raw: BetterSqlite3.Database;
  close: () => Promise<void>;
}

export class NewerDatabaseError extends Error {
  constructor(readonly found: number) {
    super(
      `This data folder was written by a newer LobbyDesk (schema ${found}, this build knows ${SCHEMA_VERSION}). ` +
        'Install the newer version; the data was not touched.',
    );
  }
}

/** Pragmas the architecture asks for: nothing acknowledged is lost on power failure. */
export function applyPragmas(raw: BetterSqlite3.Database): void {
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // Deleted and overwritten content is zeroed in the file, so personal data the retention pass drops
  // is not left readable in free space or in a backup copied from it (cheaper than a daily VACUUM).
  raw.pragma('secure_delete = ON');
}

/**
 * The query planner's statistics, kept by the product itself (SQLite's advice for a long-lived
 * connection): at open, and once a day with the backup. `optimize` analyses only tables never analysed
 * or much changed since; `analysis_limit` bounds the work on a large file. 0x10002 at open: every
 * table, not only those this connection has used.
 */
export function keepStatistics(raw: BetterSqlite3.Database, atOpen = false): void {
  raw.pragma('analysis_limit = 1000');
  raw.pragma(atOpen ? 'optimize = 0x10002' : 'optimize');
}

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing is a large share of a write
 * (a check-in runs ~25 statements); the statements also pile up for the garbage collector to
 * finalize. This keeps the most recently used prepared statements by SQL text. Safe because the
 * driver runs one query at a time on the one connection and never leaves a statement mid-step.
 */
export function cachingStatements(raw: BetterSqlite3.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(text) {
      let stmt = cache.get(text);
      if (stmt) cache.delete(text);
      else stmt = raw.prepare(text);
      cache.set(text, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/** Opens (creating if needed) the desk database and migrates it; refuses a newer database. */
export async function openDatabase(file: string): Promise<OpenedDatabase> {
  const raw = new BetterSqlite3(file);
  applyPragmas(raw);
  // SQLite gives a new WAL or journal the database file's mode, so 0600 here holds for those too.
  makeDatabasePrivate(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  try {
    await migrate(db, raw);
    keepStatistics(raw, true);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { db, raw, close: () => db.destroy() };
}

async function migrate(db: DeskDb, raw: BetterSqlite3.Database): Promise<void> {
  const current = raw.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) throw new NewerDatabaseError(current);
  for (const [i, migration] of migrations.entries()) {
    if (i < current) continue;
    // Each migration and its version bump commit together, or not at all.
    await db.transaction().execute(async (trx) => {
      await migration.up(trx as unknown as Kysely<unknown>);
      await sql.raw(`PRAGMA user_version = ${i + 1}`).execute(trx);
    });
  }
}
