import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { ADMIN, checkInInput, type TestDesk } from '../support/desk.js';
import { cashPayment } from '../support/fees.js';
import { repairInput } from '../support/tickets.js';
import { busyDay } from './busyDay.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { reportSites } from '../../hq/src/console/store/reportSites.js';
import { feesReport } from '../../hq/src/console/store/reportFees.js';
import { mailReport, ticketsReport, visitorsReport } from '../../hq/src/console/store/reportActivity.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { consoleClient } from '../support/consoleClient.js';
import { deskDay } from '../../shared/domain/deskTime.js';
import { PAY_METHODS } from '../../shared/domain/fees.js';

/**
 * The console's monthly reports equal what the desks themselves hold: two sites, each desk a busy day
 * (payments, a void with a leader's approval, a refund, tickets through their callbacks, visits, mail
 * received, damaged, picked up and returned), synced; HQ's figures per site are compared with each
 * desk's own daily fee reports, arrears list, ticket statistics and registers.
 */
const suite = hqSuite();
const MONTH = '2026-11';

async function deskOfSite(siteCode: string, deviceCode: string): Promise<TestDesk> {
  const desk = await suite.openDesk({ setUp: false });
  await desk.ok('setup:complete', { siteName: '西部园区', siteCode, siteKind: 'mixed', deviceCode, admin: ADMIN });
  await desk.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
  return desk;
}

/** The desk's own daily fee reports over the month, added up: what it collected per method and per item, and its voids. */
async function deskMonthOfFees(desk: TestDesk) {
  const methods = Object.fromEntries(PAY_METHODS.map((m) => [m, 0]));
  const items = new Map<string, number>();
  const voided: string[] = [];
  let issued = 0;
  for (let d = 1; d <= 30; d++) {
    const day = await desk.ok('fees:daily', { date: `${MONTH}-${String(d).padStart(2, '0')}` });
    for (const m of PAY_METHODS) methods[m] += day.methods[m];
    for (const i of day.items) items.set(i.item, (items.get(i.item) ?? 0) + i.amountFen);
    voided.push(...day.receipts.filter((r) => r.voided).map((r) => r.receiptNo));
    issued += day.issued;
  }
  return {
    methods,
    items: [...items].map(([item, amountFen]) => ({ item, amountFen })).sort((a, b) => (a.item < b.item ? -1 : 1)),
    voided,
    issued,
  };
}

const deskRows = <T>(desk: TestDesk, q: string) => desk.backend.database.raw.prepare(q).all() as T[];

const sortedCounts = (c: { key: string; count: number }[]) =>
  c.map(({ key, count }) => ({ key, count })).sort((a, b) => (a.key < b.key ? -1 : 1));

