import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { pdfText } from '../support/pdf.js';
import { complaintInput, repairInput } from '../support/tickets.js';
import { addStaff, failure, later } from './helpers.js';

describe('tickets: the complaint that comes back', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('phone complaint (important) → dispatched → resolved → not satisfied → reopened → satisfied → closed', async () => {
    const { ticket } = await desk.ok('tickets:create', await complaintInput(desk));
    expect(ticket).toMatchObject({
      ticketNo: 'HY-A1-T261122-0001',
      state: 'registered',
      kind: 'complaint',
      severity: 'important',
    });
    expect(ticket.customer).toMatchObject({ name: '张三', unitCode: '1-2-301', phoneMasked: '138****8000' });
    const d0 = await desk.ok('tickets:get', { ticketId: ticket.id });
    expect(d0.deadlines.map((d) => d.type)).toEqual(['respond', 'escalate', 'resolve']);
    expect(d0.actions).toContain('dispatch');

    const { printJobId } = await desk.ok('tickets:dispatch', { ticketId: ticket.id, department: '客服部', assignee: '刘主管' });
    expect((await desk.ok('print:html', { jobId: printJobId })).job).toMatchObject({ docType: 'work_order', copyNo: 0 });
    await later(desk, 30);
    let d = await desk.ok('tickets:step', { ticketId: ticket.id, action: 'resolve', note: '已退还多收费用' });
    expect(d.ticket.state).toBe('resolved');
    expect(d.deadlines.find((x) => x.type === 'callback')).toMatchObject({ metAt: null });

    // Closing before the callback is refused with a clear message, and writes nothing.
    const before = desk.count('events');
    const early = failure(await desk.call('tickets:step', { ticketId: ticket.id, action: 'close' }));
    expect(early).toMatchObject({
      code: 'conflict',
      message: 'err.ticket.illegal',
      details: { state: 'resolved', action: 'close' },
    });
    expect(desk.count('events')).toBe(before);

    d = await desk.ok('tickets:callback', { ticketId: ticket.id, outcome: 'not_satisfied', note: '未收到书面道歉' });
    expect(d.ticket).toMatchObject({ state: 'reopened', reopenCount: 1 });
    await desk.ok('tickets:dispatch', { ticketId: ticket.id, department: '客服部' });
    await desk.ok('tickets:step', { ticketId: ticket.id, action: 'resolve', note: '已送达书面道歉' });
    d = await desk.ok('tickets:callback', { ticketId: ticket.id, outcome: 'satisfied', note: '满意' });
    expect(d.ticket.state).toBe('callback_done');
    d = await desk.ok('tickets:step', { ticketId: ticket.id, action: 'close' });
    expect(d.ticket).toMatchObject({ state: 'closed', reopenCount: 1, nextDueAt: null });
    expect(d.steps.map((s) => s.sort)).toEqual([
      'dispatch',
      'resolve',
      'callback_not_satisfied',
      'dispatch',
      'resolve',
      'callback_satisfied',
      'close',
    ]);
    expect(d.deadlines.filter((x) => x.type === 'callback').every((x) => x.metAt)).toBe(true);
    // The second work order (after the reopen) prints as a reprint.
    const orders = desk.backend.database.raw
      .prepare("SELECT copy_no FROM print_jobs WHERE doc_type = 'work_order' AND doc_id = ? ORDER BY copy_no")
      .all(ticket.id);
    expect(orders).toEqual([{ copy_no: 0 }, { copy_no: 1 }]);
  });

  it('a repair prints its work order: number, urgency, unit, masked phone, agreed charge, signature block, QR', async () => {
    const { ticket } = await desk.ok('tickets:create', await repairInput(desk));
    const { printJobId } = await desk.ok('tickets:dispatch', { ticketId: ticket.id, department: '工程部', assignee: '王师傅' });
    const { html } = await desk.ok('print:html', { jobId: printJobId });
    expect(html).toContain('<svg');
    const { base64 } = await desk.ok('print:pdf', { jobId: printJobId });
    const text = pdfText(base64);
    for (const s of [
      '派工单',
      ticket.ticketNo,
      '急（10分钟到场）',
      '1-2-301',
      '138****8000',
      '¥80.00',
      '客户签字确认',
      '工程部',
      '王师傅',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('13800138000');
    // Reprinted: marked 补打.
    const again = newRequestId();
    await desk.ok('print:request', { jobId: again, docType: 'work_order', docId: ticket.id, layout: 'a4' });
    expect((await desk.ok('print:html', { jobId: again })).html).toContain('补打 · 第1次');
  });

  it('the department that must call gets the full number on the work order', async () => {
    const { ticket } = await desk.ok(
      'tickets:create',
      await repairInput(desk, { category: 'electric', problem: 'socket', paid: false, chargeFen: 0, chargeAgreed: false }),
    );
    const { printJobId } = await desk.ok('tickets:dispatch', { ticketId: ticket.id, department: '工程部', showPhone: true });
    const { html } = await desk.ok('print:html', { jobId: printJobId });
    expect(html).toContain('13800138000');
    expect(html).toContain('免费维修');
  });

  it('the one-time notification prints from the category template', async () => {
    const { ticket } = await desk.ok(
      'tickets:create',
      await repairInput(desk, { category: 'leak', problem: 'ceiling', confirmDuplicate: true }),
    );
    const jobId = newRequestId();
    await desk.ok('print:request', { jobId, docType: 'ticket_notice', docId: ticket.id, layout: 'roll80' });
    const { html } = await desk.ok('print:html', { jobId });
    expect(html).toContain('闭水试验后3天内回访');
    expect(html).toContain(ticket.ticketNo);
  });

  it('a leak is resolved only with its leak test date, and the callback is due 3 days after it', async () => {
    const { ticket } = await desk.ok(
      'tickets:create',
      await repairInput(desk, { category: 'leak', problem: 'wall', confirmDuplicate: true }),
    );
    const r = failure(await desk.call('tickets:step', { ticketId: ticket.id, action: 'resolve' }));
    expect(r.issues?.[0]).toEqual({ path: 'leakTestDate', message: 'err.ticket.leakTestRequired' });
    const d = await desk.ok('tickets:step', { ticketId: ticket.id, action: 'resolve', leakTestDate: '2026-11-23' });
    expect(d.deadlines.find((x) => x.type === 'callback')?.dueAt).toBe(new Date('2026-11-26T23:59:59.999+08:00').toISOString());
  });
});

describe('tickets: duplicates and the board', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('the same unit and category within 24 hours warns; confirmed, the second ticket is taken', async () => {
    const first = await desk.ok('tickets:create', await repairInput(desk));
    const before = desk.count('events');
    const warned = failure(await desk.call('tickets:create', await repairInput(desk)));
    expect(warned).toMatchObject({
      code: 'conflict',
      message: 'err.ticket.duplicate',
      details: { duplicate: { ticketNo: first.ticket.ticketNo } },
    });
    expect(desk.count('events')).toBe(before);
    const second = await desk.ok('tickets:create', await repairInput(desk, { confirmDuplicate: true }));
    expect(second.ticket.duplicateOf).toBe(first.ticket.id);
    await later(desk, 25 * 60);
    await desk.ok('tickets:create', await repairInput(desk)); // a day later: no warning
  });
});

