import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { SyncClient } from '../../electron/sync/client.js';
import { fileSecretStore } from '../../electron/sync/secret.js';
import { openPinHash } from '../../electron/privacy/pinSeal.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { missingAttachments } from '../../hq/src/store/attachments.js';
import { getSiteIdentity } from '../../db/meta.js';
import { openTestDesk } from '../support/desk.js';
import { startTestHq, type TestHq } from '../support/hq.js';
import { FaultProxy, type Fault } from './faultProxy.js';
import { seededRandom } from '../support/seededRandom.js';
import { writeSomething } from './syncWrites.js';

// 100 by default keeps `npm test` under 20 minutes with the console's suites; SYNC_SCHEDULES=1000 is the soak.
const SCHEDULES = Number(process.env.SYNC_SCHEDULES ?? 100);
/** Every Nth schedule also SIGKILLs one desk's process in the middle of a push (5 kills by default). */
const KILL_EVERY = Number(process.env.SYNC_KILL_EVERY ?? 20);
const WORKER = fileURLToPath(new URL('./syncWorker.ts', import.meta.url));

/**
 * The tables every desk must agree on after sync. A feature adds its table here in one line
 * (receipts, tickets, mail …); columns are compared whole, rows ordered by every column.
 */
const CONVERGED_TABLES = [
  'visits',
  'release_passes',
  'release_gate_checks',
  'sync_conflicts',
  'fee_charges',
  'fee_receipts',
  'fee_receipt_lines',
  'fee_receipt_payments',
  'fee_voids',
  'tickets',
  'ticket_steps',
  'ticket_deadlines',
  'mail_items',
  'mail_closings',
  'site_settings',
];

interface Desk {
  dir: string;
  opened: OpenedDatabase;
  client: SyncClient;
}

let hq: TestHq;
let proxy: FaultProxy;
let proxyUrl: string;
let templates: string[];
/** Closing events that lost to an earlier one, over all schedules: the crossing cases really happen. */
let conflicts = 0;
let receiptsSeen = 0;
let picturesSeen = 0;
let sharedPinsSeen = 0;
const scratch = mkdtempSync(join(tmpdir(), 'lobbydesk-syncfaults-'));

beforeAll(async () => {
  // Over HTTPS as in production: desks pin HQ's certificate, which the proxy presents too.
  hq = await startTestHq({ tls: true });
  proxy = new FaultProxy(
    () => hq.port,
    () => hq.restart(),
    hq.tls,
  );
  proxyUrl = await proxy.listen();
  // Three set-up desks of site HY (A1, A2, A3), copied fresh for every schedule.
  templates = [];
  for (const code of ['A1', 'A2', 'A3']) {
    const d = await openTestDesk({ deviceCode: code, openShift: false });
    // A receptionist per desk, known to every desk after the first sync: PINs change at any desk.
    await d.ok('staff:create', { staffNo: `R${code}`, name: `前台${code}`, role: 'receptionist', pin: '135790' });
    const dir = join(scratch, `template-${code}`);
    await d.backend.close();
    cpSync(d.dataDir, dir, { recursive: true });
    await d.close().catch(() => {});
    templates.push(dir);
  }
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  await hq?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const client = (dir: string, opened: OpenedDatabase) =>
  new SyncClient({
    db: opened.db,
    secrets: fileSecretStore(dir),
    schemaVersion: SCHEMA_VERSION,
    backoff: { baseMs: 2, capMs: 20 },
    requestTimeoutMs: 5000,
  });

async function openDesk(dir: string): Promise<Desk> {
  const opened = await openDatabase(join(dir, 'lobbydesk.sqlite'));
  return { dir, opened, client: client(dir, opened) };
}

function faultSchedule(rnd: () => number): (path: string) => Fault {
  return () => {
    const r = rnd();
    if (r < 0.45) return 'pass';
    if (r < 0.57) return 'drop';
    if (r < 0.67) return 'delay';
    if (r < 0.8) return 'lose_response';
    if (r < 0.93) return 'duplicate';
    return 'restart';
  };
}

/** All rows, ordered by every column: tables keyed by two columns have ties on the first. */
const rows = (d: Desk, table: string) => {
  const columns = d.opened.raw.prepare(`SELECT count(*) AS n FROM pragma_table_info('${table}')`).get() as { n: number };
  const order = Array.from({ length: columns.n }, (_, i) => i + 1).join(', ');
  return d.opened.raw.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all();
};

/** Runs child-process desk `dir` until it has pushed at least once, then SIGKILLs it mid-push. */
function killMidPush(dir: string, seed: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let pushes = 0;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killAt = 2 + (seed % 3);
    proxy.onRequest = async (path) => {
      if (!path.endsWith('/push') || ++pushes < killAt) return 'forward';
      child.kill('SIGKILL'); // the desk dies while its push is in flight
      return seed % 2 ? 'hang' : 'forward';
    };
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`sync worker never pushed; stderr: ${stderr}`));
    }, 30_000);
    child.on('exit', (_c, signal) => {
      clearTimeout(guard);
      proxy.onRequest = null;
      if (signal !== 'SIGKILL') reject(new Error(`worker exited without a kill: ${stderr}`));
      else resolve();
    });
  });
}

