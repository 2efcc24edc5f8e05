import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connectHq } from '../../hq/src/pg/connect.js';
import { hqMigrations, migrateHq } from '../../hq/src/pg/migrations.js';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { ADMIN, checkInInput, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { busyDay } from './busyDay.js';

/**
 * HQ migration 011 (keyed by site) on an HQ that already holds two sites' events: nothing is lost,
 * and sync goes on from where it was. The HQ at 010 is this HQ taken back to migration 010's keys
 * (checked against a database migrated to 010 from scratch, so it is 010's schema), with the data
 * two busy desks pushed through the real protocol; 011 then runs as an updated HQ runs it at start.
 */
const suite = hqSuite();

/** Every table's rows (hq_migrations aside: its times differ), each table's rows in one order. */
async function contents(db: Kysely<HqDatabase>): Promise<Record<string, unknown[]>> {
  const { rows: tables } = await sql<{ t: string }>`
    SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'hq_migrations' ORDER BY 1`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { t } of tables) {
    const { rows } = await sql<{ r: unknown[] }>`
      SELECT coalesce(json_agg(x ORDER BY x::text), '[]') AS r FROM ${sql.table(t)} x`.execute(db);
    out[t] = rows[0].r;
  }
  return out;
}

/** The schema as the catalog has it: columns, constraints and indexes of every table, by name. */
async function schemaOf(db: Kysely<HqDatabase>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT c.relname || ' column ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END AS line
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    UNION ALL
    SELECT c.relname || ' constraint ' || k.conname || ' ' || pg_get_constraintdef(k.oid)
      FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'
    UNION ALL
    SELECT tablename || ' index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'`.execute(db);
  return rows.map((r) => r.line).sort();
}

/**
 * Migrations 015, 014, 013, 012 and 011 undone (newest first): the keys, foreign keys and columns they changed back
 * as 001–010 made them.
 */
async function backTo010(db: Kysely<HqDatabase>): Promise<void> {
  const byId = ['hq_visits', 'hq_tickets', 'hq_receipts', 'hq_fee_charges', 'hq_fee_refunds', 'hq_release_passes'];
  byId.push('hq_shifts', 'hq_log_entries', 'hq_mail_items', 'hq_mail_damage');
  const byEvent = ['hq_conflicts', 'hq_fee_events', 'hq_mail_events', 'hq_shift_events'];
  const stmts = [
    'DROP TABLE hq_console_sign_in_limits',
    'DROP TABLE hq_console_audit',
    'DROP TABLE hq_console_sessions',
    'DROP TABLE hq_console_users',
    'DROP TABLE device_health',
    'ALTER TABLE devices DROP COLUMN app_version',
    'ALTER TABLE sites DROP COLUMN update_channel',
    "DELETE FROM hq_migrations WHERE name IN ('012_desk_releases', '013_device_health', '014_console', '015_console_security')",
    'ALTER TABLE held_events DROP CONSTRAINT held_events_event_fkey',
    'ALTER TABLE waiting_events DROP CONSTRAINT waiting_events_event_fkey',
    'ALTER TABLE attachments DROP CONSTRAINT attachments_device_fkey',
    'ALTER TABLE enroll_codes DROP CONSTRAINT enroll_codes_replaces_fkey',
    'ALTER TABLE devices DROP CONSTRAINT devices_replaces_fkey, DROP CONSTRAINT devices_replaces_key',
    'ALTER TABLE devices DROP CONSTRAINT devices_site_of, DROP CONSTRAINT devices_pkey',
    'ALTER TABLE devices ADD PRIMARY KEY (id), ADD CONSTRAINT devices_replaces_key UNIQUE (replaces)',
    'ALTER TABLE devices ADD CONSTRAINT devices_replaces_fkey FOREIGN KEY (replaces) REFERENCES devices (id)',
    'ALTER TABLE enroll_codes ADD CONSTRAINT enroll_codes_replaces_fkey FOREIGN KEY (replaces) REFERENCES devices (id)',
    'ALTER TABLE attachments ADD CONSTRAINT attachments_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id)',
    'DROP TABLE device_sites',
    'ALTER TABLE events DROP CONSTRAINT events_pkey, ADD PRIMARY KEY (device_id, device_seq)',
    'DROP INDEX events_id_ok',
    'DROP INDEX events_hq_seq',
    "CREATE UNIQUE INDEX events_id_ok ON events (id) WHERE status = 'ok'",
    'ALTER TABLE held_events DROP CONSTRAINT held_events_pkey, ADD PRIMARY KEY (device_id, device_seq)',
    `ALTER TABLE held_events ADD CONSTRAINT held_events_device_id_device_seq_fkey FOREIGN KEY (device_id, device_seq)
       REFERENCES events (device_id, device_seq) DEFERRABLE INITIALLY DEFERRED`,
    'ALTER TABLE waiting_events DROP CONSTRAINT waiting_events_pkey, ADD PRIMARY KEY (device_id, device_seq)',
    `ALTER TABLE waiting_events ADD CONSTRAINT waiting_events_device_id_device_seq_fkey FOREIGN KEY (device_id, device_seq)
       REFERENCES events (device_id, device_seq)`,
    'DROP INDEX hq_ticket_steps_ticket',
    'ALTER TABLE hq_ticket_steps DROP CONSTRAINT hq_ticket_steps_pkey, DROP COLUMN site_id, ADD PRIMARY KEY (id)',
    'CREATE INDEX hq_ticket_steps_ticket ON hq_ticket_steps (ticket_id)',
    ...byId.map((t) => `ALTER TABLE ${t} DROP CONSTRAINT ${t}_pkey, ADD PRIMARY KEY (id)`),
    ...byEvent.map((t) => `ALTER TABLE ${t} DROP CONSTRAINT ${t}_pkey, ADD PRIMARY KEY (event_id)`),
    "DELETE FROM hq_migrations WHERE name = '011_keyed_by_site'",
  ];
  await db.transaction().execute(async (trx) => {
    for (const s of stmts) await sql.raw(s).execute(trx);
  });
}

/** A fresh database migrated through 010 only, as an HQ of that release left it. */
async function schemaAt010(pgUrl: string, db: Kysely<HqDatabase>): Promise<string[]> {
  await sql`CREATE DATABASE hq_at_010`.execute(db);
  const fresh = connectHq(pgUrl.replace(/\/[^/]+$/, '/hq_at_010'), 2).db;
  try {
    await fresh.transaction().execute(async (trx) => {
      await sql`CREATE TABLE hq_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(trx);
      for (const m of hqMigrations.slice(0, hqMigrations.findIndex((m) => m.name === '010_waiting_events') + 1)) {
        await m.up(trx);
        await trx.insertInto('hq_migrations').values({ name: m.name }).execute();
      }
    });
    return await schemaOf(fresh);
  } finally {
    await fresh.destroy();
  }
}

