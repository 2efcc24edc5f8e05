import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openTestDesk, TestClock, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { complaintInput, repairInput } from '../support/tickets.js';

/** Every row of every sheet as its cell values, by sheet name. */
async function readBack(base64: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    out[ws.name] = [];
    ws.eachRow((row) => out[ws.name].push((row.values as unknown[]).slice(1)));
  });
  return out;
}
const cells = (sheets: Record<string, unknown[][]>) => Object.values(sheets).flat(2).map(String);

describe('Excel exports speak the desk’s language and the site’s time', () => {
  let desk: TestDesk;
  let ticketNos: string[];
  beforeAll(async () => {
    // 03:37 on 2 December in Beijing: 19:37 on 1 December in UTC.
    desk = await openTestDesk({ clock: new TestClock(Date.parse('2026-12-02T03:37:00+08:00')) });
    const { unitId } = await feeDesk(desk);
    const repair = await desk.ok('tickets:create', await repairInput(desk));
    const complaint = await desk.ok('tickets:create', await complaintInput(desk));
    ticketNos = [repair.ticket.ticketNo, complaint.ticket.ticketNo];
    await desk.ok('fees:pay', await cashPayment(desk, unitId, ['2026-08']));
  });
  afterAll(() => desk.close());

  const monthly = async () => readBack((await desk.ok('tickets:export', { month: '2026-12' })).base64);
  const daily = async () => readBack((await desk.ok('fees:dailyExcel', { date: '2026-12-02' })).base64);

  it('the monthly ticket statistics: kinds, channels, levels, states and deadlines as the screens name them, local minutes', async () => {
    const book = await monthly();
    expect(Object.keys(book)).toEqual(['汇总', '明细']);
    const [head, ...rows] = book['明细'];
    expect(head.slice(0, 4)).toEqual(['编号', '类型', '渠道', '受理时间']);
    const repair = rows.find((r) => r[0] === ticketNos[0])!;
    const complaint = rows.find((r) => r[0] === ticketNos[1])!;
    expect(repair.slice(1, 4)).toEqual(['报修', '来访', '2026-12-02 03:37']);
    expect(complaint.slice(1, 4)).toEqual(['投诉', '来电', '2026-12-02 03:37']);
    expect(repair[9]).toBe('已登记');
    expect(complaint[8]).toBe('重要');
    const summary = book['汇总'].map((r) => r[0]);
    expect(summary).toEqual(expect.arrayContaining(['报修', '投诉', '来访', '来电', '响应', '解决']));
    const all = cells(book);
    for (const code of ['repair', 'walk_in', 'complaint', 'registered', 'important', 'respond', 'resolve'])
      expect(all).not.toContain(code);
    expect(all.some((c) => /\d{4}-\d{2}-\d{2}T/.test(c))).toBe(false);
  });

  it('the daily fee report: methods as the screens name them, receipt times in local minutes', async () => {
    const book = await daily();
    expect(Object.keys(book)).toEqual(['汇总', '收据']);
    const methods = book['汇总'].map((r) => r[0]);
    expect(methods).toEqual(expect.arrayContaining(['现金', '银行卡', '微信支付', '支付宝', '转账']));
    const cashier = book['汇总'].find((r) => r[0] === '收费员')!;
    expect(cashier).toEqual(['收费员', '票数', '作废', '现金', '银行卡', '微信支付', '支付宝', '转账', '合计(元)']);
    const [head, receipt] = book['收据'];
    expect(head[1]).toBe('时间');
    expect(receipt[1]).toBe('2026-12-02 03:37');
    const all = cells(book);
    for (const code of ['cash', 'wechat', 'alipay', 'card', 'transfer']) expect(all).not.toContain(code);
  });

  it('a desk set to English exports in English', async () => {
    await desk.ok('settings:update', { locale: 'en' });
    const [tickets, fees] = [await monthly(), await daily()];
    await desk.ok('settings:update', { locale: 'zh-Hans' });
    expect(Object.keys(tickets)).toEqual(['Summary', 'Tickets']);
    const repair = tickets['Tickets'].find((r) => r[0] === ticketNos[0])!;
    expect(repair.slice(1, 4)).toEqual(['Repair', 'Walk-in', '2026-12-02 03:37']);
    expect(fees['Summary'].map((r) => r[0])).toEqual(expect.arrayContaining(['Cash', 'WeChat Pay']));
    expect(fees['Receipts'][1][1]).toBe('2026-12-02 03:37');
  });
});
