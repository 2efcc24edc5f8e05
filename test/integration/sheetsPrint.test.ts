import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandoverSheet } from '../../shared/api/shiftSchemas.js';
import { ADMIN, checkInInput, newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { pastLeftMargin, pastRightMargin, pdfFacts } from '../support/pdfCheck.js';
import { addStaff } from './helpers.js';

const png = (name: string) => (process.env.PDF_PNG_DIR ? `${process.env.PDF_PNG_DIR}/${name}` : undefined);

/**
 * The A4 sheets a shift leaves in the binder, rendered to real PDF: the evacuation roll call, the
 * handover sheet and the daily fee report, each on one page with nothing past the margins.
 */
describe('the roll call, the handover sheet and the daily fee report on paper', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  let sheet: HandoverSheet;
  beforeAll(async () => {
    desk = await openTestDesk();
    const { unitId } = await feeDesk(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    // 赵六 is on the deny list and comes in on the leader's word; 钱七 is an ordinary visitor.
    await desk.ok('deny:add', { idNumber: '11010519491231002X', reason: '多次滋扰住户' }, leader.session);
    const approval = { staffNo: leader.staffNo, pin: leader.pin, reason: '业主当面担保' };
    await desk.ok('visits:checkIn', { ...(await checkInInput(desk)), denyOverride: approval }, rec.session);
    await desk.ok(
      'visits:checkIn',
      {
        ...(await checkInInput(desk)),
        visitor: { name: '钱七', phone: '13912345678', idType: 'passport', idNumber: 'E12345678' },
      },
      rec.session,
    );
    // Eleven open items: the list numbers run past 9.
    for (let i = 1; i <= 11; i++)
      await desk.ok(
        'log:add',
        { entryId: newRequestId(), category: 'pending', tag: '1-2-301', text: `待办第${i}项` },
        rec.session,
      );
    await desk.ok('drawer:float', { amount: '500' }, rec.session);
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08', '2026-09'], {}, rec.session), rec.session);
    await desk.ok('drawer:move', { direction: 'in', amount: '20', reason: '换零钱' }, rec.session);
    await desk.ok('drawer:move', { direction: 'out', amount: '120', reason: '交财务' }, rec.session);
    // Expected cash 500 + 447.50 + 20 − 120 = 847.50. A short count approved by PIN, then a recount.
    await desk.ok(
      'drawer:count',
      { denominations: { '10000': 7 }, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '已交财务' } },
      rec.session,
    );
    await desk.ok('drawer:count', { denominations: { '10000': 8, '5000': 1 } }, rec.session);
    await desk.ok('shift:leave', {}, leader.session);
    await desk.ok('shift:leave', {}, rec.session);
    desk.clock.advance(60);
    await desk.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    sheet = await desk.ok('shift:close', { note: '备用钥匙在二号抽屉', pin: ADMIN.pin });
  });
  afterAll(() => desk.close());

  const pdfOf = async (docType: 'onsite_roll' | 'handover_sheet' | 'daily_report', docId: string) => {
    const job = await desk.ok('print:request', { jobId: newRequestId(), docType, docId, layout: 'a4' });
    return pdfFacts((await desk.ok('print:pdf', { jobId: job.id })).base64, png(docType));
  };

  it('the roll call shows each visitor with the phone masked and the 到 column on the paper', async () => {
    const f = await pdfOf('onsite_roll', '20261122113000');
    expect(f.text).toContain('赵六');
    expect(f.text).toContain('137****7000');
    expect(f.text).toContain('139****5678');
    expect(f.text).not.toContain('13912345678');
    expect(f.words.some((w) => w.text === '到')).toBe(true);
    expect(f.pages).toBe(1);
    expect(pastRightMargin(f, 12)).toEqual([]);
  });

  it('the handover sheet lists the members, the deny override, every count with cash in and out, on one page', async () => {
    const byKey = Object.fromEntries(sheet.sections.map((s) => [s.key, s.lines.map((l) => l.text)]));
    expect(byKey.shiftMembers).toHaveLength(3);
    expect(byKey.denyOverrides).toEqual(['赵六 → 1-2-301 张三：业主当面担保']);
    const f = await pdfOf('handover_sheet', sheet.shiftId);
    for (const name of [ADMIN.name, '小李', '刘班长']) expect(f.text).toContain(name);
    expect(f.text).toContain('拒访名单放行');
    expect(f.text).toContain('业主当面担保');
    expect(f.text).toContain('实点现金 ¥700.00，差额 −¥147.50（刘班长 批准：已交财务）');
    expect(f.text).toContain('实点现金 ¥850.00，差额 +¥2.50');
    expect(f.text).toContain('存入 +¥20.00：换零钱');
    expect(f.text).toContain('取出 −¥120.00：交财务');
    expect(f.text).toContain('待办第11项');
    expect(f.words.map((w) => w.text)).toEqual(expect.arrayContaining(['10.', '11.']));
    // Empty sections say "none" on one line; the signatures stay on the page.
    expect(f.text).toContain('超时及今日到期工单');
    expect(f.text).toContain('备用钥匙在二号抽屉');
    expect(f.text).toContain(`${ADMIN.name} · PIN 签名`);
    expect(f.pages).toBe(1);
    expect(pastLeftMargin(f, 12)).toEqual([]);
    expect(pastRightMargin(f, 12)).toEqual([]);
  });

  it('the daily fee report carries the day’s drawer counts and the 收款人 / 复核 signature lines', async () => {
    const f = await pdfOf('daily_report', '2026-11-22');
    expect(f.text).toContain('钱箱清点');
    expect(f.text).toContain('¥700.00');
    expect(f.text).toContain('−¥147.50');
    expect(f.text).toContain('刘班长：已交财务');
    expect(f.text).toContain('¥850.00');
    expect(f.text).toContain('收款人（签字）');
    expect(f.text).toContain('复核（签字）');
    expect(f.pages).toBe(1);
    expect(pastRightMargin(f, 12)).toEqual([]);
  });
});
