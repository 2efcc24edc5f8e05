/**
 * Sync benchmarks (`npm run bench`): a desk offline for a week drains N events into HQ (hq/src/main.ts
 * in its own process, embedded PostgreSQL, synchronous_commit=on, fsync on), the same records replicated
 * by PouchDB to express-pouchdb, also in its own process (pouchServer.ts), with the same batch size, as a
 * reference line; and a fresh desk catching up on a site's events.
 *
 * Env: BENCH_SYNC_SMALL (default 10,000), BENCH_SYNC_LARGE (default 100,000), BENCH_PULL (default 10,000).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PouchDB from 'pouchdb-node';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { encodeHlc } from '../../shared/domain/hlc.js';
import { SYNC_LIMITS } from '../../shared/sync/protocol.js';
import { eventCatalog } from '../../shared/events/catalog.js';
import { getSiteIdentity } from '../../db/meta.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { freePort, startTestHq, type TestHq } from '../support/hq.js';
import { syncClientFor } from '../support/sync.js';
import { checkIn } from '../faults/syncWrites.js';
import { startHq } from './hqLoad.js';

/** Both baselines push in batches of this many events with one batch in flight, as the desk's sync client does. */
const BATCH = SYNC_LIMITS.maxBatchEvents;

export interface SyncBench {
  sync_drain_10k_s: number;
  sync_drain_100k_s: number;
  pouchdb_drain_10k_s: number;
  pouchdb_drain_100k_s: number;
  sync_vs_pouchdb: number;
  pull_apply_10k_s: number;
  counts: { small: number; large: number; pull: number };
  notes: string[];
}

const seconds = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

/** A week offline: `n` check-in events in the desk's log (written with prepared statements, as appendEvents would). */
export function fillOutbox(desk: TestDesk, n: number, siteId: string, deviceId: string, deviceCode: string): object[] {
  const raw = desk.backend.database.raw;
  const start = (raw.prepare('SELECT max(device_seq) AS m FROM events WHERE device_id = ?').get(deviceId) as { m: number }).m;
  const insert = raw.prepare(
    'INSERT INTO events (id, device_id, device_seq, hlc, type, v, actor, site_id, payload, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const t = Date.parse('2026-11-15T08:00:00+08:00');
  const docs: object[] = [];
  // HQ accepts only real staff of the site as actor: the desk's own administrator.
  const admin = (raw.prepare("SELECT id FROM staff WHERE role = 'admin' LIMIT 1").get() as { id: string }).id;
  raw.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const at = new Date(t + i * 6000).toISOString();
      const d = checkIn(`HY-${deviceCode}`, at);
      const e = {
        id: uuidv7(),
        deviceId,
        deviceSeq: start + i,
        hlc: encodeHlc({ wallMs: t + i * 6000, counter: 0, node: deviceId }),
        type: d.type,
        v: eventCatalog[d.type].v,
        actor: admin,
        siteId,
        payload: d.payload,
        recordedAt: at,
      };
      insert.run(e.id, deviceId, e.deviceSeq, e.hlc, e.type, e.v, e.actor, siteId, JSON.stringify(e.payload), at);
      docs.push({ _id: e.id, ...e });
    }
  })();
  return docs;
}

async function drainOurs(
  hq: TestHq,
  n: number,
  code: string,
  url = hq.url,
): Promise<{ s: number; docs: object[]; desk: TestDesk; siteId: string }> {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' }).catch(async () => {
    const { rows } = await sql<{ id: string }>`SELECT id FROM sites WHERE code = 'HY'`.execute(hq.db);
    return rows[0].id;
  });
  const desk = await openTestDesk({ deviceCode: code, openShift: false });
  const site = (await getSiteIdentity(desk.backend.services.db))!;
  const docs = fillOutbox(desk, n, site.siteId, site.deviceId, code);
  const client = syncClientFor(desk);
  await client.enroll(url, await issueEnrollCode(hq.db, siteId, code));
  const t0 = performance.now();
  await client.pushAll();
  const s = seconds(t0);
  const st = await client.status();
  if (st.waiting !== 0) throw new Error(`drain left ${st.waiting} events`);
  return { s, docs, desk, siteId };
}

/** express-pouchdb in its own process (pouchServer.ts), as our HQ runs in its own. */
async function startPouchServer(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./pouchServer.ts', import.meta.url)), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`PouchDB server exited (${code}) before listening`)));
  });
  return { child, port };
}

