import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../../db/schema.js';

export type Db = Kysely<Database>;

/** One statement a query function ran: Kysely's compiled SQL and SQLite's plan for it. */
export interface PlannedQuery {
  sql: string;
  plan: string[];
}

/**
 * Runs a product query function on a Kysely over the desk's own connection, captures the SQL Kysely
 * compiled for it (never a hand copy, so a changed query is checked as it is) and asks SQLite for the
 * plan of each statement with the same parameters.
 */
export async function plansOf(raw: BetterSqlite3.Database, run: (db: Db) => Promise<unknown>): Promise<PlannedQuery[]> {
  const seen: { sql: string; parameters: readonly unknown[] }[] = [];
  // Not destroyed: destroying would close the desk's connection, which this borrows.
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (e) => {
      if (e.level === 'query') seen.push({ sql: e.query.sql, parameters: e.query.parameters });
    },
  });
  await run(db);
  return seen.map((q) => ({
    sql: q.sql,
    plan: (raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as { detail: string }[]).map((r) => r.detail),
  }));
}

/** Tables that stay a handful of rows on any desk: a scan of one costs nothing. */
const SMALL_TABLES = new Set(['staff', 'sync_state', 'meta', 'counters', 'site_settings']);

/**
 * What is wrong with the plans for a query meant to use `indexes`: a full scan of a table that grows
 * (a SCAN not through one of the intended indexes), or an intended index the plans never use.
 * `aliases` names the tables behind the query's aliases (`mail_items as m`).
 */
export function planProblems(planned: PlannedQuery[], indexes: string[], aliases: Record<string, string> = {}): string[] {
  const problems: string[] = [];
  const lines = planned.flatMap((p) => p.plan);
  for (const line of lines) {
    const scan = /^SCAN (\w+)/.exec(line);
    if (!scan || scan[1] === 'CONSTANT') continue;
    const table = aliases[scan[1]] ?? scan[1];
    if (SMALL_TABLES.has(table)) continue;
    if (!indexes.some((ix) => new RegExp(`USING (COVERING )?INDEX ${ix}\\b`).test(line))) problems.push(`full scan: ${line}`);
  }
  for (const ix of indexes) if (!lines.some((l) => new RegExp(`INDEX ${ix}\\b`).test(l))) problems.push(`index ${ix} not used`);
  return problems;
}
