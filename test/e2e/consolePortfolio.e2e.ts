import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, test } from '@playwright/test';
import { ARTIFACTS, deskServerForThisFile, enrolOnSyncPage, setUpAndOpenShift, shot } from './support';
import { addConsoleUser, signInConsole, startHqWithConsole } from './consoleSupport';
import type { TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { enroll } from '../../hq/src/store/enroll';
import { DESK_SCHEMA_VERSION } from '../../shared/sync/version';
import { deskTime } from '../../shared/domain/deskTime';
import type { ProcOutput } from '../../shared/api/contract';
import { APP_VERSION } from '../../electron/version';

/**
 * The portfolio, the console's home page, against a real HQ on embedded PostgreSQL and a real desk that
 * synced: at the desk a month's fee paid and two before it owing, a major complaint escalated, a repair; at
 * HQ the desk's row shows the desk's own collection rate, arrears and ticket board; a site whose only desk
 * has said nothing for days shows it silent in red; a row opens the site's page.
 */
const desk = deskServerForThisFile();
let hq: TestHq;
test.beforeAll(async () => {
  hq = await startHqWithConsole();
});
test.afterAll(async () => hq?.close());

const m = (back: number) => deskTime().subtract(back, 'month').format('YYYY-MM');
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const permille = (p: number | null) => (p === null ? '—' : `${(p / 10).toFixed(1)}%`);
type DeskApi = (name: string, input: unknown) => Promise<unknown>;

async function deskWork(api: DeskApi) {
  const [zhang] = (await api('directory:search', { q: '张三' })) as { unitId: string; occupantId: string }[];
  const account = (await api('fees:account', { unitId: zhang.unitId })) as ProcOutput<'fees:account'>;
  const line = account.charges.find((c) => c.period === m(0))!;
  await api('fees:pay', {
    requestId: crypto.randomUUID(),
    unitId: zhang.unitId,
    payer: '张三',
    chargeIds: [line.chargeId],
    methods: [{ method: 'wechat', amount: (line.amountFen / 100).toFixed(2), reference: '4200001111' }],
    tendered: '',
  });
  const complaint = (await api('tickets:create', {
    requestId: crypto.randomUUID(),
    kind: 'complaint',
    channel: 'phone',
    occupantId: zhang.occupantId,
    severity: 'major',
    description: '物业费账单多收了一个月，多次反映无人处理',
    wants: '退还多收费用并书面道歉',
    concerned: '收费处',
    place: 'service',
    category: 'fees',
    problem: 'bill',
  })) as ProcOutput<'tickets:create'>;
  await api('tickets:step', { ticketId: complaint.ticket.id, action: 'escalate', note: '已报管理处主任' });
  await api('tickets:create', {
    requestId: crypto.randomUUID(),
    kind: 'repair',
    channel: 'walk_in',
    occupantId: zhang.occupantId,
    urgency: 'normal',
    paid: false,
    description: '厨房下水堵塞',
    convenientTime: '今天下午',
    place: 'in_unit',
    category: 'plumbing',
    problem: 'blocked_drain',
  });
}

test('the portfolio shows the desk’s own figures after a sync, a silent desk in red, and a row opens the site', async ({
  page,
}) => {
  const hy = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  // 金泰大厦's only desk enrolled three days ago and has not called HQ since.
  const jt = await createSite(hq.db, { code: 'JT', name: '金泰大厦', kind: 'office' });
  const { deviceId } = await enroll(hq.db, {
    schemaVersion: DESK_SCHEMA_VERSION,
    code: await issueEnrollCode(hq.db, jt, 'J1'),
    desk: null,
  });
  await sql`UPDATE devices SET enrolled_at = now() - interval '3 days' WHERE id = ${deviceId}`.execute(hq.db);
  await setUpAndOpenShift(page, desk, { feeMonths: [m(2), m(1), m(0)] });
  await page.reload();
  await enrolOnSyncPage(page, hq, hy);
  await expect(page.getByTestId('sync-status')).toContainText('已连接总部');
  const api: DeskApi = (name, input) => desk.api(page, name, input);
  await deskWork(api);
  // A manager created at the desk: a privileged change HQ holds for its administrator.
  await api('staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '739164' });
  await api('sync:now', {});
  await expect(page.getByTestId('sync-waiting')).toHaveText('待同步 0 条');
  const arrears = (await api('fees:arrears', {})) as ProcOutput<'fees:arrears'>;
  const board = (await api('tickets:board', {})) as ProcOutput<'tickets:board'>;
  const status = (await api('sync:status', {})) as ProcOutput<'sync:status'>;
  const inbox = (await api('conflicts:rejections', {})) as ProcOutput<'conflicts:rejections'>;
  expect(inbox.map((r) => r.reason)).toEqual(['held_for_hq']);

  const hqPage = await page.context().newPage();
  await signInConsole(hqPage, hq);
  // The home page: the portfolio, first in the menu.
  await expect(hqPage.getByRole('menuitem').first()).toHaveText('项目总览');
  const row = hqPage.getByTestId('portfolio-row-HY');
  await expect(row.getByTestId('portfolio-desks')).toHaveText('在线 1');
  const units = arrears.collection.propertyUnits;
  await expect(row.getByTestId('portfolio-rate-propertyUnits')).toHaveText(
    `${permille(units.permille)}${units.paid} / ${units.due} 户`,
  );
  const amount = arrears.collection.propertyAmount;
  await expect(row.getByTestId('portfolio-rate-propertyAmount')).toContainText(permille(amount.permille));
  await expect(row.getByTestId('portfolio-rate-propertyAmount')).toContainText(`¥${yuan(amount.paid)} / ¥${yuan(amount.due)}`);
  const owed = arrears.rows.reduce((n, r) => n + r.amountFen, 0);
  const b = arrears.buckets;
  const ages = [
    [b.one, '1 个月'],
    [b.two, '2 个月'],
    [b.threePlus, '3 个月以上'],
  ].filter(([n]) => n);
  await expect(row.getByTestId('portfolio-arrears')).toHaveText(
    `${ages.map(([n, age]) => `${age} ${n} 户`).join('')}共 ${arrears.rows.length} 户 · ¥${yuan(owed)}`,
  );
  expect(arrears.rows.length).toBe(1);
  const overdue = board.open.filter((t) => t.overdue).length;
  await expect(row.getByTestId('portfolio-tickets')).toHaveText(`未结 ${board.openCount} · 超时 ${overdue}`);
  expect(board.openCount).toBe(2);
  await expect(row.getByTestId('portfolio-major')).toHaveText('已上报 1 / 1');
  await expect(row.getByTestId('portfolio-version')).toHaveText(status.appVersion ?? APP_VERSION);
  await expect(row.getByTestId('portfolio-inbox')).toHaveText(`待总部审核 ${inbox.length}`);
  // The silent desk, in red; its site owes nothing and has no tickets.
  const jtRow = hqPage.getByTestId('portfolio-row-JT');
  await expect(jtRow.getByTestId('portfolio-silent')).toHaveText('静默 1');
  await expect(jtRow.getByTestId('portfolio-silent')).toHaveClass(/ant-tag-red/);
  await expect(jtRow.getByTestId('portfolio-rate-propertyUnits')).toHaveText('本月无应收');
  await expect(hqPage.getByTestId('portfolio-month')).toHaveText(`本月 ${m(0)} · 各项目按当地时间`);
  await shot(hqPage, 'console-portfolio');
  copyFileSync(
    join(ARTIFACTS, 'console-portfolio.png'),
    join(import.meta.dirname, '../../docs/screenshots/console-portfolio.png'),
  );

  // Sorted by silent desks, the silent site first; by the site again, HY first.
  await hqPage.getByRole('columnheader', { name: '前台' }).click();
  await hqPage.getByRole('columnheader', { name: '前台' }).click();
  await expect(hqPage.locator('[data-testid^="portfolio-row-"]').first()).toHaveAttribute('data-testid', 'portfolio-row-JT');

  // In English and in traditional Chinese, the same figures in the user's words.
  await hqPage.getByTestId('console-language').click();
  await hqPage.locator('.ant-select-item-option', { hasText: 'English' }).click();
  await expect(row.getByTestId('portfolio-desks')).toHaveText('1 online');
  await expect(row.getByTestId('portfolio-tickets')).toHaveText(`${board.openCount} open · ${overdue} overdue`);
  await expect(jtRow.getByTestId('portfolio-silent')).toHaveText('1 silent');
  await shot(hqPage, 'console-portfolio-en');
  await hqPage.getByTestId('console-language').click();
  await hqPage.locator('.ant-select-item-option', { hasText: '繁體中文' }).click();
  await expect(row.getByTestId('portfolio-desks')).toHaveText('在線 1');
  await hqPage.getByTestId('console-language').click();
  await hqPage.locator('.ant-select-item-option', { hasText: '简体中文' }).click();

  // A row opens the site's page.
  await row.click();
  await expect(hqPage).toHaveURL(new RegExp(`#/site/${hy}$`));
  await expect(hqPage.getByTestId('site-page')).toContainText('HY · 华远大厦');
});

test('a finance user scoped to one site sees only its row', async ({ page }) => {
  const [{ id: jt }] = await hq.db.selectFrom('sites').select('id').where('code', '=', 'JT').execute();
  await addConsoleUser(hq, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: [jt] });
  await signInConsole(page, hq, { login: 'cw', password: 'Finance-2026x' });
  await expect(page.getByTestId('portfolio-row-JT')).toBeVisible();
  await expect(page.getByTestId('portfolio-table')).not.toContainText('华远大厦');
  await expect(page.locator('[data-testid^="portfolio-row-"]')).toHaveCount(1);
});