async function drainPouch(docs: object[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pouch-'));
  mkdirSync(join(dir, 'server'));
  const server = await startPouchServer(join(dir, 'server'));
  const local = new PouchDB(join(dir, 'local'));
  try {
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
    const t0 = performance.now();
    const r = await local.replicate.to(`http://127.0.0.1:${server.port}/events`, { batch_size: BATCH, batches_limit: 1 });
    if (r.docs_written !== docs.length) throw new Error(`PouchDB wrote ${r.docs_written} of ${docs.length}`);
    return seconds(t0);
  } finally {
    await local.close();
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureSync(opts: {
  small: number;
  large: number;
  pull: number;
  log: (m: string) => void;
}): Promise<SyncBench> {
  const hq = await startTestHq();
  // The drains go to HQ as the administrator runs it, in its own process, on the test HQ's PostgreSQL.
  const hqDir = mkdtempSync(join(tmpdir(), 'lobbydesk-bench-hq-'));
  const hqPort = await freePort();
  const hqProcess = startHq(hq.pgUrl, hqPort, hqDir);
  const hqUrl = `http://127.0.0.1:${hqPort}`;
  const desks: TestDesk[] = [];
  try {
    await hqProcess.ready;
    const small = await drainOurs(hq, opts.small, 'A1', hqUrl);
    desks.push(small.desk);
    opts.log(`sync drain ${opts.small}: ${small.s} s`);
    const pouchSmall = await drainPouch(small.docs);
    opts.log(`pouchdb drain ${opts.small}: ${pouchSmall} s`);
    const large = await drainOurs(hq, opts.large, 'A2', hqUrl);
    desks.push(large.desk);
    opts.log(`sync drain ${opts.large}: ${large.s} s`);
    const pouchLarge = await drainPouch(large.docs);
    opts.log(`pouchdb drain ${opts.large}: ${pouchLarge} s`);
    // A fresh desk of another site catches up on a site with `pull` events from one desk.
    await hq.reset();
    const source = await drainOurs(hq, opts.pull, 'A1');
    desks.push(source.desk);
    const fresh = await openTestDesk({ deviceCode: 'A3', openShift: false });
    desks.push(fresh);
    const client = syncClientFor(fresh);
    await client.enroll(hq.url, await issueEnrollCode(hq.db, source.siteId, 'A3'));
    const t0 = performance.now();
    await client.pullAll();
    const pullS = seconds(t0);
    const visits = fresh.count('visits');
    if (visits !== opts.pull) throw new Error(`pull applied ${visits} visits of ${opts.pull}`);
    opts.log(`pull-apply ${opts.pull}: ${pullS} s`);
    return {
      sync_drain_10k_s: small.s,
      sync_drain_100k_s: large.s,
      pouchdb_drain_10k_s: pouchSmall,
      pouchdb_drain_100k_s: pouchLarge,
      sync_vs_pouchdb: Math.round((pouchLarge / large.s) * 100) / 100,
      pull_apply_10k_s: pullS,
      counts: opts,
      notes: [
        `sync_drain: push of an offline desk outbox of VisitorCheckedIn events (batches of up to ${BATCH} events / 8 MB, one in flight) over loopback HTTP to HQ as the administrator runs it (hq/src/main.ts in its own process, plain HTTP) on embedded PostgreSQL 18; every batch is one transaction with synchronous_commit=on and fsync=on (durable before the answer), site row locked, events and hq_visits projection written; timed until the desk has recorded the last acknowledgement.`,
        `pouchdb_drain (a reference line, not a target): the same records as PouchDB docs (pouchdb-node, LevelDB) replicated with replicate.to() (batch_size ${BATCH}, batches_limit 1: the same batch size and one batch in flight, as ours) to express-pouchdb in its own process on loopback (test/bench/pouchServer.ts), also LevelDB. Durability differs: LevelDB writes with its default sync=false on both sides (a write is in the OS cache, not flushed to disk, when PouchDB answers), so an acknowledged PouchDB batch can be lost in a power cut; ours is fsynced by PostgreSQL before HQ answers. PouchDB also does no authority, duplicate or projection work. The comparison therefore favours PouchDB.`,
        'sync_vs_pouchdb: pouchdb_drain_100k_s / sync_drain_100k_s (higher is better for ours); a reference, not a headline.',
        'pull_apply_10k_s: a fresh desk pulls the site events (pages of 2000) and applies each with the desk applier (visits rows) and the cursor in one SQLite transaction per page (WAL, synchronous=FULL).',
      ],
    };
  } finally {
    for (const d of desks) await d.close().catch(() => undefined);
    hqProcess.child.kill('SIGTERM');
    await new Promise((r) => (hqProcess.child.exitCode !== null ? r(null) : hqProcess.child.once('exit', r)));
    rmSync(hqDir, { recursive: true, force: true });
    await hq.close();
  }
}
