import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, rowToEvent } from '../../db/events.js';
import { appliers } from '../../db/appliers/index.js';
import { openDatabase, type OpenedDatabase } from '../../db/open.js';
import type { Database } from '../../db/schema.js';
import type { DomainEvent } from '../../shared/events/catalog.js';
import { eventCatalog } from '../../shared/events/catalog.js';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { busyDay, busyDayInbox } from './busyDay.js';
import { snapshot } from './helpers.js';

/** Tables the appliers write: what another desk would rebuild from the same events. */
const READ_TABLES = [
  'meta',
  'staff',
  'units',
  'occupants',
  'visits',
  'deny_list',
  'print_jobs',
  'shifts',
  'shift_members',
  'handover_acks',
  'log_entries',
  'release_passes',
  'release_gate_checks',
  'fee_charges',
  'fee_receipts',
  'fee_receipt_lines',
  'fee_receipt_payments',
  'fee_voids',
  'fee_refunds',
  'drawer_entries',
  'drawer_counts',
  'fee_reminders',
  'mail_items',
  'mail_closings',
  'mail_notices',
  'mail_damage',
  'newspaper_counts',
];
const storedEvents = (raw: OpenedDatabase['raw']) =>
  (raw.prepare('SELECT * FROM events ORDER BY seq').all() as Database['events'][]).map(rowToEvent);
const run = (e: DomainEvent, db: OpenedDatabase['db']) =>
  (appliers[e.type] as (d: typeof db, ev: DomainEvent) => Promise<void>)(db, e);

describe('applying an event twice', () => {
  let desk: TestDesk;
  let events: DomainEvent[];
  beforeAll(async () => {
    desk = await openTestDesk();
    await busyDay(desk);
    await busyDayInbox(desk);
    events = storedEvents(desk.backend.database.raw);
  });
  afterAll(() => desk.close());

  it('the busy day wrote every kind of event', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(Object.keys(eventCatalog)));
  });

  it('applyEvent with a stored event changes nothing, for every event in the log', async () => {
    const before = snapshot(desk);
    for (const event of events) {
      const applied = await desk.backend.database.db.transaction().execute((trx) => applyEvent(trx, event));
      expect(applied, `${event.type} #${event.deviceSeq}`).toBe(false);
    }
    expect(snapshot(desk)).toEqual(before);
  });

  it('each applier run again on its own event changes no table', async () => {
    const db = desk.backend.database.db;
    for (const event of events) {
      const before = snapshot(desk);
      await run(event, db);
      expect(snapshot(desk), `${event.type} #${event.deviceSeq}`).toEqual(before);
    }
  });

  describe('replayed into an empty database, as another desk receives them', () => {
    const opened: { dir: string; db: OpenedDatabase }[] = [];
    const emptyDatabase = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-replay-'));
      const db = await openDatabase(join(dir, 'replay.sqlite'));
      opened.push({ dir, db });
      return db;
    };
    afterAll(async () => {
      for (const { dir, db } of opened) {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
    const tablesOf = (db: OpenedDatabase) => snapshot({ backend: { database: db } } as unknown as TestDesk, READ_TABLES);

    /** The rebuilt read tables equal the original desk's, field for field. */
    function expectSameAsOriginal(db: OpenedDatabase) {
      const original = snapshot(desk, READ_TABLES);
      const rebuilt = tablesOf(db);
      // meta also holds this desk's own counters, which are not events: compare the site identity only.
      const identity = (rows: unknown[]) =>
        (rows as { key: string }[]).filter((r) => /^(site|device)_/.test(r.key) && r.key !== 'device_seq');
      expect(identity(rebuilt.meta)).toEqual(identity(original.meta));
      for (const t of READ_TABLES.filter((t) => t !== 'meta')) expect(rebuilt[t], t).toEqual(original[t]);
    }

    it('each applier applied twice in a row leaves the tables as applying it once, and the result is the original', async () => {
      const other = await emptyDatabase();
      for (const event of events) {
        await run(event, other.db);
        const once = tablesOf(other);
        await run(event, other.db);
        expect(tablesOf(other), `${event.type} #${event.deviceSeq}`).toEqual(once);
      }
      expectSameAsOriginal(other);
    });

    it('applyEvent of the whole log a second time is a no-op', async () => {
      const other = await emptyDatabase();
      const countEvents = () => (other.raw.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      for (const event of events) expect(await other.db.transaction().execute((trx) => applyEvent(trx, event))).toBe(true);
      const first = tablesOf(other);
      expect(countEvents()).toBe(events.length);
      for (const event of events) expect(await other.db.transaction().execute((trx) => applyEvent(trx, event))).toBe(false);
      expect(tablesOf(other)).toEqual(first);
      expect(countEvents()).toBe(events.length);
      expectSameAsOriginal(other);
    });
  });
});
