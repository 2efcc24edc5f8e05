import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listRejected } from '../../hq/src/store/admin.js';
import { decodeHlc, encodeHlc } from '../../shared/domain/hlc.js';
import { HLC_MAX_AHEAD_MS } from '../../shared/domain/clock.js';
import { checkInInput, importSampleDirectory, openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import { startTestHq, type TestHq } from '../support/hq.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { cashPayment, importSampleCharges } from '../support/fees.js';
import { complaintInput } from '../support/tickets.js';

/**
 * Clocks against a real HQ (embedded PostgreSQL) whose own clock the test sets: 03:59 at the site
 * on 1 December 2026, the hour the issue saw a 6 h slow desk date its documents the day before.
 */
const HQ_NOW = Date.parse('2026-12-01T03:59:00+08:00');
const SIX_HOURS = 6 * 3_600_000;
const YEAR_2286 = Date.parse('2286-11-20T00:00:00Z');

const hqClock = new TestClock(HQ_NOW);
let hq: TestHq;
const desks: TestDesk[] = [];
beforeAll(async () => {
  hq = await startTestHq({ clock: hqClock.now });
}, 60_000);
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await hq.close();
});
beforeEach(async () => {
  await hq.reset();
  hqClock.ms = HQ_NOW;
});

const desk = async (deviceCode: string, deskMs = HQ_NOW, openShift = true) => {
  const d = await openTestDesk({ deviceCode, clock: new TestClock(deskMs), openShift });
  desks.push(d);
  return d;
};
const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const raw = (d: TestDesk) => d.backend.database.raw;
/** The wall time of this desk's newest own event: where its clock stands. */
const ownClockMs = (d: TestDesk, deviceId: string) =>
  decodeHlc(
    (
      raw(d).prepare('SELECT hlc FROM events WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1').get(deviceId) as {
        hlc: string;
      }
    ).hlc,
  ).wallMs;
const lastError = (d: TestDesk) =>
  (raw(d).prepare('SELECT last_error FROM sync_state').get() as { last_error: string | null }).last_error;

describe('HLCs from the future', () => {
  it('an event stamped in 2286 is rejected at HQ (listed, acknowledged); the other desk never gets it and its clock stays at HQ time', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { siteId, clients } = await enrollDesks(hq, [a, b], hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    const aId = (await a.backend.services.site())!.deviceId;
    const bId = (await b.backend.services.site())!.deviceId;

    // A desk (or a forged client) stamps an admin's creation in the year 2286.
    const made = await a.ok('staff:create', { staffNo: 'M009', name: '未来人', role: 'admin', pin: '135790' });
    const ev = raw(a).prepare("SELECT id FROM events WHERE type = 'StaffCreated' AND payload LIKE ?").get(`%${made.id}%`) as {
      id: string;
    };
    raw(a)
      .prepare('UPDATE events SET hlc = ? WHERE id = ?')
      .run(encodeHlc({ wallMs: YEAR_2286, counter: 0, node: aId }), ev.id);
    await syncAll(clients);

    expect(lastError(a)).toBeNull();
    const rejected = await listRejected(hq.db, siteId);
    expect(rejected.map((r) => [r.id, r.reject_reason])).toEqual([[ev.id, 'hlc_ahead']]);
    expect((await a.ok('sync:rejections')).map((r) => r.reason)).toEqual(['hlc_ahead']);
    expect((await a.ok('sync:status')).waiting).toBe(0); // acknowledged: the queue does not block
    // Desk B never saw the admin, and its new events are stamped at HQ's time, not in 2286.
    expect((await b.ok('staff:list')).some((s) => s.staffNo === 'M009')).toBe(false);
    expect((await b.call('auth:signIn', { staffNo: 'M009', pin: '135790' }, 'm')).ok).toBe(false);
    await b.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '864200' });
    expect(Math.abs(ownClockMs(b, bId) - HQ_NOW)).toBeLessThan(1000);
    // Desk A, whose own log holds the 2286 stamp, is not held there either once HQ's time is known.
    await a.ok('staff:create', { staffNo: 'R002', name: '小王', role: 'receptionist', pin: '864200' });
    expect(Math.abs(ownClockMs(a, aId) - HQ_NOW)).toBeLessThan(1000);
  });

  it('an event already at HQ with a far-future stamp (accepted before this rule) is applied at a desk, but its stamp is not adopted', async () => {
    const a = await desk('A1');
    const b = await desk('A2');
    const { clients } = await enrollDesks(hq, [a, b], hq.url, 'HY', { backendClient: true });
    const made = await a.ok('staff:create', { staffNo: 'R005', name: '老赵', role: 'receptionist', pin: '135790' });
    await clients[0].syncNow();
    await hq.db
      .updateTable('events')
      .set({ hlc: encodeHlc({ wallMs: YEAR_2286, counter: 0, node: 'legacy' }) })
      .where('type', '=', 'StaffCreated')
      .where(sql<boolean>`payload->>'staffId' = ${made.id}`)
      .execute();
    await syncAll(clients);
    expect(lastError(b)).toBeNull();
    expect((await b.ok('staff:list')).some((s) => s.staffNo === 'R005')).toBe(true);
    const bId = (await b.backend.services.site())!.deviceId;
    const hasFuture = raw(b)
      .prepare('SELECT COUNT(*) AS n FROM events WHERE hlc > ?')
      .get(encodeHlc({ wallMs: HQ_NOW + HLC_MAX_AHEAD_MS, counter: 0, node: '' })) as { n: number };
    expect(hasFuture.n).toBe(1);
    await b.ok('staff:create', { staffNo: 'R006', name: '小周', role: 'receptionist', pin: '864200' });
    expect(Math.abs(ownClockMs(b, bId) - HQ_NOW)).toBeLessThan(1000);
  });
});