describe('tickets: the board', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('the board puts an overdue ticket first, lists callbacks due today and stuck orders with reasons', async () => {
    const urgent = await desk.ok(
      'tickets:create',
      await repairInput(desk, {
        category: 'electric',
        problem: 'light',
        urgency: 'extra_urgent',
        paid: false,
        chargeFen: 0,
        chargeAgreed: false,
      }),
    );
    const minor = await desk.ok(
      'tickets:create',
      await complaintInput(desk, { severity: 'minor', category: 'service', problem: 'attitude' }),
    );
    // A complaint's outcome is reported the same day: its callback is due today.
    const done = await desk.ok(
      'tickets:create',
      await complaintInput(desk, { severity: 'minor', place: 'common', category: 'cleaning', problem: 'dirty' }),
    );
    await desk.ok('tickets:step', { ticketId: done.ticket.id, action: 'resolve' });
    const parked = await desk.ok(
      'tickets:create',
      await complaintInput(desk, { category: 'noise', problem: 'renovation', place: 'common' }),
    );
    await desk.ok('tickets:defer', { ticketId: parked.ticket.id, until: '2026-12-01', reason: '等业委会答复' });
    await later(desk, 6); // the extra-urgent repair had 5 minutes to be on site
    const board = await desk.ok('tickets:board', {});
    expect(board.open[0]).toMatchObject({ id: urgent.ticket.id, overdue: true });
    expect(board.open.slice(1).every((t) => !t.overdue)).toBe(true);
    expect(board.open.map((t) => t.id)).toContain(minor.ticket.id);
    expect(board.callbacksToday.map((t) => t.id)).toEqual([done.ticket.id]);
    // The handover hands on what is overdue or due today; an anonymous complaint shows no unit.
    const sheet = await desk.ok('shift:preview', {});
    const due = sheet.sections.find((x) => x.key === 'ticketsDue')!.lines;
    expect(due[0]).toMatchObject({ text: expect.stringContaining(urgent.ticket.ticketNo), tag: '1-2-301', high: true });
    expect(due.map((l) => l.text).join()).toContain(done.ticket.ticketNo);
    expect(board.stuck).toEqual([
      expect.objectContaining({
        reason: 'deferred',
        ticket: expect.objectContaining({ id: parked.ticket.id, deferReason: '等业委会答复' }),
      }),
    ]);
  });
});

