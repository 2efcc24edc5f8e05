import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { ADMIN, checkInInput, importSampleDirectory, TestClock, type TestDesk } from '../support/desk.js';
import { b64, cashPayment } from '../support/fees.js';
import { complaintInput, repairInput } from '../support/tickets.js';
import { consoleClient } from '../support/consoleClient.js';
import { addStaff } from './helpers.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { setStaffActive } from '../../hq/src/store/staffAdmin.js';
import { waitingForSite } from '../../hq/src/store/waiting.js';
import { runCli } from '../../hq/src/cli.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { portfolio, type PortfolioRow } from '../../hq/src/console/store/portfolio.js';
import { deskDay, deskTime } from '../../shared/domain/deskTime.js';

/**
 * The portfolio's figures equal what the desks themselves hold: two sites (HY with desks A1 and A2, XB with
 * B1 whose clock runs 7 minutes fast, on a Pacific island's time), real desks syncing with a real HQ; each row compared with the desks'
 * own arrears list (collection rates, ageing), ticket board, ticket timelines, conflict inbox, rejections,
 * sync status, and with HQ's own `devices` and `waiting` commands.
 */
// HQ judges HLCs against its clock: it runs on the desks' clock (HQ's own staff changes are stamped on the real one).
let hqNow = () => new Date();
const suite = hqSuite({ clock: () => hqNow() });
const cli = async (...args: string[]) => {
  const lines: string[] = [];
  await runCli(suite.hq.db, args, (l) => lines.push(l));
  return lines;
};

/** Charges for the sample directory in the current month and the two before it (the desks' import format). */
function chargesCsv(now: Date, zone: string) {
  const m = (back: number) => deskTime(now, zone).subtract(back, 'month').format('YYYY-MM');
  return [
    '单元,收费项目,月份,金额,空置,备注',
    `1-2-301,物业管理费,${m(2)},,,`,
    `1-2-301,物业管理费,${m(1)},,,`,
    `1-2-301,物业管理费,${m(0)},,,`,
    `1-2-301,车位费,${m(1)},300,,B2-018`,
    `2-1-1202,物业管理费,${m(0)},,是,空置托管`,
    `2-1-1202,物业管理费,${m(2)},,是,空置托管`,
  ].join('\n');
}

async function feeSite(desk: TestDesk, zone = SHANGHAI) {
  await importSampleDirectory(desk);
  await desk.ok('fees:importCharges', { fileName: 'charges.csv', contentBase64: b64(chargesCsv(desk.clock.now(), zone)) });
}

/** The figures of a site as its desks' own APIs give them. */
async function deskFigures(desks: TestDesk[], zone: string) {
  const [d] = desks;
  const arrears = await d.ok('fees:arrears', {});
  const board = await d.ok('tickets:board', {});
  const today = deskDay(d.clock.now(), zone);
  let escalated = 0;
  let opened = 0;
  for (const t of await d.ok('tickets:search', { limit: 200 })) {
    if (t.kind !== 'complaint' || t.severity !== 'major') continue;
    if (deskDay(t.openedAt, zone) === today) opened++;
    const detail = await d.ok('tickets:get', { ticketId: t.id });
    if (detail.steps.some((s) => s.sort === 'escalate' && deskDay(s.at, zone) === today)) escalated++;
  }
  let rejections = 0;
  let waiting = 0;
  for (const x of desks) {
    rejections += (await x.ok('conflicts:rejections', {})).filter((r) => !r.handled).length;
    waiting += (await x.ok('sync:status', {})).waiting;
  }
  return {
    collection: arrears.collection,
    arrears: {
      one: arrears.buckets.one,
      two: arrears.buckets.two,
      threePlus: arrears.buckets.threePlus,
      units: arrears.rows.length,
      amountFen: arrears.rows.reduce((n, r) => n + r.amountFen, 0),
    },
    openTickets: board.openCount,
    overdueTickets: board.open.filter((t) => t.overdue).length,
    majorEscalatedToday: escalated,
    majorOpenedToday: opened,
    conflicts: (await d.ok('conflicts:list', {})).length,
    rejections,
    deskQueue: waiting,
    status: await d.ok('sync:status', {}),
  };
}