describe('a desk 6 hours slow', () => {
  it('shows the offset and stamps check-in, check-out, pass and ticket numbers, receipts and their day on HQ’s clock', async () => {
    const slow = await desk('A2', HQ_NOW - SIX_HOURS, false);
    expect((await slow.ok('sync:status')).clock.offsetMs).toBeNull(); // never synced: nothing to warn about
    await importSampleDirectory(slow);
    await importSampleCharges(slow);
    const { clients } = await enrollDesks(hq, [slow], hq.url, 'HY', { backendClient: true });
    // The enrolment answer carries HQ's time already: the records of the desk's first minutes are corrected.
    expect((await slow.ok('sync:status')).clock.offsetMs).toBe(SIX_HOURS);
    await syncAll(clients);
    const status = await slow.ok('sync:status');
    expect(status.clock.offsetMs).toBe(SIX_HOURS);
    expect(status.clock.now).toBe(new Date(HQ_NOW).toISOString());

    await slow.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
    const { visit } = await slow.ok('visits:checkIn', await checkInInput(slow));
    expect(visit.checkedInAt).toBe(new Date(HQ_NOW).toISOString());
    expect(visit.passNo).toBe('HY-A2-V261201-0001');
    const { ticket } = await slow.ok('tickets:create', await complaintInput(slow));
    expect(ticket.ticketNo).toBe('HY-A2-T261201-0001');
    const [host] = await slow.ok('directory:search', { q: '张三' });
    const { receipt } = await slow.ok('fees:pay', await cashPayment(slow, host.unitId, ['2026-08']));
    expect((await slow.ok('fees:daily', { date: '2026-12-01' })).receipts.map((r) => r.receiptNo)).toContain(receipt.receiptNo);
    expect((await slow.ok('fees:daily', { date: '2026-11-30' })).receipts).toEqual([]);
    slow.clock.advance(3);
    const out = await slow.ok('visits:checkOut', { visitId: visit.id });
    expect(out.checkedOutAt).toBe(new Date(HQ_NOW + 3 * 60_000).toISOString());
  });

  it('restarted offline, it keeps the correction it last learned', async () => {
    const slow = await desk('A2', HQ_NOW - SIX_HOURS);
    await enrollDesks(hq, [slow], hq.url, 'HY', { backendClient: true });
    await slow.backend.services.sync.syncNow();
    await slow.reopen(); // and HQ is not asked again
    await slow.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    expect((await slow.ok('sync:status')).clock.offsetMs).toBe(SIX_HOURS);
    expect(lastError(slow)).toBeNull();
  });
});

describe('no negative stay', () => {
  it('a check-out from a desk whose clock is behind the check-in desk’s ends at the check-in, at that desk, at HQ and at the others', async () => {
    const a = await desk('A1');
    const late = await desk('A2', HQ_NOW - SIX_HOURS);
    await importSampleDirectory(a);
    const { clients } = await enrollDesks(hq, [a], hq.url, 'HY', { backendClient: true });
    // The slow desk syncs through a client of its own, so its backend never learns HQ's time (as a desk
    // updated from an HQ that did not send it would): its check-out is stamped 6 h before the check-in.
    const siteId = (await hq.db.selectFrom('sites').select('id').executeTakeFirstOrThrow()).id;
    const lateClient = syncClientFor(late);
    const { issueEnrollCode } = await import('../../hq/src/store/admin.js');
    await lateClient.enroll(hq.url, await issueEnrollCode(hq.db, siteId, 'A2'));
    const all = [clients[0], lateClient];
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await syncAll(all);

    const out = await late.ok('visits:checkOut', { visitId: visit.id });
    expect(out.checkedOutAt).toBe(visit.checkedInAt);
    // An older desk's event with the earlier time, as it would arrive: HQ and the other desks lift it too.
    raw(late)
      .prepare("UPDATE events SET payload = json_set(payload, '$.at', ?) WHERE type = 'VisitorCheckedOut'")
      .run(new Date(HQ_NOW - SIX_HOURS).toISOString());
    await syncAll(all);
    const atHq = await hq.db
      .selectFrom('hq_visits' as never)
      .selectAll()
      .where('id' as never, '=', visit.id as never)
      .executeTakeFirstOrThrow();
    expect(atHq).toMatchObject({ status: 'checked_out', checked_out_at: visit.checkedInAt });
    const atA = await a.ok('visits:search', { text: '', from: '2026-12-01', to: '2026-12-01' });
    expect(atA.find((v) => v.id === visit.id)).toMatchObject({ status: 'checked_out', checkedOutAt: visit.checkedInAt });
  });
});
