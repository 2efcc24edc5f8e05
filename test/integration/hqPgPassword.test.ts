import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { LEGACY_PG_PASSWORD, PG_PASSWORD_FILE, startEmbeddedPostgres } from '../../hq/src/pg/embedded.js';
import { freePort } from '../support/hq.js';

const root = mkdtempSync(join(tmpdir(), 'lobbydesk-pgpw-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Logs in as the superuser with `password`: 'ok', or PostgreSQL's error code (28P01 = wrong password). */
async function login(port: number, password: string): Promise<string> {
  const c = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  } finally {
    await c.end().catch(() => {});
  }
}

describe("the embedded PostgreSQL's superuser password", () => {
  it('is random, made at first start and kept 0600; an admin command while HQ runs uses the running cluster', async () => {
    const dir = join(root, 'fresh');
    const port = await freePort();
    const server = await startEmbeddedPostgres(dir, port);
    const file = join(dir, PG_PASSWORD_FILE);
    const password = readFileSync(file, 'utf8').trim();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await login(port, password)).toBe('ok');
    expect(await login(port, LEGACY_PG_PASSWORD)).toBe('28P01');
    // An admin command on the same folder (another port asked) attaches to the running cluster and leaves it
    // running; a second server is refused instead (the first would lose its database when the other stops).
    await expect(startEmbeddedPostgres(dir, await freePort())).rejects.toThrow('is already running');
    const cli = await startEmbeddedPostgres(dir, await freePort(), { attach: true });
    expect(cli.url('postgres')).toContain(`:${port}/`);
    await cli.stop();
    expect(await login(port, password)).toBe('ok');
    await server.stop();
  }, 60_000);

  it("of a cluster made with the old constant 'lobbydesk' is replaced by a random one at its next start; its data stays", async () => {
    const dir = join(root, 'legacy');
    const port = await freePort();
    const first = await startEmbeddedPostgres(dir, port);
    await first.createDatabase('kept');
    // Turn it into a cluster as the old HQ left it: password 'lobbydesk', no password file.
    const c = new pg.Client({ connectionString: first.url('postgres') });
    await c.connect();
    await c.query(`ALTER ROLE postgres PASSWORD '${LEGACY_PG_PASSWORD}'`);
    await c.end();
    await first.stop();
    unlinkSync(join(dir, PG_PASSWORD_FILE));

    const again = await startEmbeddedPostgres(dir, port);
    const password = readFileSync(join(dir, PG_PASSWORD_FILE), 'utf8').trim();
    expect(password).not.toBe(LEGACY_PG_PASSWORD);
    expect(statSync(join(dir, PG_PASSWORD_FILE)).mode & 0o777).toBe(0o600);
    expect(await login(port, LEGACY_PG_PASSWORD)).toBe('28P01');
    expect(await login(port, password)).toBe('ok');
    await expect(again.createDatabase('kept')).rejects.toThrow('already exists');
    await again.stop();
  }, 90_000);
});