const checkOutEvent = (d: TestDesk, visitId: string) =>
  d.backend.database.raw
    .prepare("SELECT id, device_seq FROM events WHERE type = 'VisitorCheckedOut' AND json_extract(payload, '$.visitId') = ?")
    .get(visitId) as { id: string; device_seq: number } | undefined;
const seqOf = (d: TestDesk, type: string, field: string, value: string) =>
  (
    d.backend.database.raw
      .prepare(`SELECT device_seq FROM events WHERE type = ? AND json_extract(payload, '$.${field}') = ?`)
      .get(type, value) as { device_seq: number }
  ).device_seq;

const SHANGHAI = 'Asia/Shanghai';
/**
 * XB's zone: one whose calendar day is not Shanghai's for the whole test (its clock moves ~20 minutes), so a
 * figure counted on the wrong clock would show: Pago Pago (19 hours behind Shanghai) until Shanghai's 18:30,
 * Kiritimati (6 hours ahead) from 18:00 until 23:30. Across Shanghai's midnight no zone differs on both sides,
 * so a test starting in its last half hour starts just after it instead (the desks' and HQ's test clock; the
 * real clock then trails them, as the test already allows for HQ's own stamps).
 */
const WINDOW_MS = 30 * 60_000;
const differs = (ms: number, zone: string) => deskDay(new Date(ms), zone) !== deskDay(new Date(ms), SHANGHAI);
function testStart(now = Date.now()) {
  const here = deskTime(new Date(now), SHANGHAI);
  const lastHalfHour = here.hour() === 23 && here.minute() >= 30;
  const start = lastHalfHour ? here.add(1, 'day').startOf('day').add(1, 'minute').valueOf() : now;
  const zone = ['Pacific/Pago_Pago', 'Pacific/Kiritimati'].find((z) => differs(start, z) && differs(start + WINDOW_MS, z));
  if (!zone) throw new Error(`no zone differs from Shanghai's day from ${new Date(start).toISOString()} on`);
  return { start, zone };
}

