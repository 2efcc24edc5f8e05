import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/desk.js';
import { b64, cashPayment, feeDesk } from '../support/fees.js';
import { addStaff, expectFieldError, failure, snapshot } from './helpers.js';

/** Bad input gets a clear message at its field and writes nothing. */
describe('fees: bad input is refused at its field and writes nothing', () => {
  let desk: TestDesk;
  let unitId: string;
  let session: string;
  let before: ReturnType<typeof snapshot>;
  beforeAll(async () => {
    desk = await openTestDesk();
    ({ unitId } = await feeDesk(desk));
    session = (await addStaff(desk, 'receptionist', 'R001', '1357', '小李')).session;
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']), session);
  });
  beforeEach(() => {
    before = snapshot(desk);
  });
  afterAll(() => desk.close());
  const unchanged = () => expect(snapshot(desk)).toEqual(before);

  it('a non-numeric amount', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09']);
    expectFieldError(
      await desk.call('fees:pay', { ...input, methods: [{ method: 'cash', amount: '二百' }] }, session),
      'methods.0.amount',
      'err.fee.amount',
    );
    expectFieldError(
      await desk.call('fees:pay', { ...input, methods: [{ method: 'cash', amount: '12.345' }] }, session),
      'methods.0.amount',
      'err.fee.amount',
    );
    expectFieldError(await desk.call('fees:pay', { ...input, tendered: 'abc' }, session), 'tendered', 'err.fee.amount');
    expectFieldError(await desk.call('drawer:float', { amount: '-5' }, session), 'amount', 'err.fee.amount');
    unchanged();
  });

  it('tendered less than the cash due', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09'], { tendered: '200' }); // due ¥223.75
    expectFieldError(await desk.call('fees:pay', input, session), 'tendered', 'err.fee.tenderedShort');
    unchanged();
  });

  it('a WeChat, Alipay or transfer payment without its reference', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09']);
    for (const method of ['wechat', 'alipay', 'transfer'] as const) {
      const r = await desk.call('fees:pay', { ...input, methods: [{ method, amount: '223.75', reference: '  ' }] }, session);
      expectFieldError(r, 'methods.0.reference', 'err.fee.referenceRequired');
    }
    unchanged();
  });

  it('methods that do not add up to the total', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09']);
    expectFieldError(
      await desk.call('fees:pay', { ...input, methods: [{ method: 'cash', amount: '200' }] }, session),
      'methods',
      'err.fee.methodsTotal',
    );
    unchanged();
  });

  it('paying a month twice: again after it was paid, or twice in one payment', async () => {
    const paid = await cashPayment(desk, unitId, ['2026-08']);
    const again = failure(await desk.call('fees:pay', paid, session));
    expect(again).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'chargeIds', message: 'err.fee.paidTwice' }],
      details: { receiptNo: 'HY-A1-2026-000001', period: '2026-08' },
    });
    const sept = await cashPayment(desk, unitId, ['2026-09']);
    const doubled = {
      ...sept,
      chargeIds: [...sept.chargeIds, ...sept.chargeIds],
      methods: [{ method: 'cash' as const, amount: '447.50' }],
    };
    expectFieldError(await desk.call('fees:pay', doubled, session), 'chargeIds', 'err.fee.paidTwice');
    unchanged();
  });

  it('a unit that does not exist, or a charge of another unit', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09']);
    expectFieldError(
      await desk.call('fees:pay', { ...input, unitId: 'no-such-unit' }, session),
      'unitId',
      'err.fee.unitNotFound',
    );
    expectFieldError(await desk.call('fees:account', { unitId: 'no-such-unit' }, session), 'unitId', 'err.fee.unitNotFound');
    const [other] = await desk.ok('directory:search', { q: '王小明' }, session);
    expectFieldError(
      await desk.call('fees:pay', { ...input, unitId: other.unitId }, session),
      'chargeIds',
      'err.fee.chargeNotFound',
    );
    unchanged();
  });

  it('nothing chosen, no method, a missing payer', async () => {
    const input = await cashPayment(desk, unitId, ['2026-09']);
    expectFieldError(await desk.call('fees:pay', { ...input, chargeIds: [] }, session), 'chargeIds', 'err.fee.nothingChosen');
    expectFieldError(await desk.call('fees:pay', { ...input, methods: [] }, session), 'methods', 'err.fee.noMethod');
    expectFieldError(await desk.call('fees:pay', { ...input, payer: ' ' }, session), 'payer', 'err.required');
    expectFieldError(
      await desk.call('drawer:move', { direction: 'out', amount: '10', reason: '' }, session),
      'reason',
      'err.required',
    );
    expectFieldError(
      await desk.call('drawer:count', { denominations: { '10000': -1 } }, session),
      'denominations.10000',
      'err.fee.count',
    );
    unchanged();
  });
});

