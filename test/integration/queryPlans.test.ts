import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, lastDeviceSeq, rowToEvent } from '../../db/events.js';
import { getSiteIdentity } from '../../db/meta.js';
import * as fees from '../../db/queries/fees.js';
import * as mail from '../../db/queries/mail.js';
import * as tickets from '../../db/queries/tickets.js';
import * as visits from '../../db/queries/visits.js';
import type { Database } from '../../db/schema.js';
import { outbox, waitingSummary } from '../../electron/sync/state.js';
import { checkInInput, openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { mailInput } from '../support/mail.js';
import { planProblems, plansOf, type Db } from '../support/queryPlans.js';
import { repairInput } from '../support/tickets.js';

const FROM = '2026-11-01T00:00:00.000Z';
const TO = '2026-12-01T00:00:00.000Z';

interface HotQuery {
  name: string;
  run: (db: Db) => Promise<unknown>;
  /** The indexes the query is written for; each must appear in the plan, and no growing table is scanned without one. */
  indexes: string[];
  aliases?: Record<string, string>;
}

/**
 * The desk's hot queries (the screens a receptionist opens all day, and the sync paths) and the index
 * each is written for (Signal's practice): a migration that loses an index, or a query rewritten so
 * SQLite can no longer use it, fails here instead of on a desk with a million visits.
 */
function hotQueries(ids: { deviceId: string; unitId: string; idHash: string; phoneHash: string }): HotQuery[] {
  return [
    { name: 'ticket board: open by due', run: (db) => tickets.openTicketsByDue(db, 200), indexes: ['tickets_open_due'] },
    { name: 'ticket board: open count', run: (db) => tickets.countOpen(db), indexes: ['tickets_open_due'] },
    { name: 'ticket board: callbacks due', run: (db) => tickets.callbacksDue(db, TO), indexes: ['tickets_open_due'] },
    { name: 'ticket board: stuck', run: (db) => tickets.stuckTickets(db, FROM), indexes: ['tickets_open_due'] },
    { name: 'monthly stats: counts', run: (db) => tickets.countBy(db, 'category', FROM, TO), indexes: ['tickets_opened'] },
    {
      name: 'monthly stats: on time',
      run: (db) => tickets.onTimeByType(db, FROM, TO, TO),
      indexes: ['ticket_deadlines_due'],
    },
    { name: 'monthly stats: callbacks', run: (db) => tickets.callbackRate(db, FROM, TO), indexes: ['tickets_resolved'] },
    {
      name: 'monthly stats: satisfaction',
      run: (db) => tickets.satisfaction(db, FROM, TO),
      indexes: ['ticket_steps_callbacks'],
    },
    { name: 'monthly stats: recurring', run: (db) => tickets.recurring(db, FROM, TO), indexes: ['tickets_opened'] },
    { name: 'monthly stats: paid repairs', run: (db) => tickets.paidChargeFen(db, FROM, TO), indexes: ['tickets_opened'] },
    { name: 'on-site list', run: (db) => visits.visitsOnSite(db), indexes: ['visits_on_site'] },
    { name: 'on-site count', run: (db) => visits.countVisitsOnSite(db), indexes: ['visits_on_site'] },
    {
      name: 'visit history: a month',
      run: (db) => visits.searchVisits(db, { text: '', fromIso: FROM, toIso: TO, limit: 100 }),
      indexes: ['visits_checked_in_at'],
    },
    {
      // Free text cannot use an index; the newest-first walk stops at the limit.
      name: 'visit history: text in a month',
      run: (db) => visits.searchVisits(db, { text: '赵', fromIso: FROM, toIso: TO, limit: 100, idHashes: [ids.idHash] }),
      indexes: ['visits_checked_in_at'],
    },
    {
      name: 'recall by ID hash',
      run: (db) => visits.visitsOfVisitor(db, { idHashes: [ids.idHash, 'x'] }),
      indexes: ['visits_id_hash'],
    },
    {
      name: 'recall by phone hash',
      run: (db) => visits.visitsOfVisitor(db, { phoneHashes: [ids.phoneHash] }),
      indexes: ['visits_phone_hash'],
    },
    {
      name: 'fee account: charges',
      run: (db) => fees.chargesOfUnit(db, ids.unitId),
      indexes: ['fee_charges_unit', 'fee_receipt_lines_charge'],
      aliases: { c: 'fee_charges', l: 'fee_receipt_lines', r: 'fee_receipts' },
    },
    {
      name: 'fee account: balance',
      run: (db) => fees.unitBalanceFen(db, ids.unitId),
      indexes: ['fee_charges_unit', 'fee_receipts_unit', 'fee_refunds_unit'],
    },
    { name: 'fee account: receipts', run: (db) => fees.receiptsOfUnit(db, ids.unitId, 20), indexes: ['fee_receipts_unit'] },
    { name: 'fee account: reminders', run: (db) => fees.remindersOfUnit(db, ids.unitId), indexes: ['fee_reminders_unit'] },
    {
      name: 'mail on the shelf',
      run: (db) => mail.onShelf(db, false),
      indexes: ['mail_items_on_shelf'],
      aliases: { m: 'mail_items', r: 'staff', c: 'mail_closings' },
    },
    {
      name: 'outbox',
      run: (db) => outbox(db, ids.deviceId, 0, 500, 1_000_000),
      indexes: ['sqlite_autoindex_events_2'],
    },
    { name: 'outbox: waiting', run: (db) => waitingSummary(db, ids.deviceId, 0), indexes: ['sqlite_autoindex_events_2'] },
    { name: 'next device seq', run: (db) => lastDeviceSeq(db, ids.deviceId), indexes: ['sqlite_autoindex_events_2'] },
  ];
}

describe('query plans of the hot queries (a lost index fails here)', () => {
  let desk: TestDesk;
  let cases: HotQuery[];
  beforeAll(async () => {
    // A database only the product has built: its migrations, then a few records through its router.
    desk = await openTestDesk();
    const { unitId } = await feeDesk(desk);
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']));
    await desk.ok('visits:checkIn', await checkInInput(desk));
    await desk.ok('tickets:create', await repairInput(desk));
    await desk.ok('mail:receive', await mailInput(desk));
    const raw = desk.backend.database.raw;
    const visit = raw.prepare('SELECT id_hash, phone_hash FROM visits').get() as { id_hash: string; phone_hash: string };
    const site = (await getSiteIdentity(desk.backend.services.db))!;
    cases = hotQueries({ deviceId: site.deviceId, unitId, idHash: visit.id_hash, phoneHash: visit.phone_hash });
  });
  afterAll(() => desk.close());

  it('every hot query uses its index and scans no table that grows', async () => {
    const raw = desk.backend.database.raw;
    const failures: Record<string, string[]> = {};
    for (const c of cases) {
      const planned = await plansOf(raw, c.run);
      expect(planned.length, c.name).toBeGreaterThan(0);
      const problems = planProblems(planned, c.indexes, c.aliases);
      if (problems.length) failures[c.name] = [...problems, ...planned.map((p) => p.sql)];
    }
    expect(failures).toEqual({});
  });

  it('applying a pulled check-in finds its rows by key, never by a scan', async () => {
    const raw = desk.backend.database.raw;
    const row = raw.prepare("SELECT * FROM events WHERE type = 'VisitorCheckedIn'").get() as Database['events'];
    // The same check-in as another desk's, pulled again: applyEvent looks it up and changes nothing.
    const planned = await plansOf(raw, (db) => applyEvent(db, rowToEvent(row)));
    expect(planned.length).toBeGreaterThan(0);
    expect(planProblems(planned, [])).toEqual([]);
  });

  it('the check fails when a migration loses an index', async () => {
    const raw = desk.backend.database.raw;
    const board = cases.find((c) => c.name === 'ticket board: open by due')!;
    raw.exec('SAVEPOINT lose_index; DROP INDEX tickets_open_due');
    try {
      const problems = planProblems(await plansOf(raw, board.run), board.indexes);
      expect(problems).toContain('index tickets_open_due not used');
      expect(problems.some((p) => p.startsWith('full scan: SCAN tickets'))).toBe(true);
    } finally {
      raw.exec('ROLLBACK TO lose_index; RELEASE lose_index');
    }
    expect(planProblems(await plansOf(raw, board.run), board.indexes)).toEqual([]);
  });
});
