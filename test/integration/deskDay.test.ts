import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { complaintInput } from '../support/tickets.js';
import { checkInInput } from '../support/desk.js';
import { expectFieldError } from './helpers.js';

// 00:30 on 23 Nov at the site (Shanghai) is 08:30 on 22 Nov on this machine's clock (Los Angeles).
const SITE_MIDNIGHT_PAST = Date.parse('2026-11-23T00:30:00+08:00');

describe('one desk day on a PC set to another time zone', () => {
  let desk: TestDesk;
  let unitId: string;
  beforeAll(async () => {
    // helpers.ts pins tests to Beijing; this desk's PC runs on Los Angeles time instead.
    process.env.TZ = 'America/Los_Angeles';
    const clock = new TestClock(Date.parse('2026-11-22T09:30:00+08:00'));
    desk = await openTestDesk({ clock });
    ({ unitId } = await feeDesk(desk));
    clock.ms = SITE_MIDNIGHT_PAST;
    await desk.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
  });
  afterAll(async () => {
    await desk.close();
    process.env.TZ = 'Asia/Shanghai';
  });

  it('the machine really is on another day', () => {
    expect(new Date(SITE_MIDNIGHT_PAST).getDate()).toBe(22);
  });

  it('a visit made after the site’s midnight has the site’s day in its pass number and in the day’s search', async () => {
    const { visit } = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect(visit.passNo).toMatch(/^HY-A1-V261123-\d{4}$/);
    const found = await desk.ok('visits:search', { text: '', from: '2026-11-23', to: '2026-11-23' });
    expect(found.map((v) => v.id)).toContain(visit.id);
    const dayBefore = await desk.ok('visits:search', { text: '', from: '2026-11-22', to: '2026-11-22' });
    expect(dayBefore.map((v) => v.id)).not.toContain(visit.id);
  });

  it('a receipt taken after the site’s midnight is on the site’s day report, not the machine’s', async () => {
    const { receipt } = await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']));
    const today = await desk.ok('fees:daily', { date: '2026-11-23' });
    expect(today.receipts.map((r) => r.receiptNo)).toContain(receipt.receiptNo);
    const yesterday = await desk.ok('fees:daily', { date: '2026-11-22' });
    expect(yesterday.receipts.map((r) => r.receiptNo)).not.toContain(receipt.receiptNo);
  });

  it('a ticket opened after the site’s midnight has the site’s day and its deadline ends at the site’s midnight', async () => {
    const { ticket } = await desk.ok('tickets:create', await complaintInput(desk));
    expect(ticket.ticketNo).toContain('261123');
    const { deadlines } = await desk.ok('tickets:get', { ticketId: ticket.id });
    const resolve = deadlines.find((d) => d.type === 'resolve');
    // Important complaint: resolved within 3 days, to the end of the site's 26 November.
    expect(resolve?.dueAt).toBe(new Date(Date.parse('2026-11-27T00:00:00+08:00') - 1).toISOString());
    // The month's export lists it in November at the site's time of opening, not in UTC or the PC's.
    const { base64 } = await desk.ok('tickets:export', { month: '2026-11' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const row = wb
      .getWorksheet('明细')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => JSON.stringify(r))
      .find((r) => r.includes(ticket.ticketNo));
    expect(row).toContain('2026-11-23 00:30');
  });

  it('a manager moves the site to another zone: the next visit takes that zone’s day; a bad zone writes nothing', async () => {
    const before = desk.count('events');
    expectFieldError(await desk.call('settings:update', { siteTimeZone: 'CST' }), 'siteTimeZone', 'err.timeZone');
    expectFieldError(await desk.call('settings:update', { siteTimeZone: 'Mars/Olympus' }), 'siteTimeZone', 'err.timeZone');
    expect(desk.count('events')).toBe(before);
    const s = await desk.ok('settings:update', { siteTimeZone: 'America/Los_Angeles' });
    expect(s.siteTimeZone).toBe('America/Los_Angeles');
    expect((await desk.ok('auth:session'))?.siteTimeZone).toBe('America/Los_Angeles');
    const { visit } = await desk.ok('visits:checkIn', await checkInInput(desk));
    expect(visit.passNo).toMatch(/^HY-A1-V261122-\d{4}$/);
    await desk.ok('settings:update', { siteTimeZone: 'Asia/Shanghai' });
  });
});