/** A desk set up as site `siteCode` (the test desk is HY), its admin on shift. */
async function deskOfSite(siteCode: string, deviceCode: string): Promise<TestDesk> {
  const desk = await suite.openDesk({ setUp: false });
  await desk.ok('setup:complete', { siteName: '西部园区', siteCode, siteKind: 'mixed', deviceCode, admin: ADMIN });
  await desk.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
  return desk;
}

const count = async (db: Kysely<HqDatabase>, table: string, where = sql`true`) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE ${where}`.execute(db)).rows[0].n);

describe('HQ migration 011 on an HQ holding two sites', () => {
  it('keeps every row of both sites, and both sites sync on from where they were', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const a2 = await suite.openDesk({ deviceCode: 'A2' });
    const b = await deskOfSite('XB', 'B1');
    const {
      siteId: hy,
      clients: [ca, ca2],
    } = await enrollDesks(suite.hq, [a, a2]);
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    const cb = syncClientFor(b);
    await cb.enroll(suite.hq.url, await issueEnrollCode(db, xb, 'B1'));
    await busyDay(a);
    await busyDay(b);
    // Held for an HQ administrator: a manager created at a desk.
    await a.ok('staff:create', { staffNo: 'M001', name: '周主管', role: 'manager', pin: '135791' });
    await ca.syncNow();
    await cb.syncNow();
    await ca2.syncNow();
    // Waiting: A2 checks out a visit whose check-in HQ lost (restored from a copy taken before it).
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    await ca2.syncNow();
    const deviceA = (a.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string }).device_id;
    const lostFrom = await count(db, 'events', sql`device_id = ${deviceA}`);
    const checkInSeq = Number(
      (
        await sql<{ s: string }>`SELECT min(device_seq) AS s FROM events WHERE device_id = ${deviceA}
        AND type = 'VisitorCheckedIn' AND payload->>'visitId' = ${visit.id}`.execute(db)
      ).rows[0].s,
    );
    await sql`DELETE FROM events WHERE device_id = ${deviceA} AND device_seq >= ${checkInSeq}`.execute(db);
    await sql`DELETE FROM hq_visits WHERE id = ${visit.id}`.execute(db);
    await sql`UPDATE devices SET last_seq = ${checkInSeq - 1} WHERE id = ${deviceA}`.execute(db);
    expect(await count(db, 'events', sql`device_id = ${deviceA}`)).toBeLessThan(lostFrom);
    await a2.ok('visits:checkOut', { visitId: visit.id });
    await ca2.syncNow();
    for (const t of ['hq_visits', 'hq_tickets', 'hq_ticket_steps', 'hq_receipts', 'hq_mail_items', 'hq_shifts', 'attachments'])
      expect(await count(db, t), t).toBeGreaterThan(0);
    expect(await count(db, 'held_events')).toBeGreaterThan(0);
    expect(await count(db, 'waiting_events')).toBeGreaterThan(0);
    expect(await count(db, 'events', sql`site_id = ${xb}`)).toBeGreaterThan(0);
    const before = await contents(db);

    await backTo010(db);
    expect(await schemaOf(db)).toEqual(await schemaAt010(suite.hq.pgUrl, db));
    expect(await count(db, 'hq_ticket_steps')).toBe(before.hq_ticket_steps.length);

    // The updated HQ starts: 011 runs on the data as 010 held it.
    await migrateHq(db);
    expect(await contents(db)).toEqual(before);

    // Sync goes on: A re-sends what HQ lost, the waiting check-out is applied, new work is numbered on.
    const version = async (site: string) =>
      Number((await db.selectFrom('sites').select('version').where('id', '=', site).executeTakeFirstOrThrow()).version);
    const hyVersion = await version(hy);
    await a.ok('visits:checkIn', await checkInInput(a));
    await b.ok('visits:checkIn', await checkInInput(b));
    await ca.syncNow();
    await ca2.syncNow();
    await ca.syncNow();
    await cb.syncNow();
    for (const c of [ca, ca2, cb]) expect((await c.status()).waiting).toBe(0);
    expect(await count(db, 'waiting_events')).toBe(0);
    expect((await sql<{ status: string }>`SELECT status FROM hq_visits WHERE id = ${visit.id}`.execute(db)).rows).toEqual([
      { status: 'checked_out' },
    ]);
    const deskIds = (d: TestDesk) =>
      (d.backend.database.raw.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id);
    const hqIds = (await db.selectFrom('events').select('id').where('site_id', '=', hy).execute()).map((r) => r.id);
    expect(hqIds.sort()).toEqual([...new Set([...deskIds(a), ...deskIds(a2)])].sort());
    const { rows: numbered } = await sql<{ v: string }>`
      SELECT site_version AS v FROM events WHERE site_id = ${hy} AND status = 'ok' AND site_version > ${hyVersion} ORDER BY 1`.execute(
      db,
    );
    expect(numbered.length).toBeGreaterThan(0);
    expect(numbered.map((r) => Number(r.v))).toEqual(numbered.map((_, i) => hyVersion + 1 + i));
    expect(await version(hy)).toBe(hyVersion + numbered.length);

    // A new desk of HY enrols (its device found through device_sites from then on) and pulls all of HY, none of XB.
    const a3 = await suite.openDesk({ deviceCode: 'A3' });
    const c3 = syncClientFor(a3);
    await c3.enroll(suite.hq.url, await issueEnrollCode(db, hy, 'A3'));
    await c3.syncNow();
    expect(await count(db, 'device_sites', sql`site_id = ${hy}`)).toBe(3);
    expect(a3.count('visits')).toBe(a.count('visits'));
    expect(a3.count('tickets')).toBe(a.count('tickets'));
    const sitesIn = (d: TestDesk) => d.backend.database.raw.prepare('SELECT DISTINCT site_id FROM events').all();
    expect(sitesIn(a3)).toEqual(sitesIn(a));
  }, 240_000);
});
