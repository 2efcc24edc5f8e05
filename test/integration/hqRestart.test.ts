import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/hq.js';
import { childrenOf, postgresOn, spawnHq, type HqProcess } from '../support/hqProcess.js';

const root = mkdtempSync(join(tmpdir(), 'lobbydesk-hqrestart-'));
// As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data folder.
chmodSync(root, 0o755);
const dataDir = join(root, 'hq-data');
const started: HqProcess[] = [];
afterAll(async () => {
  for (const h of started) h.child.kill('SIGKILL');
  for (const pid of postgresOn(dataDir)) process.kill(pid, 'SIGQUIT');
  rmSync(root, { recursive: true, force: true });
});

const start = async (viaNpm = false) => {
  const hq = spawnHq({ dataDir, port: await freePort(), pgPort: await freePort(), viaNpm });
  started.push(hq);
  await hq.ready;
  return hq;
};

/** HQ answers from its database: an unknown device is told so (401), not "unavailable" (503). */
async function servesFromDatabase(hq: HqProcess) {
  const res = await fetch(`${hq.url}/sync/pull`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-device-id': '0190f6a0-0000-7000-8000-000000000001',
      authorization: 'Bearer nope',
    },
    body: JSON.stringify({ schemaVersion: 1, cursor: 0 }),
  });
  return { status: res.status, error: ((await res.json()) as { error?: string }).error };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const gone = async (pids: () => number[], ms = 15_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100)))
    if (pids().length === 0) return true;
  return pids().length === 0;
};

describe('HQ after a crash', () => {
  it('a PostgreSQL a killed HQ left running is stopped at the next start, which serves; SIGTERM leaves no PostgreSQL', async () => {
    const first = await start();
    expect(await servesFromDatabase(first)).toEqual({ status: 401, error: 'unauthorized' });
    first.child.kill('SIGKILL');
    await first.exited;
    // The crash as the issue saw it: the server is gone, its PostgreSQL keeps the folder.
    const orphans = postgresOn(dataDir);
    expect(orphans).toHaveLength(1);

    const second = await start();
    expect(second.output()).toContain(`Stopping the PostgreSQL (pid ${orphans[0]}) a killed HQ left running`);
    expect(postgresOn(dataDir)).not.toContain(orphans[0]);
    expect(await servesFromDatabase(second)).toEqual({ status: 401, error: 'unauthorized' });

    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(postgresOn(dataDir)).toEqual([]);
  }, 120_000);

  it('refuses, in one line, a folder whose PostgreSQL a running HQ uses; leaves that one serving', async () => {
    const running = await start();
    const other = spawnHq({ dataDir, port: await freePort(), pgPort: await freePort() });
    started.push(other);
    expect(await other.exited).toBe(1);
    const said = other.output().trim();
    expect(said.split('\n')).toHaveLength(1);
    expect(said).toMatch(/^HQ cannot start: the data folder .* is held by PostgreSQL \(pid \d+.*already running for another HQ/);
    expect(said).not.toContain('undefined');
    expect(await servesFromDatabase(running)).toEqual({ status: 401, error: 'unauthorized' });
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
    expect(postgresOn(dataDir)).toEqual([]);
  }, 120_000);

  it('says in one line why PostgreSQL did not start (its port taken), never `undefined`, and leaves nothing running', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, r));
    try {
      const hq = spawnHq({ dataDir, port: await freePort(), pgPort: (taken.address() as AddressInfo).port });
      started.push(hq);
      expect(await hq.exited).toBe(1);
      const said = hq.output().trim();
      expect(said.split('\n')).toHaveLength(1);
      expect(said).toMatch(/^PostgreSQL did not start in .*: .*could not create any TCP\/IP sockets/);
      expect(said).not.toContain('undefined');
      expect(postgresOn(dataDir)).toEqual([]);
    } finally {
      taken.close();
    }
  }, 120_000);

  it('npm run hq: killing the npm process (even with SIGKILL) stops the server and its PostgreSQL', async () => {
    const viaNpm = await start(true);
    // No wrapper between npm and the server (the script execs node with the tsx loader).
    const servers = childrenOf(viaNpm.child.pid!);
    expect(servers).toHaveLength(1);
    expect(postgresOn(dataDir)).toHaveLength(1);
    viaNpm.child.kill('SIGKILL');
    await viaNpm.exited;
    expect(await gone(() => servers.filter(alive))).toBe(true);
    expect(await gone(() => postgresOn(dataDir))).toBe(true);

    const viaNpmAgain = await start(true);
    const server = childrenOf(viaNpmAgain.child.pid!)[0];
    viaNpmAgain.child.kill('SIGTERM'); // npm forwards it to the server
    await viaNpmAgain.exited;
    expect(await gone(() => [server].filter(alive))).toBe(true);
    expect(postgresOn(dataDir)).toEqual([]);
  }, 120_000);
});
