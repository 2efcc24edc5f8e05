import type { Page } from '@playwright/test';
import { sql } from 'kysely';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, enrolOnSyncPage, setUpAndOpenShift, shot } from './support';
import { addConsoleUser, signInConsole, startHqWithConsole } from './consoleSupport';
import type { TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { openTestDesk, type TestDesk } from '../support/desk';
import type { ProcOutput } from '../../shared/api/contract';

/**
 * Tickets from HQ in a real Chromium: a service manager signs in to the console, is stopped at the fields
 * by bad input (nothing reaches HQ's log), sends a repair and a complaint to the site; the desk syncs and
 * its ticket board shows them; the desk dispatches and resolves the repair, and after its sync the console
 * shows the resolution in the ticket's timeline, and the site's second desk (A2) has both tickets and the
 * resolution after its own sync.
 */
const desk = deskServerForThisFile();
let hq: TestHq;
// The site's second desk (A2): a real desk backend on its own SQLite file, syncing with the same HQ.
let secondDesk: TestDesk | undefined;
test.beforeAll(async () => {
  hq = await startHqWithConsole();
});
test.afterAll(async () => {
  await secondDesk?.close();
  await hq?.close();
});

const SERVICE = { login: 'kf', name: '客服王', password: 'Service-2026x', role: 'service' as const };

const hqTickets = async () =>
  (
    await sql<{ ticket_no: string }>`SELECT payload->>'ticketNo' AS ticket_no FROM events
      WHERE device_id = 'hq' AND type = 'TicketOpened' ORDER BY device_seq`.execute(hq.db)
  ).rows.map((r) => r.ticket_no);

/** Picks a problem in the classifier cascader by searching for its name, as a person types it. */
async function pickProblem(page: Page, search: string, path: string) {
  await page.getByTestId('hqticket-class').click();
  await page.keyboard.type(search);
  await page.locator('.ant-cascader-dropdown:visible .ant-cascader-menu-item', { hasText: path }).first().click();
}

test('a ticket from HQ reaches the desk’s board and its resolution comes back to the console', async ({ page }) => {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await addConsoleUser(hq, { ...SERVICE, siteIds: [siteId] });
  await setUpAndOpenShift(page, desk);
  await page.reload();
  await enrolOnSyncPage(page, hq, siteId);
  await expect(page.getByTestId('sync-status')).toContainText('已连接总部');

  secondDesk = await openTestDesk({ deviceCode: 'A2' });
  const a2 = secondDesk.backend.services.sync;
  await a2.enroll(hq.url, await issueEnrollCode(hq.db, siteId, 'A2'));

  const hqPage = await page.context().newPage();
  await signInConsole(hqPage, hq, SERVICE);
  await hqPage.goto(`${hq.url}/#/site/${siteId}/tickets`);
  await expect(hqPage.getByTestId('hqtickets-tab')).toBeVisible();

  // Bad input, at machine speed: submitted empty, each field says what it lacks, and nothing is written.
  await hqPage.getByTestId('hqtickets-new').click();
  await hqPage.locator('#hqticket-submit').click();
  await expect(hqPage.getByTestId('hqticket-class-error')).toHaveText('必填');
  await expect(hqPage.getByTestId('hqticket-urgency-error')).toHaveText('报修须选择紧急程度');
  await expect(hqPage.getByTestId('hqticket-description-error')).toHaveText('必填');
  // Spaces only are no description; a unit code too long is refused at its field.
  await hqPage.getByTestId('hqticket-description').fill('   ');
  await hqPage.getByTestId('hqticket-unit').fill('1-2-301'.repeat(5));
  await hqPage.getByTestId('hqticket-unit').press('Enter');
  await expect(hqPage.getByTestId('hqticket-description-error')).toHaveText('必填');
  await expect(hqPage.getByTestId('hqticket-unit-error')).toHaveText('内容太长');
  expect(await hqTickets()).toEqual([]);
  await shot(hqPage, 'console-hq-ticket-bad-input');

  // A repair, at machine speed: the lift's "trapped" from the site's own classifier, urgent, a unit.
  await pickProblem(hqPage, '困人', '困人');
  await hqPage.getByTestId('hqticket-urgency').getByText('急', { exact: true }).click();
  await hqPage.getByTestId('hqticket-unit').fill('1-2-301');
  await hqPage.getByTestId('hqticket-description').fill('3 号电梯困人，住户打到总部热线');
  await hqPage.locator('#hqticket-submit').click();
  await expect(hqPage.getByTestId('hqticket-drawer')).toContainText(/工单 HY-HQ-T\d{6}-0001/);
  await expect(hqPage.getByTestId('hqticket-timeline')).toContainText('登记');
  await expect(hqPage.getByTestId('hqticket-timeline')).toContainText('客服王');
  const [repairNo] = await hqTickets();
  await hqPage.keyboard.press('Escape');

  // A complaint, at a person's speed: typed key by key, the severity picked after the kind.
  await hqPage.getByTestId('hqtickets-new').click();
  await hqPage.getByTestId('hqticket-kind').getByText('投诉', { exact: true }).click();
  await expect(hqPage.getByTestId('hqticket-urgency')).toHaveCount(0);
  await hqPage.getByTestId('hqticket-severity').getByText('重要', { exact: true }).click();
  await pickProblem(hqPage, '账单', '账单');
  await hqPage.getByTestId('hqticket-unit').pressSequentially('1-2-301', { delay: 60 });
  await hqPage.getByTestId('hqticket-description').pressSequentially('住户来信投诉物业费多收', { delay: 60 });
  await hqPage.locator('#hqticket-submit').click();
  await expect(hqPage.getByTestId('hqticket-drawer')).toContainText(/工单 HY-HQ-T\d{6}-0002/);
  await hqPage.keyboard.press('Escape');
  expect(await hqTickets()).toHaveLength(2);

  // The desk syncs: both are on its board, channel "from HQ", received by the service manager.
  await desk.api(page, 'sync:now', {});
  await page.getByTestId('nav-tickets').click();
  const rows = page.getByTestId('ticket-row');
  await expect(rows.filter({ hasText: repairNo })).toHaveCount(1);
  await expect(rows.filter({ hasText: repairNo.replace(/-0001$/, '-0002') })).toHaveCount(1);
  await rows.filter({ hasText: repairNo }).click();
  await expect(page.getByTestId('ticket-state')).toHaveText('已登记');
  await shot(page, 'desk-hq-ticket');
  await page.keyboard.press('Escape');
  const board = (await desk.api(page, 'tickets:board', {})) as ProcOutput<'tickets:board'>;
  const repair = board.open.find((t) => t.ticketNo === repairNo)!;
  expect(repair).toMatchObject({ channel: 'hq', receiverName: '客服王', label: '公共区域 / 电梯 / 困人' });

  // The site's other desk has them on its board too.
  await a2.syncNow();
  const a2Board = await secondDesk.ok('tickets:board', {});
  expect(a2Board.open.map((t) => t.ticketNo).sort()).toEqual([repairNo, repairNo.replace(/-0001$/, '-0002')]);

  // The desk works it as any ticket; after its sync the console shows the timeline and the state.
  await desk.api(page, 'tickets:dispatch', { ticketId: repair.id, department: '工程部', assignee: '李师傅' });
  await desk.api(page, 'tickets:step', { ticketId: repair.id, action: 'resolve', note: '已放人，电梯复位' });
  await desk.api(page, 'sync:now', {});
  await hqPage.getByTestId('hqtickets-reload').click();
  const row = hqPage.getByTestId('hqticket-row').filter({ hasText: repairNo });
  await expect(row.getByTestId('hqticket-state')).toHaveText('已解决');
  await row.click();
  const timeline = hqPage.getByTestId('hqticket-timeline');
  await expect(timeline.getByTestId('hqticket-step')).toHaveCount(3);
  await expect(timeline).toContainText('派工');
  await expect(timeline).toContainText('工程部 · 李师傅');
  await expect(timeline).toContainText('已放人，电梯复位');
  await expect(hqPage.getByTestId('hqticket-detail-state')).toHaveText('已解决');
  await shot(hqPage, 'console-hq-ticket');
  // …and the other desk, after its sync, sees it resolved by A1.
  await a2.syncNow();
  expect((await secondDesk.ok('tickets:get', { ticketId: repair.id })).ticket.state).toBe('resolved');
});
