/**
 * Sync benchmarks (`npm run bench`): a desk offline for a week drains N events into HQ (embedded
 * PostgreSQL, synchronous_commit=on, fsync on), the same records replicated by PouchDB to
 * express-pouchdb on loopback as the peer baseline, and a fresh desk catching up on a site's events.
 *
 * Env: BENCH_SYNC_SMALL (default 10,000), BENCH_SYNC_LARGE (default 100,000), BENCH_PULL (default 10,000).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import expressPouchDB from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { encodeHlc } from '../../shared/domain/hlc.js';
import { eventCatalog } from '../../shared/events/catalog.js';
import { getSiteIdentity } from '../../db/meta.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { startTestHq, type TestHq } from '../support/hq.js';
import { syncClientFor } from '../support/sync.js';
import { checkIn } from '../faults/syncWrites.js';

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
): Promise<{ s: number; docs: object[]; desk: TestDesk; siteId: string }> {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' }).catch(async () => {
    const { rows } = await sql<{ id: string }>`SELECT id FROM sites WHERE code = 'HY'`.execute(hq.db);
    return rows[0].id;
  });
  const desk = await openTestDesk({ deviceCode: code, openShift: false });
  const site = (await getSiteIdentity(desk.backend.services.db))!;
  const docs = fillOutbox(desk, n, site.siteId, site.deviceId, code);
  const client = syncClientFor(desk);
  await client.enroll(hq.url, await issueEnrollCode(hq.db, siteId, code));
  const t0 = performance.now();
  await client.pushAll();
  const s = seconds(t0);
  const st = await client.status();
  if (st.waiting !== 0) throw new Error(`drain left ${st.waiting} events`);
  return { s, docs, desk, siteId };
}

async function drainPouch(docs: object[]): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pouch-'));
  mkdirSync(join(dir, 'server'));
  const ServerPouch = PouchDB.defaults({ prefix: `${join(dir, 'server')}/` });
  const app = express();
  app.use('/', expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', logPath: join(dir, 'log.txt') }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.on('listening', r));
  const port = (server.address() as { port: number }).port;
  const local = new PouchDB(join(dir, 'local'));
  try {
    for (let i = 0; i < docs.length; i += 1000) await local.bulkDocs(docs.slice(i, i + 1000));
    const t0 = performance.now();
    const r = await local.replicate.to(`http://127.0.0.1:${port}/events`, { batch_size: 1000, batches_limit: 5 });
    if (r.docs_written !== docs.length) throw new Error(`PouchDB wrote ${r.docs_written} of ${docs.length}`);
    return seconds(t0);
  } finally {
    await local.close();
    server.closeAllConnections();
    server.close();
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
  const desks: TestDesk[] = [];
  try {
    const small = await drainOurs(hq, opts.small, 'A1');
    desks.push(small.desk);
    opts.log(`sync drain ${opts.small}: ${small.s} s`);
    const pouchSmall = await drainPouch(small.docs);
    opts.log(`pouchdb drain ${opts.small}: ${pouchSmall} s`);
    const large = await drainOurs(hq, opts.large, 'A2');
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
        'sync_drain: push of an offline desk outbox of VisitorCheckedIn events (batches of up to 2000 events / 8 MB) over loopback HTTP to the HQ server on embedded PostgreSQL 18; every batch is one transaction with synchronous_commit=on and fsync=on (durable before the answer), site row locked, events and hq_visits projection written; timed until the desk has recorded the last acknowledgement.',
        'pouchdb_drain: the same records as PouchDB docs (pouchdb-node, LevelDB) replicated with replicate.to() (batch_size 1000, batches_limit 5) to express-pouchdb on loopback, also LevelDB; LevelDB writes with its default sync=false on both sides (not flushed per write), i.e. less durable than the PostgreSQL side.',
        'sync_vs_pouchdb: pouchdb_drain_100k_s / sync_drain_100k_s (higher is better for ours).',
        'pull_apply_10k_s: a fresh desk pulls the site events (pages of 2000) and applies each with the desk applier (visits rows) and the cursor in one SQLite transaction per page (WAL, synchronous=FULL).',
      ],
    };
  } finally {
    for (const d of desks) await d.close().catch(() => undefined);
    await hq.close();
  }
}
