import { mkdirSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { DESK_SCHEMA_VERSION } from '../../shared/sync/version.js';
import { connectHq } from './pg/connect.js';
import { startEmbeddedPostgres, type EmbeddedPg } from './pg/embedded.js';
import { migrateHq } from './pg/migrations.js';
import { retryAllWaiting } from './store/waiting.js';
import type { HqDatabase } from './pg/schema.js';

export interface HqDatabaseHandle {
  db: Kysely<HqDatabase>;
  url: string;
  close: () => Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts an embedded PostgreSQL in `dataDir` and uses its `lobbydesk_hq`
 * database; then migrates.
 */
export async function openHqDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  pgPort: number;
  log?: Logger;
  /** An admin command: use the embedded PostgreSQL the running HQ server started, if any. */
  attachToRunning?: boolean;
}): Promise<HqDatabaseHandle> {
  let embedded: EmbeddedPg | null = null;
  let url = opts.databaseUrl;
  if (!url) {
    mkdirSync(opts.dataDir, { recursive: true });
    embedded = await startEmbeddedPostgres(opts.dataDir, opts.pgPort, {
      attach: opts.attachToRunning,
      warn: (m) => opts.log?.warn(m),
    });
    await embedded.createDatabase('lobbydesk_hq').catch((e: Error) => {
      if (!/already exists/.test(e.message)) throw e;
    });
    url = embedded.url('lobbydesk_hq');
    opts.log?.info({ dataDir: opts.dataDir, port: opts.pgPort }, 'embedded PostgreSQL started');
  }
  const { db } = connectHq(url);
  await migrateHq(db);
  // Waiting events whose record arrived by a path no push retried (rejections from before they could wait).
  await retryAllWaiting(db);
  return {
    db,
    url,
    async close() {
      await db.destroy();
      await embedded?.stop();
    },
  };
}

export const HQ_SCHEMA_VERSION = DESK_SCHEMA_VERSION;
