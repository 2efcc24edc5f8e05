import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestId, openTestDesk, type TestDesk } from '../support/desk.js';
import { pdfText } from '../support/pdf.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { addStaff, failure } from './helpers.js';

describe('fees: looking up a unit and taking a payment', () => {
  let desk: TestDesk;
  let unitId: string;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  beforeAll(async () => {
    desk = await openTestDesk();
    ({ unitId } = await feeDesk(desk));
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterAll(() => desk.close());

  it('the account shows occupant, months due with amounts, arrears, and the oldest unpaid month', async () => {
    const a = await desk.ok('fees:account', { unitId }, rec.session);
    expect(a.unitCode).toBe('1-2-301');
    expect(a.occupants.map((o) => o.name).sort()).toEqual(['张三', '李四'].sort());
    expect(a.occupants.find((o) => o.name === '张三')?.phoneMasked).toBe('138****8000');
    expect(a.monthsDue).toEqual([
      { period: '2026-08', amountFen: 22_375 },
      { period: '2026-09', amountFen: 22_375 },
      { period: '2026-10', amountFen: 52_375 },
      { period: '2026-11', amountFen: 22_375 },
    ]);
    expect(a.oldestUnpaid).toBe('2026-08');
    // The desk clock is November: Aug–Oct are arrears, November is due this month.
    expect(a.arrearsFen).toBe(97_125);
    expect(a.dueFen).toBe(119_500);
    expect(a.balanceFen).toBe(119_500);
    expect(a.monthsPaid).toEqual([]);
  });

  it('pays two months in cash with change; the receipt number comes from this desk and year; the receipt prints', async () => {
    const input = await cashPayment(desk, unitId, ['2026-08', '2026-09'], { tendered: '500' });
    const { receipt, printJobId } = await desk.ok('fees:pay', input, rec.session);
    expect(receipt).toMatchObject({
      receiptNo: 'HY-A1-2026-000001',
      totalFen: 44_750,
      tenderedFen: 50_000,
      changeFen: 5_250,
      cashier: '小李',
    });
    expect(receipt.lines.map((l) => l.period)).toEqual(['2026-08', '2026-09']);
    const { html, job } = await desk.ok('print:html', { jobId: printJobId }, rec.session);
    expect(job).toMatchObject({ docType: 'receipt', docId: receipt.id, layout: 'roll80', copyNo: 0 });
    // The capitals print in pieces that never break apart (元 | 伍角整): read as text, they are one amount.
    expect(html.replace(/<[^>]+>/g, '')).toContain('肆佰肆拾柒元伍角整');
    expect(html).toContain('<svg');
    const a = await desk.ok('fees:account', { unitId }, rec.session);
    expect(a.monthsPaid).toEqual(['2026-08', '2026-09']);
    expect(a.oldestUnpaid).toBe('2026-10');
    expect(a.balanceFen).toBe(119_500 - 44_750);
    // The same request again (a double Ctrl+Enter) returns the same receipt and writes nothing.
    const again = await desk.ok('fees:pay', input, rec.session);
    expect(again.receipt.receiptNo).toBe('HY-A1-2026-000001');
    expect(desk.count('fee_receipts')).toBe(1);
  });

  it('the receipt PDF reads the capitals, the payer and the items; A5 has the stub and the customer copy', async () => {
    const [r] = (await desk.ok('fees:account', { unitId }, rec.session)).receipts;
    const job = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'receipt', docId: r.id, layout: 'a5' },
      rec.session,
    );
    const pdf = await desk.ok('print:pdf', { jobId: job.id }, rec.session);
    const text = pdfText(pdf.base64).replace(/\s+/g, '');
    expect(text).toContain('肆佰肆拾柒元伍角整');
    expect(text).toContain('HY-A1-2026-000001');
    expect(text).toContain('物业管理费');
    expect(text).toContain('存根联');
    expect(text).toContain('客户联');
    expect(text).toContain('补打·第1次');
  }, 30_000);

  it('void needs a shift leader PIN and a reason; the number stays used, the months are due again, 作废 prints', async () => {
    const [r] = (await desk.ok('fees:account', { unitId }, rec.session)).receipts;
    const byReceptionist = failure(
      await desk.call(
        'fees:void',
        { receiptId: r.id, approval: { staffNo: 'R001', pin: '1357', reason: '金额错' } },
        rec.session,
      ),
    );
    expect(byReceptionist.issues).toEqual([{ path: 'approval.pin', message: 'err.approval.refused' }]);
    const wrong = failure(
      await desk.call(
        'fees:void',
        { receiptId: r.id, approval: { staffNo: 'S001', pin: '0000', reason: '金额错' } },
        rec.session,
      ),
    );
    expect(wrong.issues).toEqual([{ path: 'approval.pin', message: 'err.approval.refused' }]);
    const voided = await desk.ok(
      'fees:void',
      { receiptId: r.id, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '金额错' } },
      rec.session,
    );
    expect(voided.voided).toMatchObject({ approver: '刘班长', reason: '金额错' });
    const twice = failure(
      await desk.call(
        'fees:void',
        { receiptId: r.id, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '再次' } },
        rec.session,
      ),
    );
    expect(twice).toMatchObject({ code: 'conflict', message: 'err.fee.alreadyVoided' });
    const a = await desk.ok('fees:account', { unitId }, rec.session);
    expect(a.oldestUnpaid).toBe('2026-08');
    expect(a.balanceFen).toBe(119_500);
    const job = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'receipt', docId: r.id, layout: 'roll80' },
      rec.session,
    );
    const { html } = await desk.ok('print:html', { jobId: job.id }, rec.session);
    expect(html).toContain('作废');
    expect(html).toContain('补打 · 第2次');
    // The next payment gets the next number: a voided number is never reissued.
    const next = await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']), rec.session);
    expect(next.receipt.receiptNo).toBe('HY-A1-2026-000002');
  });

  it('splits a payment across methods; e-payments carry their reference; an advance becomes a refundable credit', async () => {
    const a = await desk.ok('fees:account', { unitId }, rec.session);
    const sept = a.charges.find((c) => c.item === 'property' && c.period === '2026-09')!;
    const { receipt } = await desk.ok(
      'fees:pay',
      {
        requestId: newRequestId(),
        unitId,
        payer: '张三',
        chargeIds: [sept.chargeId],
        advance: '100',
        methods: [
          { method: 'cash', amount: '100' },
          { method: 'wechat', amount: '223.75', reference: '4200001234202611220001' },
        ],
        tendered: '100',
      },
      rec.session,
    );
    expect(receipt.methods).toEqual([
      { method: 'cash', amountFen: 10_000, reference: '' },
      { method: 'wechat', amountFen: 22_375, reference: '4200001234202611220001' },
    ]);
    expect(receipt).toMatchObject({ totalFen: 32_375, advanceFen: 10_000, changeFen: 0 });
    const after = await desk.ok('fees:account', { unitId }, rec.session);
    expect(after.balanceFen).toBe(119_500 - 22_375 - 22_375 - 10_000);
    // More than the credit is refused; the credit itself is paid back with a leader's PIN.
    const credit = { staffNo: leader.staffNo, pin: leader.pin, reason: '多交退回' };
    const all = { unitId, method: 'cash' as const, approval: credit };
    // The unit still owes more than its advance: its balance is no credit at all.
    expect(failure(await desk.call('fees:refund', { ...all, amount: '100' }, rec.session)).message).toBe(
      'err.fee.refundOverCredit',
    );
  });

  it('a manager raises a one-off charge; a receptionist may not', async () => {
    const refused = failure(
      await desk.call('fees:raiseCharge', { unitId, item: 'repair', period: '2026-11', amount: '80' }, rec.session),
    );
    expect(refused.code).toBe('forbidden');
    const c = await desk.ok('fees:raiseCharge', { unitId, item: 'repair', period: '2026-11', amount: '80', note: '换水龙头' });
    expect(c).toMatchObject({ item: 'repair', amountFen: 8_000, note: '换水龙头' });
  });

  it('the drawer: float, cash out with reason, expectation per method, a count beyond the threshold needs a leader PIN', async () => {
    await desk.ok('drawer:float', { amount: '500' }, rec.session);
    expect(failure(await desk.call('drawer:float', { amount: '600' }, rec.session)).message).toBe('err.drawer.floatSet');
    await desk.ok('drawer:move', { direction: 'out', amount: '50', reason: '买零钱' }, rec.session);
    const state = await desk.ok('drawer:state', {}, rec.session);
    // Receipts not voided: ¥223.75 cash (Aug) + ¥100 cash of the split; WeChat ¥223.75.
    expect(state.expected).toEqual({ cash: 50_000 - 5_000 + 22_375 + 10_000, card: 0, wechat: 22_375, alipay: 0, transfer: 0 });
    expect(state).toMatchObject({ floatFen: 50_000, receipts: 3, voided: 1 });
    // 773.75 expected; count 770.00 → −3.75, within the ¥10 threshold: no approval.
    const exact = { '10000': 7, '5000': 1, '2000': 1 };
    const counted = await desk.ok('drawer:count', { denominations: exact }, rec.session);
    expect(counted.lastCount).toMatchObject({ countedFen: 77_000, varianceFen: -375, approver: null });
    const short = failure(await desk.call('drawer:count', { denominations: { '10000': 7 } }, rec.session));
    expect(short).toMatchObject({ code: 'approval_required', message: 'err.drawer.variance', details: { varianceFen: -7_375 } });
    const approved = await desk.ok(
      'drawer:count',
      { denominations: { '10000': 7 }, approval: { staffNo: leader.staffNo, pin: leader.pin, reason: '已交财务' } },
      rec.session,
    );
    expect(approved.lastCount).toMatchObject({ varianceFen: -7_375, approver: '刘班长', reason: '已交财务' });
    const sheet = await desk.ok('shift:preview', {}, rec.session);
    const drawer = sheet.sections.find((s) => s.key === 'drawer')!;
    expect(drawer.lines.map((l) => l.text).join('\n')).toContain('实点现金 ¥700.00，差额 −¥73.75（刘班长 批准：已交财务）');
  });

  it('the daily report lists issued and voided receipts, per method, item and cashier; exports to Excel and prints', async () => {
    const report = await desk.ok('fees:daily', { date: '2026-11-22' }, rec.session);
    expect(report).toMatchObject({ issued: 3, voided: 1, totalFen: 22_375 + 32_375 });
    expect(report.methods).toMatchObject({ cash: 32_375, wechat: 22_375 });
    expect(report.items).toEqual([{ item: 'property', amountFen: 44_750 }]);
    expect(report.cashiers).toEqual([
      {
        name: '小李',
        receipts: 3,
        voided: 1,
        methods: { cash: 32_375, card: 0, wechat: 22_375, alipay: 0, transfer: 0 },
        totalFen: 54_750,
      },
    ]);
    const xlsx = await desk.ok('fees:dailyExcel', { date: '2026-11-22' }, rec.session);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('收据')!.rowCount).toBe(4);
    expect(wb.getWorksheet('汇总')!.getRow(2).values).toEqual([undefined, '开具', 3, '作废', 1, '合计(元)', 547.5]);
    const job = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'daily_report', docId: '2026-11-22', layout: 'a4' },
      rec.session,
    );
    const text = pdfText((await desk.ok('print:pdf', { jobId: job.id }, rec.session)).base64);
    expect(text).toContain('收费日报');
    expect(text).toContain('HY-A1-2026-000003');
  }, 30_000);

  it('arrears by age and the collection rate; reminders; the demand letter is due 3 months after the first phone call', async () => {
    const list = await desk.ok('fees:arrears', {}, rec.session);
    expect(list.period).toBe('2026-11');
    expect(list.rows.map((r) => [r.unitCode, r.amountFen, r.oldest, r.age])).toEqual([
      ['2-1-1202', 21_000, '2026-09', 2],
      ['1-2-301', 52_375, '2026-10', 1],
    ]);
    expect(list.buckets).toEqual({ one: 1, two: 1, threePlus: 0 });
    // November: property ¥223.75 + repair ¥80 charged, nothing paid yet.
    expect(list.collection).toEqual({
      propertyUnits: { paid: 0, due: 1, permille: 0 },
      propertyAmount: { paid: 0, due: 22_375, permille: 0 },
      allItems: { paid: 0, due: 30_375, permille: 0 },
    });
    const other = list.rows[0].unitId;
    await desk.ok('fees:remind', { unitId: other, channel: 'phone', outcome: '业主称月底前交' }, rec.session);
    await desk.ok('fees:remind', { unitId: other, channel: 'sms', outcome: '已发送' }, rec.session);
    const a = await desk.ok('fees:account', { unitId: other }, rec.session);
    expect(a.reminders.map((r) => [r.channel, r.by])).toEqual([
      ['phone', '小李'],
      ['sms', '小李'],
    ]);
    expect(a.demandLetterDue?.slice(0, 10)).toBe('2027-02-22');
    const job = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'demand_letter', docId: other, layout: 'a4' },
      rec.session,
    );
    const text = pdfText((await desk.ok('print:pdf', { jobId: job.id }, rec.session)).base64).replace(/\s+/g, '');
    expect(text).toContain('催缴函');
    expect(text).toContain('王小明');
    expect(text).toContain('贰佰壹拾元整');
    // A unit that owes nothing overdue has no letter.
    const none = failure(
      await desk.call(
        'print:request',
        { jobId: newRequestId(), docType: 'demand_letter', docId: 'nope', layout: 'a4' },
        rec.session,
      ),
    );
    expect(none.message).toBe('err.fee.noArrears');
  }, 30_000);
});
