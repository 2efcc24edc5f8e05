import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import ExcelJS from 'exceljs';
import zhHans from '../../hq/console/src/locales/reports/zh-Hans.json' with { type: 'json' };
import en from '../../hq/console/src/locales/reports/en.json' with { type: 'json' };
import { reportWorkbook } from '../../hq/console/src/pages/reports/reportsExcel';
import type { FeesData, TicketsData } from '../../hq/console/src/pages/reports/reportTypes';

const rate = (paid: number, due: number, permille: number | null) => ({ paid, due, permille });
const figures = {
  receipts: 3,
  voided: 1,
  collectedFen: 52375,
  byMethod: { cash: 10000, card: 0, wechat: 22375, alipay: 20000, transfer: 0 },
  byItem: [{ item: 'property' as const, amountFen: 42375 }],
  collection: { propertyUnits: rate(1, 2, 500), propertyAmount: rate(22375, 43375, 516), allItems: rate(22375, 73375, 305) },
  arrears: { one: 0, two: 1, threePlus: 1, units: 2, amountFen: 118125 },
};
const fees: FeesData = {
  month: '2026-11',
  sites: [{ siteId: 's1', code: 'HY', name: '华远大厦', zone: 'Asia/Shanghai' }],
  perSite: [
    {
      siteId: 's1',
      ...figures,
      voids: [
        {
          receiptNo: 'HY-A1-2026-000001',
          amountFen: 44750,
          issuedAt: '2026-11-30T16:20:00.000Z',
          voidedAt: '2026-11-30T16:40:00.000Z',
          reason: '收错单元',
          voidedBy: '小李',
          approvedBy: '刘班长',
        },
      ],
    },
  ],
  total: figures,
};

async function t(lng: string) {
  const i = i18next.createInstance();
  await i.init({ lng, showSupportNotice: false, resources: { 'zh-Hans': { translation: zhHans }, en: { translation: en } } });
  return i.t;
}

async function open(buf: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf);
  return wb;
}
const cells = (ws: ExcelJS.Worksheet) => ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r.slice(1) : []));

describe('console report workbooks', () => {
  it('fees in Chinese: labels and method names in words, money in yuan, void times on the site clock', async () => {
    const wb = await open(await reportWorkbook('fees', fees, await t('zh-Hans'), 'zh-Hans'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['合计', '按收款方式', '按收费项目', '作废收据']);
    expect(cells(wb.getWorksheet('按收款方式')!)).toEqual(expect.arrayContaining(['微信支付', '支付宝', '现金', 223.75]));
    expect(cells(wb.getWorksheet('按收费项目')!)).toContain('物业管理费');
    // 16:40 UTC on 30 November is 00:40 on 1 December in Shanghai.
    expect(wb.getWorksheet('作废收据')!.getRow(2).values).toEqual([
      undefined,
      '华远大厦',
      'HY-A1-2026-000001',
      '2026-12-01 00:20',
      '2026-12-01 00:40',
      447.5,
      '收错单元',
      '小李',
      '刘班长',
    ]);
    const all = wb.worksheets.flatMap(cells).filter((v) => typeof v === 'string');
    for (const code of ['wechat', 'alipay', 'property', 'cash']) expect(all).not.toContain(code);
  });

  it('tickets in English: kinds, channels and deadlines in words', async () => {
    const f = {
      total: 2,
      byKind: [{ key: 'repair', count: 2 }],
      byCategory: [{ key: 'plumbing', count: 2, zh: '给排水', en: 'Plumbing' }],
      byChannel: [{ key: 'walk_in', count: 2 }],
      onTime: [{ type: 'resolve' as const, due: 2, onTime: 1, rate: 50 }],
      callback: { resolved: 1, calledBack: 1, rate: 100 },
      satisfaction: { satisfied: 1, notSatisfied: 0, rate: 100 },
      recurring: [],
    };
    const data: TicketsData = { month: '2026-11', sites: fees.sites, perSite: [{ siteId: 's1', ...f }], total: f };
    const wb = await open(await reportWorkbook('tickets', data, await t('en'), 'en'));
    const all = wb.worksheets.flatMap(cells);
    expect(all).toEqual(expect.arrayContaining(['Repair', 'Plumbing', 'Walk-in', 'Resolve']));
    for (const code of ['repair', 'plumbing', 'walk_in', 'resolve']) expect(all).not.toContain(code);
  });
});