describe('console reports: the month at HQ equals the month at the desks', () => {
  it('fees, tickets, visitors and mail per site and over both sites, each role and scope seeing its own', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await deskOfSite('XB', 'B1');
    const {
      siteId: hy,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    const cb = syncClientFor(b);
    await cb.enroll(suite.hq.url, await issueEnrollCode(db, xb, 'B1'));
    await busyDay(a);
    await busyDay(b);
    // At A also: November's property fee paid by WeChat, a second plumbing repair for 1-2-301 (a recurring
    // problem), and a visitor just after midnight on 1 December at the site (still November in UTC).
    const [zhang] = await a.ok('directory:search', { q: '张三' });
    const p = await cashPayment(a, zhang.unitId, ['2026-11']);
    await a.ok('fees:pay', { ...p, methods: [{ method: 'wechat', amount: p.methods[0].amount, reference: '4200001234' }] });
    await a.ok('tickets:create', await repairInput(a, { confirmDuplicate: true }));
    const nowA = a.clock.now();
    const nowB = b.clock.now();
    const ownTickets = [await a.ok('tickets:stats', { month: MONTH }), await b.ok('tickets:stats', { month: MONTH })];
    const ownArrears = new Map([
      [a, await a.ok('fees:arrears', {})],
      [b, await b.ok('fees:arrears', {})],
    ]);
    a.clock.ms = Date.parse('2026-12-01T00:30:00+08:00');
    await a.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    await cb.syncNow();

    const sites = await reportSites(db, [xb, hy], MONTH);
    expect(sites.map((s) => [s.code, s.zone])).toEqual([
      ['HY', 'Asia/Shanghai'],
      ['XB', 'Asia/Shanghai'],
    ]);
    const fees = await feesReport(db, sites, MONTH);
    for (const [desk, siteId] of [
      [a, hy],
      [b, xb],
    ] as const) {
      const at = fees.sites.find((s) => s.siteId === siteId)!;
      const own = await deskMonthOfFees(desk);
      expect(at.byMethod).toEqual(own.methods);
      expect(at.byItem).toEqual(own.items);
      expect(at.receipts).toBe(own.issued);
      expect(at.voids.map((v) => v.receiptNo)).toEqual(own.voided);
      expect(own.voided.length).toBeGreaterThan(0);
      expect(at.collectedFen).toBe(Object.values(own.methods).reduce((n, x) => n + x, 0));
      expect(at.voids[0]).toMatchObject({ approvedBy: '刘班长', voidedBy: '小李' });
      expect(at.voids[0].reason).not.toBe('');
      const arrears = ownArrears.get(desk)!;
      expect(arrears.period).toBe(MONTH);
      expect(at.collection).toEqual(arrears.collection);
      expect({ one: at.arrears.one, two: at.arrears.two, threePlus: at.arrears.threePlus }).toEqual(arrears.buckets);
      expect(at.arrears.units).toBe(arrears.rows.length);
      expect(at.arrears.amountFen).toBe(arrears.rows.reduce((n, r) => n + r.amountFen, 0));
    }
    // Over both sites: the sums, and the rates over both sites' units together.
    expect(fees.total.collectedFen).toBe(fees.sites.reduce((n, s) => n + s.collectedFen, 0));
    expect(fees.total.collection.propertyUnits.due).toBe(fees.sites.reduce((n, s) => n + s.collection.propertyUnits.due, 0));
    expect(fees.total.collectedFen).toBeGreaterThan(0);

    for (const [own, siteId, now] of [
      [ownTickets[0], hy, nowA],
      [ownTickets[1], xb, nowB],
    ] as const) {
      const at = (await ticketsReport(db, sites, now)).sites.find((s) => s.siteId === siteId)!;
      expect(at.total).toBe(own.total);
      expect(sortedCounts(at.byKind)).toEqual(sortedCounts(own.byKind));
      expect(sortedCounts(at.byCategory)).toEqual(sortedCounts(own.byCategory));
      expect(sortedCounts(at.byChannel)).toEqual(sortedCounts(own.byChannel));
      expect(at.onTime).toEqual(own.onTime);
      expect(at.callback).toEqual(own.callback);
      expect(at.satisfaction).toEqual(own.satisfaction);
      expect(at.recurring).toEqual(own.recurring);
    }
    expect(ownTickets[0].recurring).toHaveLength(1);
    // Categories carry their names (the classifier's), never only the code.
    const plumbing = (await ticketsReport(db, sites, nowA)).sites[0].byCategory.find((c) => c.key === 'plumbing');
    expect(plumbing).toMatchObject({ count: 2, zh: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const tickets = await ticketsReport(db, sites, nowA);
    expect(tickets.total.total).toBe(tickets.sites[0].total + tickets.sites[1].total);
    expect(tickets.total.satisfaction.satisfied).toBeGreaterThan(0);

    const visitors = await visitorsReport(db, sites);
    const mail = await mailReport(db, sites);
    for (const [desk, siteId] of [
      [a, hy],
      [b, xb],
    ] as const) {
      const days = new Map<string, number>();
      for (const v of deskRows<{ checked_in_at: string }>(desk, 'SELECT checked_in_at FROM visits'))
        if (deskDay(v.checked_in_at).startsWith(MONTH))
          days.set(deskDay(v.checked_in_at), (days.get(deskDay(v.checked_in_at)) ?? 0) + 1);
      const at = visitors.sites.find((s) => s.siteId === siteId)!;
      expect(at.days).toEqual([...days].sort().map(([day, count]) => ({ day, count })));
      // Counts only: no name, unit or pass number reaches the report.
      expect(JSON.stringify(at)).not.toMatch(/赵六|钱七|孙八|1-2-301/);

      const items = deskRows<{ status: string; received_at: string }>(desk, 'SELECT status, received_at FROM mail_items');
      const damaged = deskRows<{ n: number }>(desk, 'SELECT count(DISTINCT item_id) AS n FROM mail_damage')[0].n;
      expect(mail.sites.find((s) => s.siteId === siteId)).toEqual({
        siteId,
        received: items.length,
        pickedUp: items.filter((i) => i.status === 'picked_up').length,
        returned: items.filter((i) => i.status === 'returned').length,
        damaged,
      });
    }
    expect(visitors.total).toBe(visitors.sites[0].total + visitors.sites[1].total);
    expect(visitors.total).toBeGreaterThan(0);
    expect(visitors.sites[0].days.map((d) => d.day)).not.toContain('2026-12-01');
    expect((await visitorsReport(db, await reportSites(db, [hy], '2026-12'))).sites[0].days).toEqual([
      { day: '2026-12-01', count: 1 },
    ]);
    expect(mail.total.returned).toBe(2);

    // One site only: only its figures.
    const onlyXb = await feesReport(db, await reportSites(db, [xb], MONTH), MONTH);
    expect(onlyXb.sites.map((s) => s.siteId)).toEqual([xb]);
    const { siteId: _s, voids: _v, ...xbFigures } = fees.sites.find((s) => s.siteId === xb)!;
    expect(onlyXb.total).toEqual(xbFigures);

    // Through the console: finance scoped to HY reads HY's fees only, never XB's; tickets are not finance's.
    await createConsoleUser(db, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [hy] });
    await createConsoleUser(db, { login: 'kf', name: '客服王', password: 'Service-2026x', role: 'service', siteIds: null });
    const cw = consoleClient(suite.hq);
    expect((await cw('session.signIn', { login: 'cw', password: 'Finance-2026x' })).body.ok).toBe(true);
    const mine = (await cw('reports.fees', { month: MONTH })).body.value as { sites: { code: string }[]; total: unknown };
    expect(mine.sites.map((s) => s.code)).toEqual(['HY']);
    const { siteId: _h, voids: _w, ...hyFigures } = fees.sites.find((s) => s.siteId === hy)!;
    expect(mine.total).toEqual(hyFigures);
    expect((await cw('reports.fees', { month: MONTH, siteId: xb })).body.error?.code).toBe('forbidden');
    expect((await cw('reports.tickets', { month: MONTH })).body.error?.code).toBe('forbidden');
    expect(((await cw('reports.visitors', { month: MONTH })).body.value as { sites: unknown[] }).sites).toHaveLength(1);
    const bad = await cw('reports.mail', { month: '2026-13' });
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', issues: [{ path: 'month', message: 'reports.err.month' }] });
    const kf = consoleClient(suite.hq);
    await kf('session.signIn', { login: 'kf', password: 'Service-2026x' });
    expect((await kf('reports.fees', { month: MONTH })).body.error?.code).toBe('forbidden');
    const both = (await kf('reports.tickets', { month: MONTH })).body.value as { perSite: unknown[]; total: { total: number } };
    expect(both.perSite).toHaveLength(2);
    expect(both.total.total).toBe(ownTickets[0].total + ownTickets[1].total);
  }, 120_000);
});