async function runSchedule(seed: number) {
  const rnd = seededRandom(seed);
  await hq.reset();
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  const n = 2 + Math.floor(rnd() * 2);
  const dirs = templates.slice(0, n).map((t, i) => {
    const dir = join(scratch, `s${seed}-${i}`);
    cpSync(t, dir, { recursive: true });
    return dir;
  });
  let desks: Desk[] = [];
  for (const dir of dirs) {
    const d = await openDesk(dir);
    const site = (await getSiteIdentity(d.opened.db))!;
    await d.client.enroll(hq.url, await issueEnrollCode(hq.db, siteId, site.deviceCode), hq.tls!.fingerprint);
    await d.opened.db.updateTable('sync_state').set({ hq_url: proxyUrl }).execute();
    desks.push(d);
  }
  proxy.next = faultSchedule(seededRandom(seed * 7919));

  // Faulty phase: each desk writes and syncs concurrently; failures are expected and retried later.
  const rounds = 3 + Math.floor(rnd() * 3);
  await Promise.all(
    desks.map(async (d, i) => {
      const local = seededRandom(seed * 31 + i);
      for (let r = 0; r < rounds; r++) {
        await writeSomething(d.opened.db, local, new Date(Date.now() + Math.floor(local() * 1000)), 1 + Math.floor(local() * 4));
        await d.client.syncNow().catch(() => {});
      }
    }),
  );
  if (KILL_EVERY > 0 && seed % KILL_EVERY === 0) {
    await desks[0].opened.close();
    await killMidPush(desks[0].dir, seed);
    desks[0] = await openDesk(desks[0].dir);
  }

  // Calm phase: no more faults; everything drains and every desk catches up.
  proxy.next = () => 'pass';
  for (let pass = 0; pass < 3; pass++) for (const d of desks) await d.client.syncNow();

  for (const d of desks) {
    const s = await d.client.status();
    expect(s.waiting, `seed ${seed}: queue drained (${s.lastError})`).toBe(0);
    expect(s.attachmentsWaiting, `seed ${seed}: pictures uploaded (${s.lastError})`).toBe(0);
  }
  // HQ holds every event of every desk exactly once.
  const { rows: hqRows } = await sql<{ device_id: string; n: string; distinct_ids: string; max_seq: string; rejected: string }>`
    SELECT device_id, count(*) AS n, count(DISTINCT id) AS distinct_ids, max(device_seq) AS max_seq,
      count(*) FILTER (WHERE status = 'rejected') AS rejected FROM events GROUP BY device_id ORDER BY device_id`.execute(hq.db);
  const expected = [];
  for (const d of desks) {
    const site = (await getSiteIdentity(d.opened.db))!;
    const own = d.opened.raw
      .prepare('SELECT count(*) AS n, max(device_seq) AS m FROM events WHERE device_id = ?')
      .get(site.deviceId) as { n: number; m: number };
    expected.push({
      device_id: site.deviceId,
      n: String(own.n),
      distinct_ids: String(own.n),
      max_seq: String(own.m),
      rejected: '0',
    });
  }
  expect(hqRows, `seed ${seed}: HQ holds each event once`).toEqual(
    expected.sort((a, b) => a.device_id.localeCompare(b.device_id)),
  );
  // Every desk converges to the same state, and HQ's projection agrees.
  for (const table of CONVERGED_TABLES) {
    const first = rows(desks[0], table);
    for (const d of desks.slice(1)) expect(rows(d, table), `seed ${seed}: ${table}`).toEqual(first);
  }
  // A PIN changed at two desks: every desk that knows the person has the same (latest) PIN — plain where
  // it was set, sealed by HQ elsewhere, the same hash once opened with the site's key. (Each template desk
  // set up its own admin A001, so a desk may lack another desk's admin row.)
  const siteKeys = (await hq.db.selectFrom('sites').select('id_key').execute()).map((r) => r.id_key!).filter(Boolean);
  const pins = new Map<string, string>();
  for (const d of desks)
    for (const p of d.opened.raw.prepare('SELECT id, pin_hash FROM staff').all() as { id: string; pin_hash: string }[]) {
      if (pins.has(p.id)) sharedPinsSeen++;
      const hash = openPinHash(siteKeys, p.id, p.pin_hash);
      expect(hash, `seed ${seed}: PIN of ${p.id} opens`).not.toBeNull();
      expect(pins.get(p.id) ?? hash, `seed ${seed}: PIN of ${p.id}`).toBe(hash);
      pins.set(p.id, hash!);
    }
  const { rows: hqVisits } = await sql<{ id: string; status: string; checked_out_at: string | null }>`
    SELECT id, status, checked_out_at FROM hq_visits ORDER BY id`.execute(hq.db);
  expect(hqVisits, `seed ${seed}: HQ visits`).toEqual(
    desks[0].opened.raw.prepare('SELECT id, status, checked_out_at FROM visits ORDER BY id').all(),
  );
  // Receipts: HQ's projection agrees with the desks, and no receipt number was issued twice.
  const { rows: hqReceipts } = await sql<{ id: string; receipt_no: string; status: string }>`
    SELECT id, receipt_no, status FROM hq_receipts ORDER BY id`.execute(hq.db);
  const deskReceipts = desks[0].opened.raw
    .prepare(
      `SELECT r.id, r.receipt_no, CASE WHEN v.receipt_id IS NULL THEN 'issued' ELSE 'voided' END AS status
      FROM fee_receipts r LEFT JOIN (SELECT DISTINCT receipt_id FROM fee_voids) v ON v.receipt_id = r.id ORDER BY r.id`,
    )
    .all();
  expect(hqReceipts, `seed ${seed}: HQ receipts`).toEqual(deskReceipts);
  expect(new Set(hqReceipts.map((r) => r.receipt_no)).size, `seed ${seed}: receipt numbers unique`).toBe(hqReceipts.length);
  receiptsSeen += hqReceipts.length;
  // Tickets and mail: HQ folds the same timelines and closings to the same states.
  const { rows: hqTickets } = await sql<{ id: string; state: string; reopen_count: number }>`
    SELECT id, state, reopen_count FROM hq_tickets ORDER BY id`.execute(hq.db);
  expect(hqTickets, `seed ${seed}: HQ tickets`).toEqual(
    desks[0].opened.raw.prepare('SELECT id, state, reopen_count FROM tickets ORDER BY id').all(),
  );
  const { rows: hqMail } = await sql<{ id: string; status: string }>`
    SELECT id, status FROM hq_mail_items ORDER BY id`.execute(hq.db);
  expect(hqMail, `seed ${seed}: HQ mail`).toEqual(
    desks[0].opened.raw.prepare('SELECT id, status FROM mail_items ORDER BY id').all(),
  );
  // Every signature a hand-over names is at HQ, byte for byte under its hash.
  expect(await missingAttachments(hq.db, siteId), `seed ${seed}: HQ has every picture`).toEqual([]);
  const { rows: pictures } = await sql<{ sha256: string; data: Buffer }>`SELECT sha256, data FROM attachments`.execute(hq.db);
  for (const p of pictures) expect(createHash('sha256').update(p.data).digest('hex')).toBe(p.sha256);
  picturesSeen += pictures.length;
  conflicts += rows(desks[0], 'sync_conflicts').length;
  for (const d of desks) await d.opened.close();
  desks = [];
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

describe(`sync through a faulty network (${SCHEDULES} seeded schedules)`, () => {
  it('HQ holds every event exactly once, desks converge, queues drain', async () => {
    for (let seed = 1; seed <= SCHEDULES; seed++) await runSchedule(seed);
    // The schedules really exercised every fault.
    expect(conflicts).toBeGreaterThan(0);
    expect(receiptsSeen).toBeGreaterThan(0);
    expect(picturesSeen).toBeGreaterThan(0);
    expect(sharedPinsSeen).toBeGreaterThan(0);
    for (const f of ['drop', 'delay', 'lose_response', 'duplicate', 'restart'] as Fault[])
      expect(proxy.stats[f]).toBeGreaterThan(0);
  }, 600_000);
});
