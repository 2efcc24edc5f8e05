import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { HqDatabase } from './schema.js';

// bigint columns (versions, sequences) come back as strings; callers convert where they need numbers.
export function connectHq(url: string, max = 10): { db: Kysely<HqDatabase>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle pooled connection that PostgreSQL closes (restart, shutdown) is dropped and replaced; the
  // next query reconnects, and a query that was running fails into the caller's 5xx path.
  pool.on('error', () => {});
  return { db: new Kysely<HqDatabase>({ dialect: new PostgresDialect({ pool }) }), pool };
}
