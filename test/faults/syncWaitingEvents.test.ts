import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { waitPreviousRejections } from '../../hq/src/pg/migrations.js';
import { retryAllWaiting } from '../../hq/src/store/waiting.js';
import { runCli } from '../../hq/src/cli.js';
import { checkInInput, importSampleDirectory, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { mailInput, pickupInput } from '../support/mail.js';

const suite = hqSuite();
const desk = (deviceCode: string) => suite.openDesk({ deviceCode });

const visitStatus = (d: TestDesk, visitId: string) =>
  (d.backend.database.raw.prepare('SELECT status FROM visits WHERE id = ?').get(visitId) as { status: string }).status;
const hqVisit = async (visitId: string) =>
  (await sql<{ status: string }>`SELECT status FROM hq_visits WHERE id = ${visitId}`.execute(suite.hq.db)).rows[0]?.status;
const hqEvent = async (eventId: string) =>
  (
    await sql<{
      status: string;
      reject_reason: string | null;
    }>`SELECT status, reject_reason FROM events WHERE id = ${eventId}`.execute(suite.hq.db)
  ).rows[0];
// A2's own first admin is held at HQ (A1's came first); what counts here is the check-out's line.
const rejected = (d: TestDesk, eventId: string) => d.count(`sync_rejections WHERE event_id = '${eventId}'`);
const checkOutEventId = (d: TestDesk, visitId: string) =>
  (
    d.backend.database.raw
      .prepare("SELECT id FROM events WHERE type = 'VisitorCheckedOut' AND json_extract(payload, '$.visitId') = ?")
      .get(visitId) as { id: string }
  ).id;

/** Two enrolled desks of site HY; A has the directory. */
async function twoDesks() {
  const a = await desk('A1');
  const b = await desk('A2');
  await importSampleDirectory(a);
  const [ca, cb] = (await enrollDesks(suite.hq, [a, b])).clients;
  await ca.syncNow();
  await cb.syncNow();
  return { a, b, ca, cb };
}

/**
 * HQ loses desk A's pushes from its first `type` event on (restored from a copy taken before them), with
 * the HQ projection row `table`/`id` that they made.
 */
async function hqLosesFrom(a: TestDesk, type: string, table: string, id: string) {
  const raw = a.backend.database.raw;
  const deviceA = (raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string }).device_id;
  const seq = (raw.prepare('SELECT min(device_seq) AS s FROM events WHERE type = ?').get(type) as { s: number }).s;
  await sql`DELETE FROM events WHERE device_id = ${deviceA} AND device_seq >= ${seq}`.execute(suite.hq.db);
  await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id}`.execute(suite.hq.db);
  await sql`UPDATE devices SET last_seq = ${seq - 1} WHERE id = ${deviceA}`.execute(suite.hq.db);
}

/**
 * Desk B, which pulled A's check-in earlier, checks the visitor out and reaches HQ first — with a
 * check-out of a visit HQ does not hold.
 */
async function checkOutBeforeCheckIn() {
  const { a, b, ca, cb } = await twoDesks();
  const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
  await ca.syncNow();
  await cb.syncNow();
  expect(visitStatus(b, visit.id)).toBe('on_site');
  await hqLosesFrom(a, 'VisitorCheckedIn', 'hq_visits', visit.id);
  await b.ok('visits:checkOut', { visitId: visit.id });
  await cb.syncNow();
  return { a, b, ca, cb, visit, checkOut: checkOutEventId(b, visit.id) };
}

describe('an event naming a record HQ does not hold yet waits at HQ', () => {
  it('a check-out pushed before its check-in is acknowledged, waits, and is applied at HQ and on both desks when the check-in arrives', async () => {
    const { a, b, ca, cb, visit, checkOut } = await checkOutBeforeCheckIn();
    // Acknowledged (B's queue is empty), not rejected: nothing for a supervisor to chase.
    expect((await cb.status()).waiting).toBe(0);
    expect(rejected(b, checkOut)).toBe(0);
    expect(await hqEvent(checkOut)).toEqual({ status: 'waiting', reject_reason: 'unknown_visit' });
    expect(await hqVisit(visit.id)).toBeUndefined();
    const listed: string[] = [];
    await runCli(suite.hq.db, ['waiting', 'HY'], (l) => listed.push(l));
    expect(listed[0]).toBe('1 event(s) wait at HY');
    expect(listed[1]).toContain(`${checkOut}\t`);
    expect(listed[1]).toContain('\tVisitorCheckedOut\tunknown_visit\t');
    // A writes again: HQ's lower acknowledgement makes A resend the check-in, and the check-out follows it.
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect(await hqEvent(checkOut)).toEqual({ status: 'ok', reject_reason: null });
    expect(await hqVisit(visit.id)).toBe('checked_out');
    const after: string[] = [];
    await runCli(suite.hq.db, ['waiting', 'HY'], (l) => after.push(l));
    expect(after).toEqual(['0 event(s) wait at HY']);
    await ca.syncNow();
    await cb.syncNow();
    expect(visitStatus(a, visit.id)).toBe('checked_out');
    expect(visitStatus(b, visit.id)).toBe('checked_out');
    expect(a.count('visits')).toBe(2);
    expect(b.count('visits')).toBe(2);
    expect(rejected(b, checkOut)).toBe(0);
  });

  it('a pickup that reaches HQ before the intake waits and ends picked up at HQ and on both desks', async () => {
    const { a, b, ca, cb } = await twoDesks();
    const itemId = (await a.ok('mail:receive', await mailInput(a))).item.id;
    await ca.syncNow();
    await cb.syncNow();
    await hqLosesFrom(a, 'MailReceived', 'hq_mail_items', itemId);
    await b.ok('mail:pickUp', pickupInput(itemId));
    await cb.syncNow();
    const hqItem = async () =>
      (await sql<{ status: string }>`SELECT status FROM hq_mail_items WHERE id = ${itemId}`.execute(suite.hq.db)).rows[0]?.status;
    const pickups = async () =>
      (
        await sql<{
          status: string;
          reject_reason: string | null;
        }>`SELECT status, reject_reason FROM events WHERE type = 'MailPickedUp'`.execute(suite.hq.db)
      ).rows;
    expect(await pickups()).toEqual([{ status: 'waiting', reject_reason: 'unknown_mail_item' }]);
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect(await pickups()).toEqual([{ status: 'ok', reject_reason: null }]);
    expect(await hqItem()).toBe('picked_up');
    await ca.syncNow();
    const itemStatus = (d: TestDesk) =>
      (d.backend.database.raw.prepare('SELECT status FROM mail_items WHERE id = ?').get(itemId) as { status: string }).status;
    expect(itemStatus(a)).toBe('picked_up');
    expect(itemStatus(b)).toBe('picked_up');
  });

  it('a rejection of that kind stored before events could wait is applied after the migration and a restart of HQ', async () => {
    const { a, ca, visit, checkOut } = await checkOutBeforeCheckIn();
    // What HQ stored before this change: rejected for good, with no waiting row.
    await sql`DELETE FROM waiting_events`.execute(suite.hq.db);
    await sql`UPDATE events SET status = 'rejected' WHERE id = ${checkOut}`.execute(suite.hq.db);
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect(await hqEvent(checkOut)).toEqual({ status: 'rejected', reject_reason: 'unknown_visit' });
    expect(await hqVisit(visit.id)).toBe('on_site');
    // The HQ update: migration 008 makes the old rejection wait, HQ's start tries every waiting event.
    await waitPreviousRejections(suite.hq.db);
    await suite.hq.restart();
    await retryAllWaiting(suite.hq.db);
    expect(await hqEvent(checkOut)).toEqual({ status: 'ok', reject_reason: null });
    expect(await hqVisit(visit.id)).toBe('checked_out');
    // The restart cut the desk's open connection: its first round may fail on it and the next goes through.
    await ca.syncNow();
    await ca.syncNow();
    expect(visitStatus(a, visit.id)).toBe('checked_out');
  });
});