describe('fees: charges import (CSV/XLSX) — one bad row and nothing is imported', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await feeDesk(desk);
  });
  afterAll(() => desk.close());

  it('lists every bad line with its column and imports nothing', async () => {
    const before = snapshot(desk);
    const csv = [
      'unit,item,period,amount,vacant',
      '1-2-301,parking,2026-12,300,',
      '9-9-999,parking,2026-12,300,', // no such unit
      '1-2-301,洗车费,2026-12,30,', // unknown item
      '1-2-301,parking,2026-13,300,', // bad month
      '1-2-301,repair,2026-12,abc,', // non-numeric
      '1-2-301,物业管理费,2026-11,,', // already charged by the first import
      '1-2-301,parking,2026-12,300,maybe', // bad vacant, and the same month twice
    ].join('\n');
    const error = failure(await desk.call('fees:importCharges', { fileName: 'bad.csv', contentBase64: b64(csv) }));
    expect(error.message).toBe('err.import.rows');
    expect(
      (error.details?.problems as { line: number; column: string; message: string }[]).map((p) => [p.line, p.column, p.message]),
    ).toEqual([
      [3, 'unit', 'err.fee.unitNotFound'],
      [4, 'item', 'err.fee.item'],
      [5, 'period', 'err.fee.period'],
      [6, 'amount', 'err.fee.amount'],
      [7, 'period', 'err.fee.alreadyCharged'],
      [8, 'vacant', 'err.fee.vacant'],
    ]);
    expect(snapshot(desk)).toEqual(before);
  });

  it('reads GBK CSV as older Excel saves it, and XLSX with Chinese headers', async () => {
    // "单元,收费项目,月份,金额\n2-1-1202,车位费,2027-01,250" encoded in GBK.
    const gbk = Buffer.from(
      'b5a5d4aa2ccad5b7d1cfeec4bf2cd4c2b7dd2cbdf0b6ee0a322d312d313230322cb3b5cebbb7d12c323032372d30312c323530',
      'hex',
    );
    expect(await desk.ok('fees:importCharges', { fileName: '应收.csv', contentBase64: gbk.toString('base64') })).toEqual({
      charges: 1,
      units: 1,
      totalFen: 25_000,
    });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('应收');
    ws.addRow(['房号', '收费项目', '所属月份', '应收', '备注']);
    ws.addRow(['2-1-1202', '车位费', '2026-12', 250, '']);
    ws.addRow(['T-1801', '有偿维修费', '2026-12', 99.9, '换灯管']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    expect(await desk.ok('fees:importCharges', { fileName: '应收.xlsx', contentBase64: xlsx })).toEqual({
      charges: 2,
      units: 2,
      totalFen: 34_990,
    });
    const header = failure(await desk.call('fees:importCharges', { fileName: 'x.csv', contentBase64: b64('a,b\n1,2') }));
    expect(header.issues).toEqual([{ path: 'fileName', message: 'err.fee.importHeader' }]);
  });

  it('a receptionist may not import charges', async () => {
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const r = failure(
      await desk.call('fees:importCharges', { fileName: 'c.csv', contentBase64: b64('单元,收费项目,月份\n') }, rec.session),
    );
    expect(r.code).toBe('forbidden');
  });
});