describe('console portfolio: one row per site, equal to what its desks hold', () => {
  it('desks, fees, tickets, major complaints, conflicts, rejections and waiting per site; scoped users see their sites', async () => {
    const db = suite.hq.db;
    const { start, zone: FAR } = testStart();
    const clock = new TestClock(start);
    hqNow = clock.now;
    const fast = new TestClock(clock.ms + 7 * 60_000);
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const a2 = await suite.openDesk({ deviceCode: 'A2', clock });
    const b = await suite.openDesk({ setUp: false, clock: fast });
    await b.ok('setup:complete', { siteName: '西部园区', siteCode: 'XB', siteKind: 'mixed', deviceCode: 'B1', admin: ADMIN });
    await b.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
    // XB is on another day than Shanghai: its day and month are its own.
    await b.ok('settings:update', { siteTimeZone: FAR });
    await feeSite(a);
    await feeSite(b, FAR);
    const nurse = await addStaff(a, 'receptionist', 'R002', '135790', '李娜');
    const { siteId: hy } = await enrollDesks(suite.hq, [a, a2], suite.hq.url, 'HY', { backendClient: true });
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    await b.backend.services.sync.enroll(suite.hq.url, await issueEnrollCode(db, xb, 'B1'));
    const sync = async (...desks: TestDesk[]) => {
      for (const d of desks) await d.backend.services.sync.syncNow();
    };
    await sync(a, a2, b);

    // Fees: HY's 1-2-301 pays this month's property fee; XB collects nothing.
    const [zhang] = await a.ok('directory:search', { q: '张三' });
    await a.ok('fees:pay', await cashPayment(a, zhang.unitId, [deskTime(clock.now()).format('YYYY-MM')]));
    // Tickets: at HY a major complaint escalated the same day and an urgent repair (10 minutes to be on site);
    // at XB an important complaint.
    const major = (await a.ok('tickets:create', await complaintInput(a, { severity: 'major' }))).ticket;
    await a.ok('tickets:step', { ticketId: major.id, action: 'escalate', note: '已报管理处主任' });
    await a.ok('tickets:create', await repairInput(a));
    await b.ok('tickets:create', await complaintInput(b));
    const bMajor = (await b.ok('tickets:create', await complaintInput(b, { severity: 'major', confirmDuplicate: true }))).ticket;
    await b.ok('tickets:step', { ticketId: bMajor.id, action: 'escalate', note: '已报管理处主任' });
    // A conflict: both HY desks check the same visitor out while apart.
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await sync(a, a2);
    await a.ok('visits:checkOut', { visitId: visit.id });
    await a2.ok('visits:checkOut', { visitId: visit.id });
    await sync(a, a2, a);
    // Rejections: HQ disables 李娜 before A1 has pulled it; her check-in (and its pass's print job) is refused.
    await setStaffActive(db, 'HY', 'R002', false);
    // Her check-in is after the disable on the clock too (HQ stamped it on the real clock, behind the desks' by now).
    clock.advance(3);
    fast.advance(3);
    await a.ok('visits:checkIn', await checkInInput(a), nurse.session);
    await sync(a);
    const refused = await a.ok('conflicts:rejections', {});
    expect(refused.map((r) => r.reason)).toEqual(['actor_disabled', 'actor_disabled']);
    // The leader marks one handled at the desk: only the other still waits, at the desk and at HQ.
    await a.ok('conflicts:handleRejection', { eventId: refused[0].eventId, note: '总部已停用，核对后补登' });
    await sync(a);
    // Waiting at HQ: a check-out reaching HQ before its check-in (HQ lost A1's check-in: restored from a copy).
    const later = (await a.ok('visits:checkIn', await checkInInput(a))).visit;
    await sync(a, a2);
    const seq = seqOf(a, 'VisitorCheckedIn', 'visitId', later.id);
    const deviceA = (a.backend.database.raw.prepare('SELECT device_id FROM sync_state').get() as { device_id: string }).device_id;
    await sql`DELETE FROM events WHERE device_id = ${deviceA} AND device_seq >= ${seq}`.execute(db);
    await sql`DELETE FROM hq_visits WHERE id = ${later.id}`.execute(db);
    await sql`UPDATE devices SET last_seq = ${seq - 1} WHERE id = ${deviceA}`.execute(db);
    await a2.ok('visits:checkOut', { visitId: later.id });
    await sync(a2, b);
    expect(checkOutEvent(a2, later.id)).toBeDefined();
    // A quarter of an hour on: the repair is overdue (nobody on site within 10 minutes).
    clock.advance(15);
    fast.advance(15);
    for (const d of [a, a2, b]) await d.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });

    const rows = await portfolio(db, [xb, hy], clock.now());
    expect(rows.map((r) => r.code)).toEqual(['HY', 'XB']);
    const row = (id: string) => rows.find((r) => r.siteId === id)!;
    for (const [desks, siteId, zone] of [
      [[a, a2], hy, SHANGHAI],
      [[b], xb, FAR],
    ] as const) {
      const own = await deskFigures([...desks], zone);
      const r = row(siteId);
      expect(r.zone).toBe(zone);
      expect(r.today).toBe(deskDay(clock.now(), zone));
      expect(r.month).toBe(deskDay(clock.now(), zone).slice(0, 7));
      expect(r.collection).toEqual(own.collection);
      expect(r.arrears).toEqual(own.arrears);
      expect(r.openTickets).toBe(own.openTickets);
      expect(r.overdueTickets).toBe(own.overdueTickets);
      expect(r.majorEscalatedToday).toBe(own.majorEscalatedToday);
      expect(r.majorOpenedToday).toBe(own.majorOpenedToday);
      expect(r.conflicts).toBe(own.conflicts);
      // The desks' inbox lists refused events and those HQ holds for its decision alike.
      expect(r.rejections + r.held).toBe(own.rejections);
      expect(r.desks.deskQueue).toBe(own.deskQueue);
      expect(r.desks).toMatchObject({ active: desks.length, online: desks.length, silent: 0 });
      expect(r.desks.versions).toEqual([own.status.appVersion]);
      const waiting = await waitingForSite(db, siteId);
      expect(r.waitingAtHq.count).toBe(waiting.length);
      if (waiting.length) expect(waiting[0]).toContain(`since ${r.waitingAtHq.oldestAt}`);
    }
    // Not all zeros: each figure above was something at one site at least.
    const hyRow = row(hy);
    expect(row(xb).today).not.toBe(hyRow.today);
    expect(hyRow.collection.propertyUnits).toMatchObject({ paid: 1, due: 2 });
    expect(row(xb).collection.propertyUnits).toMatchObject({ paid: 0, due: 2 });
    expect(hyRow.arrears.units).toBe(2);
    expect(hyRow).toMatchObject({ majorEscalatedToday: 1, majorOpenedToday: 1, conflicts: 1, rejections: 1, held: 1 });
    expect(hyRow.openTickets).toBe(2);
    expect(hyRow.overdueTickets).toBeGreaterThanOrEqual(1);
    expect(hyRow.waitingAtHq.count).toBe(1);
    expect(row(xb).openTickets).toBe(2);
    expect(row(xb)).toMatchObject({ majorEscalatedToday: 1, majorOpenedToday: 1 });
    // XB's desk runs 7 minutes fast: HQ measured it at its push (desk minus HQ) as the desk measured HQ (HQ minus desk).
    const xbStatus = await b.ok('sync:status', {});
    expect(Math.abs(row(xb).desks.clockOffsetMs! + xbStatus.clock.offsetMs!)).toBeLessThan(1000);
    expect(row(xb).desks.clockFlagged).toBe(true);
    expect(hyRow.desks.clockFlagged).toBe(false);

    // HY's desks last heard of over a day ago: silent, as `hq devices` flags them (on HQ's real clock).
    const aDayAgo = sql`- interval '25 hours'`;
    await sql`UPDATE devices SET last_seen_at = last_seen_at ${aDayAgo}, enrolled_at = enrolled_at ${aDayAgo} WHERE site_id = ${hy}`.execute(
      db,
    );
    await sql`UPDATE device_health SET reported_at = reported_at ${aDayAgo} WHERE site_id = ${hy}`.execute(db);
    const flagged = (await cli('devices', 'HY')).filter((l) => l.includes('SILENT')).length;
    expect(flagged).toBe(2);
    expect((await portfolio(db, [hy], clock.now()))[0].desks).toMatchObject({ active: 2, online: 0, silent: flagged });
    await sql`UPDATE devices SET last_seen_at = last_seen_at + interval '25 hours' WHERE site_id = ${hy}`.execute(db);
    await sql`UPDATE device_health SET reported_at = reported_at + interval '25 hours' WHERE site_id = ${hy}`.execute(db);

    // Through the console: every role reads it; a user scoped to one site sees only its row.
    await createConsoleUser(db, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [xb] });
    await createConsoleUser(db, { login: 'kf', name: '客服王', password: 'Service-2026x', role: 'service', siteIds: null });
    const cw = consoleClient(suite.hq);
    expect((await cw('session.signIn', { login: 'cw', password: 'Finance-2026x' })).body.ok).toBe(true);
    const mine = (await cw('portfolio.list', {})).body.value as PortfolioRow[];
    expect(mine).toEqual([row(xb)]);
    const kf = consoleClient(suite.hq);
    await kf('session.signIn', { login: 'kf', password: 'Service-2026x' });
    const all = (await kf('portfolio.list', {})).body.value as PortfolioRow[];
    expect(all.map((r) => r.code)).toEqual(['HY', 'XB']);
    expect(all).toEqual(rows);
    expect((await kf('portfolio.list', { siteId: hy })).body.error?.code).toBe('invalid_input');
    expect((await consoleClient(suite.hq)('portfolio.list', {})).body.error?.code).toBe('unauthenticated');
  }, 120_000);
});