describe('tickets: anonymity', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('only a manager, asking, sees who made an anonymous complaint; the work order and the Excel file never show it', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    const manager = await addStaff(desk, 'manager', 'M001', '975310', '陈经理');
    const { ticket } = await desk.ok(
      'tickets:create',
      await complaintInput(desk, { anonymous: true, channel: 'walk_in' }),
      rec.session,
    );
    expect(ticket).toMatchObject({
      anonymous: true,
      identityHidden: true,
      customer: { name: '', unitCode: '', phoneMasked: '' },
    });
    for (const who of [rec.session, leader.session]) {
      const seen = JSON.stringify(await desk.ok('tickets:get', { ticketId: ticket.id }, who));
      expect(seen).not.toContain('张三');
      expect(seen).not.toContain('1-2-301');
      expect(JSON.stringify(await desk.ok('tickets:board', {}, who))).not.toContain('张三');
      expect(JSON.stringify(await desk.ok('tickets:search', { q: '' }, who))).not.toContain('张三');
    }
    // A manager too opens the identity only by asking for it, with a reason (audited: personalDataReads.test.ts).
    const m = await desk.ok('tickets:get', { ticketId: ticket.id }, manager.session);
    expect(m.ticket).toMatchObject({ identityHidden: true, customer: { name: '' } });
    const who = await desk.ok('tickets:identity', { ticketId: ticket.id, reason: '回访核实' }, manager.session);
    expect(who).toMatchObject({ name: '张三', unitCode: '1-2-301' });

    const { printJobId } = await desk.ok(
      'tickets:dispatch',
      { ticketId: ticket.id, department: '收费处', showPhone: true },
      manager.session,
    );
    const text = pdfText((await desk.ok('print:pdf', { jobId: printJobId }, manager.session)).base64);
    expect(text).toContain(ticket.ticketNo);
    expect(text).toContain('匿名投诉');
    for (const secret of ['张三', '1-2-301', '13800138000', '8000']) expect(text).not.toContain(secret);

    // A second complaint by the same person, not anonymous, so the file has something to leak next to.
    await desk.ok('tickets:create', await complaintInput(desk, { category: 'service', problem: 'delay' }), rec.session);
    const { base64, fileName } = await desk.ok('tickets:export', { month: '2026-11' }, manager.session);
    expect(fileName).toBe('tickets-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const rows = wb
      .getWorksheet('明细')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => JSON.stringify(r));
    const anonRow = rows.find((r) => r.includes(ticket.ticketNo))!;
    expect(anonRow).toContain('匿名');
    expect(anonRow).not.toContain('张三');
    expect(anonRow).not.toContain('1-2-301');
    expect(anonRow).not.toContain('8000');
    const everything = wb.worksheets.map((ws) => JSON.stringify(ws.getSheetValues())).join('');
    expect(everything.match(/张三/g)?.length).toBe(1); // the named complaint only
  });
});

describe('tickets: monthly statistics', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  it('counts by kind, category and channel; on-time rate per deadline; callback rate; satisfaction; recurring problems', async () => {
    const a = await desk.ok('tickets:create', await repairInput(desk, { urgency: 'extra_urgent' }));
    await desk.ok('tickets:step', { ticketId: a.ticket.id, action: 'resolve' }); // on site in time
    await desk.ok('tickets:callback', { ticketId: a.ticket.id, outcome: 'satisfied' });
    const b = await desk.ok('tickets:create', await repairInput(desk, { urgency: 'urgent', confirmDuplicate: true }));
    await later(desk, 20);
    await desk.ok('tickets:dispatch', { ticketId: b.ticket.id, department: '工程部' });
    await desk.ok('tickets:step', { ticketId: b.ticket.id, action: 'start' }); // 20 minutes: late
    await desk.ok('tickets:step', { ticketId: b.ticket.id, action: 'resolve' });
    await desk.ok('tickets:create', await complaintInput(desk, { channel: 'walk_in' }));
    const s = await desk.ok('tickets:stats', { month: '2026-11' });
    expect(s.total).toBe(3);
    expect(s.byKind).toEqual([
      { key: 'repair', count: 2 },
      { key: 'complaint', count: 1 },
    ]);
    expect(s.byChannel.find((c) => c.key === 'walk_in')?.count).toBe(3);
    expect(s.onTime.find((o) => o.type === 'onsite')).toEqual({ type: 'onsite', due: 2, onTime: 1, rate: 50 });
    expect(s.callback).toEqual({ resolved: 2, calledBack: 1, rate: 50 });
    expect(s.satisfaction).toEqual({ satisfied: 1, notSatisfied: 0, rate: 100 });
    expect(s.recurring).toEqual([{ unitCode: '1-2-301', category: 'plumbing', label: '户内 / 给排水 / 下水堵塞', count: 2 }]);
    expect(s.paidChargeFen).toBe(16000);
    expect(failure(await desk.call('tickets:stats', { month: '2026-13' })).issues?.[0].path).toBe('month');
  });
});
