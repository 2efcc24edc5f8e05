import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { eventCatalog } from '../../shared/events/catalog.js';
import { waitPreviousRejections } from '../../hq/src/pg/migrations.js';
import { retryAllWaiting } from '../../hq/src/store/waiting.js';
import type { CatalogLike } from '../../shared/events/verdict.js';
import { checkInInput, importSampleDirectory, newRequestId, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';

/** The build before this one: it knew VisitorCheckedIn at v0 and had no deny list yet. */
const olderBuild: CatalogLike = {
  ...Object.fromEntries(Object.entries(eventCatalog).filter(([type]) => type !== 'DenyEntryAdded')),
  VisitorCheckedIn: { ...eventCatalog.VisitorCheckedIn, v: 0 },
};
/** An HQ not yet updated to this build: it knows VisitorCheckedIn only at v0. */
const olderHq: CatalogLike = { ...eventCatalog, VisitorCheckedIn: { ...eventCatalog.VisitorCheckedIn, v: 0 } };

// Read at every (re)start of HQ: a test "updates HQ" by changing it and restarting.
const hqOpts: { catalog?: CatalogLike } = {};
const suite = hqSuite(hqOpts);
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });

const addDeny = (d: TestDesk, name: string) => d.ok('deny:add', { name, reason: '推销' });
const addLog = (d: TestDesk, text: string) => d.ok('log:add', { entryId: newRequestId(), category: 'notice', text });
const cursorOf = (d: TestDesk) =>
  (d.backend.database.raw.prepare('SELECT cursor FROM sync_state').get() as { cursor: number }).cursor;
const hqVersion = async () =>
  Number((await sql<{ version: string }>`SELECT version FROM sites`.execute(suite.hq.db)).rows[0].version);
const hqEvents = async (type: string) =>
  (
    await sql<{ status: string }>`SELECT status FROM events WHERE type = ${type} ORDER BY site_version`.execute(suite.hq.db)
  ).rows.map((r) => r.status);

describe('mixed versions never stall or lose', () => {
  it('a desk of an older build parks what a newer desk wrote, keeps pulling, and applies it once updated', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(b);
    const { clients } = await enrollDesks(suite.hq, [a, b]);
    const cb = clients[1];
    const older = syncClientFor(a, { catalog: olderBuild });
    await cb.syncNow();
    await older.syncNow();
    const { visit } = await b.ok('visits:checkIn', await checkInInput(b));
    await addDeny(b, '钱七');
    await cb.syncNow();
    await older.syncNow();
    // Later events the older build knows still arrive: the cursor goes on past the parked ones.
    await addLog(b, '三号梯维修');
    await b.ok('visits:checkOut', { visitId: visit.id });
    await cb.syncNow();
    await older.syncNow();
    expect(cursorOf(a)).toBe(await hqVersion());
    expect(a.count('log_entries')).toBe(1);
    expect(a.count('visits')).toBe(0);
    expect(a.count('deny_list')).toBe(0);
    const status = await a.ok('sync:status', undefined);
    expect(status.lastError).toBeNull();
    expect(status.parked).toEqual([
      { type: 'VisitorCheckedIn', v: 1, reason: 'newer_version', count: 1 },
      { type: 'DenyEntryAdded', v: 1, reason: 'unknown_type', count: 1 },
    ]);
    // The desk is updated (this build opens the same database): the parked events are applied, in order.
    await syncClientFor(a).syncNow();
    // The check-out pulled while the check-in was parked counts too: checked out on both desks alike.
    const visitRow = (d: TestDesk) =>
      d.backend.database.raw.prepare('SELECT status, checked_out_at, close_event_id FROM visits WHERE id = ?').get(visit.id);
    expect(visitRow(a)).toMatchObject({ status: 'checked_out' });
    expect(visitRow(a)).toEqual(visitRow(b));
    expect(a.count('deny_list')).toBe(1);
    expect((await a.ok('sync:status', undefined)).parked).toEqual([]);
  });

  it('an event with a newer v stays queued on the desk while HQ does not know it, and is accepted once HQ is updated', async () => {
    hqOpts.catalog = olderHq;
    await suite.hq.restart();
    try {
      const a = await desk('A1');
      const b = await desk('A2');
      await importSampleDirectory(a);
      const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
      await ca.syncNow();
      await cb.syncNow();
      await addDeny(a, '钱七');
      const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
      await addDeny(a, '孙八');
      await ca.syncNow();
      // HQ took what it knows up to the check-in and acknowledged nothing from there: nothing rejected, nothing lost.
      expect(await hqEvents('VisitorCheckedIn')).toEqual([]);
      expect(await hqEvents('DenyEntryAdded')).toEqual(['ok']);
      const behind = await ca.status();
      // Queued from the check-in on (the check-in, what it wrote with it, the second deny entry).
      const fromCheckIn = a.count(
        "events WHERE device_id = (SELECT device_id FROM sync_state) AND device_seq >= (SELECT device_seq FROM events WHERE type = 'VisitorCheckedIn')",
      );
      expect(fromCheckIn).toBeGreaterThanOrEqual(2);
      expect(behind.waiting).toBe(fromCheckIn);
      expect(behind.lastError).toMatch(/^hq_behind: HQ does not know VisitorCheckedIn v1/);
      expect(a.count("sync_rejections WHERE type = 'VisitorCheckedIn'")).toBe(0);
      // The pull went on meanwhile.
      await cb.syncNow();
      await addLog(b, '三号梯维修');
      await cb.syncNow();
      await ca.syncNow();
      expect(a.count('log_entries')).toBe(1);
      expect(b.count('deny_list')).toBe(1);
      // HQ is updated: the queue goes through.
      hqOpts.catalog = undefined;
      await suite.hq.restart();
      // The restart cut the desk's open connection: its first round may fail on it and the next goes through.
      await ca.syncNow();
      await ca.syncNow();
      expect(await ca.status()).toMatchObject({ waiting: 0, lastError: null });
      expect(await hqEvents('VisitorCheckedIn')).toEqual(['ok']);
      await cb.syncNow();
      expect(b.count(`visits WHERE id = '${visit.id}'`)).toBe(1);
      expect(b.count('deny_list')).toBe(2);
    } finally {
      hqOpts.catalog = undefined;
      await suite.hq.restart();
    }
  });

  it('what an HQ before this change rejected as unknown_version (and acknowledged) is accepted once HQ is updated', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    await importSampleDirectory(a);
    const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
    await ca.syncNow();
    await cb.syncNow();
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    // As the old HQ stored it: rejected, never projected, never served; the desk took it as acknowledged.
    await sql`UPDATE events SET status = 'rejected', reject_reason = 'unknown_version' WHERE type = 'VisitorCheckedIn'`.execute(
      suite.hq.db,
    );
    await sql`DELETE FROM hq_visits WHERE id = ${visit.id}`.execute(suite.hq.db);
    await cb.syncNow();
    expect(b.count('visits')).toBe(0);
    // The update: migration 008 makes it wait, HQ's start takes it now that its catalog knows the version.
    await waitPreviousRejections(suite.hq.db);
    await retryAllWaiting(suite.hq.db);
    expect(await hqEvents('VisitorCheckedIn')).toEqual(['ok']);
    expect(
      (await sql<{ status: string }>`SELECT status FROM hq_visits WHERE id = ${visit.id}`.execute(suite.hq.db)).rows[0]?.status,
    ).toBe('on_site');
    await cb.syncNow();
    expect(b.count(`visits WHERE id = '${visit.id}' AND status = 'on_site'`)).toBe(1);
  });
});
