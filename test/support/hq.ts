import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { connectHq } from '../../hq/src/pg/connect.js';
import { startEmbeddedPostgres, type EmbeddedPg } from '../../hq/src/pg/embedded.js';
import { migrateHq } from '../../hq/src/pg/migrations.js';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { buildHqApp } from '../../hq/src/server/app.js';
import { certFingerprint, selfSignedCertificate } from '../../hq/src/tls.js';
import { DESK_SCHEMA_VERSION, type DeskCompatibility } from '../../shared/sync/version.js';
import type { CatalogLike } from '../../shared/events/verdict.js';

const CONSOLE_DIR = join(import.meta.dirname, '../../dist/console');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface TestHq {
  db: Kysely<HqDatabase>;
  url: string;
  port: number;
  /** The PostgreSQL database's URL (a test that runs HQ in its own process points it here). */
  pgUrl: string;
  /** HQ_DATA_DIR/updates of this HQ: where `publish-desk` stores the desk releases it serves. */
  updatesDir: string;
  /** With `tls: true`: HQ's certificate and key, and its SHA-256 as the desk pins it (64 hex digits). */
  tls: { key: string; cert: string; fingerprint: string } | null;
  /** Stops the HTTP server abruptly (connections cut, in-flight requests lost) and starts it again. */
  restart(): Promise<void>;
  /** Empties every HQ table (a fresh HQ for the next schedule, same PostgreSQL). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HQ: embedded PostgreSQL in a temp folder (one per test file) and the Fastify app on loopback,
 * over plain HTTP, or with `tls: true` over HTTPS with a self-signed certificate as `npm run hq` makes.
 */
export async function startTestHq(
  // `catalog` is read at each (re)start: a test updates HQ by changing it and calling restart().
  opts: {
    schemaVersion?: number;
    clock?: () => Date;
    tls?: boolean;
    catalog?: CatalogLike;
    compatibility?: DeskCompatibility;
  } = {},
): Promise<TestHq> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-hq-'));
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
  chmodSync(dir, 0o755);
  const pg: EmbeddedPg = await startEmbeddedPostgres(join(dir, 'pg'), await freePort());
  await pg.createDatabase('hq_test');
  const { db } = connectHq(pg.url('hq_test'), 8);
  await migrateHq(db);
  const port = await freePort();
  const made = opts.tls ? await selfSignedCertificate() : null;
  const tls = made ? { ...made, fingerprint: certFingerprint(made.cert).replace(/:/g, '') } : null;
  let app: FastifyInstance;
  const listen = async () => {
    app = buildHqApp({
      db,
      schemaVersion: opts.schemaVersion ?? DESK_SCHEMA_VERSION,
      logger: false,
      clock: opts.clock,
      https: made,
      catalog: opts.catalog,
      compatibility: opts.compatibility,
      updatesDir: join(dir, 'updates'),
      // The console as `npm run build` made it (e2e builds first; integration tests use its API only).
      console: { dir: CONSOLE_DIR },
    });
    await app.listen({ port, host: '127.0.0.1' });
  };
  await listen();
  return {
    db,
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    pgUrl: pg.url('hq_test'),
    updatesDir: join(dir, 'updates'),
    tls,
    async restart() {
      app.server.closeAllConnections();
      await app.close();
      await listen();
    },
    async reset() {
      const { rows } = await sql<{
        tablename: string;
      }>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'hq_migrations'`.execute(db);
      await sql.raw(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(', ')}`).execute(db);
    },
    async close() {
      await app.close();
      await db.destroy();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
