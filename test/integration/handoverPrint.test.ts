import { pdfText } from '../support/pdf.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverSheet } from '../../shared/api/shiftSchemas.js';
import { ADMIN, checkInInput, importSampleDirectory, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { addStaff, counts, expectFieldError } from './helpers.js';

describe('the handover sheet (交接班记录)', () => {
  let desk: TestDesk;
  let sheet: HandoverSheet;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    await desk.ok('visits:checkIn', await checkInInput(desk));
    await desk.ok('log:add', { entryId: newRequestId(), category: 'pending', tag: '1-2-301', text: '301 门禁卡待补办' });
    await desk.ok('log:add', {
      entryId: newRequestId(),
      category: 'incident',
      priority: 'high',
      text: '下午两点地库漏水，已报工程部',
    });
    await desk.ok('log:add', { entryId: newRequestId(), category: 'notice', text: '普通通知不上交班表' });
    await desk.ok('shift:leave', {}, rec.session);
    desk.clock.advance(60);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    await desk.ok('auth:signIn', { staffNo: rec.staffNo, pin: rec.pin }, rec.session);
    sheet = await desk.ok('shift:close', { note: '备用钥匙在二号抽屉', pin: ADMIN.pin });
    await desk.ok('shift:handover', {}, rec.session);
    await desk.ok('shift:open', { patternCode: 'B', handoverShiftId: sheet.shiftId, pin: rec.pin }, rec.session);
  });
  afterAll(() => desk.close());

  it("is assembled from the features' sections and frozen at closing", async () => {
    const byKey = Object.fromEntries(sheet.sections.map((s) => [s.key, s.lines.map((l) => l.text)]));
    expect(byKey).toEqual({
      shiftMembers: [ADMIN.name, '小李（09:30–09:30）'],
      pending: ['301 门禁卡待补办'],
      highPriority: ['下午两点地库漏水，已报工程部'],
      visitorsOnSite: ['赵六 → 1-2-301 张三'],
      visitsNotReturned: [],
      denyOverrides: [],
      // No money taken on this shift: the drawer section is empty.
      drawer: [],
      ticketsDue: [],
      mailAwaitingPickup: [],
      mailDamageUnconfirmed: [],
      newspaperShortfalls: [],
      conflictsOpen: [],
    });
    expect(sheet).toMatchObject({ note: '备用钥匙在二号抽屉', outgoing: { name: ADMIN.name, at: '2026-11-22T02:30:00.000Z' } });
    // The visitor leaves after the handover: the sheet still says what was handed over.
    const [visit] = await desk.ok('visits:onSite', {}, rec.session);
    await desk.ok('visits:checkOut', { visitId: visit.id }, rec.session);
    const again = (await desk.ok('shift:handover', { shiftId: sheet.shiftId }, rec.session))!;
    expect(again.sections).toEqual(sheet.sections);
  });

  for (const layout of ['a4', 'roll80'] as const) {
    it(`prints on ${layout} and exports to PDF with both signatures and their times`, async () => {
      const jobId = newRequestId();
      await desk.ok('print:request', { jobId, docType: 'handover_sheet', docId: sheet.shiftId, layout }, rec.session);
      const { html } = await desk.ok('print:html', { jobId }, rec.session);
      expect(html).toContain('交接班记录');
      expect(html).toContain('301 门禁卡待补办');
      expect(html).toContain('class="high"');
      expect(html).toContain(`${ADMIN.name} · PIN 签名 · 2026-11-22 10:30`);
      expect(html).toContain('小李 · PIN 签名 · 2026-11-22 10:30');
      const pdf = await desk.ok('print:pdf', { jobId }, rec.session);
      expect(pdf.fileName).toBe(`handover_sheet-${sheet.shiftId}${layout === 'roll80' ? '-1' : ''}.pdf`);
      const text = pdfText(pdf.base64).replace(/\s+/g, ' ');
      expect(text).toContain('未结待办事项');
      expect(text).toContain('下午两点地库漏水');
      expect(text).toContain('小李');
    });
  }

  it('a shift still open has no sheet to print yet', async () => {
    const open = (await desk.ok('shift:state', {}, rec.session)).current!;
    const before = counts(desk);
    expectFieldError(
      await desk.call(
        'print:request',
        { jobId: newRequestId(), docType: 'handover_sheet', docId: open.id, layout: 'a4' },
        rec.session,
      ),
      'docId',
      'err.notFound',
    );
    expect(counts(desk)).toEqual(before);
  });
});
