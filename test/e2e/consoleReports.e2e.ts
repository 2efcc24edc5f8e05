import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { ARTIFACTS, deskServerForThisFile, enrolOnSyncPage, pdfText, setUpAndOpenShift, shot } from './support';
import { addConsoleUser, signInConsole, startHqWithConsole } from './consoleSupport';
import type { TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';
import { deskTime } from '../../shared/domain/deskTime';
import type { ProcOutput } from '../../shared/api/contract';
import { checkInInput, type TestDesk } from '../support/desk';
import { mailInput } from '../support/mail';

/**
 * The console's monthly reports against a real HQ on embedded PostgreSQL and a real desk that synced: a WeChat
 * payment, a void approved by the shift leader, a complaint, a visitor and a letter at the desk; at HQ the reports
 * show the desk's own figures, export a workbook in Chinese with the site's local times, and print on A4.
 */
const desk = deskServerForThisFile();
let hq: TestHq;
test.beforeAll(async () => {
  hq = await startHqWithConsole();
});
test.afterAll(async () => hq?.close());

const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642', role: 'shift_leader' };
const month = deskTime().format('YYYY-MM');
const lastMonth = deskTime().subtract(1, 'month').format('YYYY-MM');
let daily: ProcOutput<'fees:daily'>;
let voidedAt = '';

async function deskWork(page: Page) {
  const [zhang] = (await desk.api(page, 'directory:search', { q: '张三' })) as { unitId: string; occupantId: string }[];
  const account = (await desk.api(page, 'fees:account', { unitId: zhang.unitId })) as ProcOutput<'fees:account'>;
  const pay = async (period: string, method: 'wechat' | 'cash') => {
    const line = account.charges.find((c) => c.period === period)!;
    const amount = (line.amountFen / 100).toFixed(2);
    return (await desk.api(page, 'fees:pay', {
      requestId: crypto.randomUUID(),
      unitId: zhang.unitId,
      payer: '张三',
      chargeIds: [line.chargeId],
      methods: [{ method, amount, ...(method === 'wechat' ? { reference: '4200009876' } : {}) }],
      tendered: '',
    })) as ProcOutput<'fees:pay'>;
  };
  const wrong = await pay(lastMonth, 'cash');
  await desk.api(page, 'fees:void', {
    receiptId: wrong.receipt.id,
    approval: { staffNo: LEADER.staffNo, pin: LEADER.pin, reason: '收错月份' },
  });
  await pay(month, 'wechat');
  await desk.api(page, 'tickets:create', {
    requestId: crypto.randomUUID(),
    kind: 'complaint',
    channel: 'phone',
    occupantId: zhang.occupantId,
    severity: 'important',
    description: '物业费账单多收了一个月',
    wants: '退还多收费用',
    concerned: '收费处',
    place: 'service',
    category: 'fees',
    problem: 'bill',
  });
  // The integration tests' inputs, sent through this page's desk API.
  const asTestDesk = { ok: (name: string, input: unknown) => desk.api(page, name, input) } as unknown as TestDesk;
  await desk.api(page, 'visits:checkIn', await checkInInput(asTestDesk));
  await desk.api(page, 'mail:receive', await mailInput(asTestDesk));
  daily = (await desk.api(page, 'fees:daily', { date: deskTime().format('YYYY-MM-DD') })) as ProcOutput<'fees:daily'>;
  const receipt = (await desk.api(page, 'fees:receipt', { receiptId: wrong.receipt.id })) as ProcOutput<'fees:receipt'>;
  voidedAt = receipt.voided!.at;
}

test('the reports show what the desk holds; Excel in Chinese with local times; A4 print', async ({ page }) => {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await setUpAndOpenShift(page, desk, { feeMonths: [lastMonth, month], staff: [LEADER] });
  await page.reload();
  await enrolOnSyncPage(page, hq, siteId);
  await expect(page.getByTestId('sync-status')).toContainText('已连接总部');
  await deskWork(page);
  await desk.api(page, 'sync:now', {});
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  const stats = (await desk.api(page, 'tickets:stats', { month })) as ProcOutput<'tickets:stats'>;

  const hqPage = await page.context().newPage();
  await signInConsole(hqPage, hq);
  await hqPage.getByRole('menuitem', { name: '月度报表' }).click();
  const fees = hqPage.getByTestId('reports-fees');
  const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
  await expect(hqPage.getByTestId('reports-fees-collected')).toContainText(yuan(daily.totalFen));
  await expect(fees).toContainText('刘班长');
  await expect(fees).toContainText('收错月份');
  await expect(hqPage.getByTestId('reports-fees-chart-method').locator('canvas')).toBeVisible();
  await shot(hqPage, 'console-reports-fees');

  // Excel: the workbook opened as a person's spreadsheet program would — Chinese words, no codes, local times.
  const [download] = await Promise.all([hqPage.waitForEvent('download'), hqPage.getByTestId('reports-excel').click()]);
  expect(download.suggestedFilename()).toBe(`月度报表-收费-${month}-全部项目.xlsx`);
  const file = join(ARTIFACTS, 'console-reports-fees.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['合计', '按收款方式', '按收费项目', '作废收据']);
  const byMethod = wb.getWorksheet('按收款方式')!;
  expect(byMethod.getRow(1).values).toEqual([undefined, '项目', '现金', '银行卡', '微信支付', '支付宝', '转账']);
  expect(byMethod.getRow(2).getCell(4).value).toBe(daily.methods.wechat / 100);
  const voidRow = wb.getWorksheet('作废收据')!.getRow(2).values as unknown[];
  const voided = daily.receipts.find((r) => r.voided)!;
  expect(voidRow.slice(1, 3)).toEqual(['华远大厦', voided.receiptNo]);
  expect(voidRow[3]).toBe(deskTime(voided.issuedAt, 'Asia/Shanghai').format('YYYY-MM-DD HH:mm'));
  expect(voidRow.slice(6)).toEqual(['收错月份', '王经理', '刘班长']);
  const words = wb.worksheets.flatMap((w) => w.getSheetValues().flat()).filter((v) => typeof v === 'string');
  for (const code of ['wechat', 'cash', 'property']) expect(words).not.toContain(code);
  expect(voidRow[4]).toBe(deskTime(voidedAt, 'Asia/Shanghai').format('YYYY-MM-DD HH:mm'));

  // The tickets, visitors and mail tabs: the desk's own counts.
  await hqPage.getByTestId('reports-tab-tickets').click();
  await expect(hqPage.getByTestId('reports-tickets-total')).toContainText(String(stats.total));
  await expect(hqPage.getByTestId('reports-tickets-kind')).toContainText('投诉');
  await expect(hqPage.getByTestId('reports-tickets-channel')).toContainText('来电');
  await shot(hqPage, 'console-reports-tickets');
  await hqPage.getByTestId('reports-tab-visitors').click();
  await expect(hqPage.getByTestId('reports-visitors-total')).toContainText('1');
  await expect(hqPage.getByTestId('reports-visitors')).not.toContainText('赵六');
  await hqPage.getByTestId('reports-tab-mail').click();
  await expect(hqPage.getByTestId('reports-mail-received')).toContainText('1');

  // A4: the fees report printed (the print stylesheet: only the report, A4 portrait), its figures on paper.
  await hqPage.getByTestId('reports-tab-fees').click();
  await expect(hqPage.getByTestId('reports-fees-collected')).toContainText(yuan(daily.totalFen));
  const pdf = join(ARTIFACTS, 'console-reports-fees.pdf');
  await hqPage.emulateMedia({ media: 'print' });
  await shot(hqPage, 'console-reports-print');
  await hqPage.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  expect(execFileSync('pdfinfo', [pdf]).toString()).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const text = pdfText(pdf).replace(/\s+/g, '');
  expect(text).toContain(`月度报表·收费·${month}·全部项目`);
  expect(text).toContain(yuan(daily.totalFen));
  expect(text).toContain('刘班长');
  expect(text).not.toContain('导出Excel');
});

test('a finance user scoped to one site sees only it, and no tickets tab; a service manager no fees', async ({ page }) => {
  const other = await createSite(hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
  await addConsoleUser(hq, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [other] });
  await signInConsole(page, hq, { login: 'cw', password: 'Finance-2026x' });
  await page.getByRole('menuitem', { name: '月度报表' }).click();
  await expect(page.getByTestId('reports-fees-collected')).toContainText('0.00');
  await expect(page.getByTestId('reports-fees')).not.toContainText('刘班长');
  await expect(page.getByTestId('reports-tab-tickets')).toHaveCount(0);
  await page.getByTestId('reports-site').click();
  await expect(page.getByRole('option', { name: /华远大厦/ })).toHaveCount(0);
  await shot(page, 'console-reports-scoped');

  await addConsoleUser(hq, { login: 'kf', name: '客服王', password: 'Service-2026x', role: 'service' });
  await page.getByTestId('console-signout').click();
  await signInConsole(page, hq, { login: 'kf', password: 'Service-2026x' });
  await page.getByRole('menuitem', { name: '月度报表' }).click();
  await expect(page.getByTestId('reports-tab-fees')).toHaveCount(0);
  await expect(page.getByTestId('reports-tickets')).toBeVisible();
});
