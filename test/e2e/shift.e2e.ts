import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { join } from 'node:path';
import { ADMIN, ARTIFACTS, pdfText, setUpByFormAndOpenShift, shot } from './support';
import { startDeskServer, type DeskServer } from './deskServer';

const NEXT = { staffNo: 'R001', name: '小李', pin: '1357' };
const ANOMALY = '大堂北门闭门器损坏，门关不严，已贴提示';
const PENDING = '3号电梯运行异响，已报工程部，等回复';

let desk: DeskServer;
test.beforeAll(async () => {
  desk = await startDeskServer();
});
test.afterAll(() => desk.close());

const api = async (page: Page, name: string, data: unknown = {}) =>
  (await page.request.post(`${desk.url}api/${name}`, { data })).json() as Promise<{
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  }>;

async function signIn(page: Page, who: { staffNo: string; pin: string }) {
  await page.getByTestId('signin-staffNo').fill(who.staffNo);
  await page.getByTestId('signin-pin').fill(who.pin);
  await page.getByTestId('signin-pin').press('Enter');
}

test('shift A logs and hands over; shift B must read and sign before the desk opens, then closes the pending item', async ({
  page,
}) => {
  // First run and the desk's first shift (nothing to acknowledge before it).
  await setUpByFormAndOpenShift(page, desk);
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
  expect(
    (await api(page, 'staff:create', { staffNo: NEXT.staffNo, name: NEXT.name, role: 'receptionist', pin: NEXT.pin })).ok,
  ).toBe(true);

  // Shift A, keyboard first: F5, type, Ctrl+Enter. An important anomaly, then a pending item.
  await page.keyboard.press('F5');
  await expect(page.getByTestId('log-text')).toBeFocused();
  await page.keyboard.type(ANOMALY);
  await page.getByTestId('log-high').click();
  await page.getByTestId('log-text').press('Control+Enter');
  await expect(page.getByTestId('recent-list')).toContainText(ANOMALY);
  // Empty text is refused at the field.
  await page.getByTestId('log-category').getByText('待办').click();
  await page.getByTestId('log-submit').click();
  await expect(page.getByTestId('log-text-error')).toHaveText('必填');
  await page.getByTestId('log-text').fill(PENDING);
  await page.getByTestId('log-text').press('Control+Enter');
  await expect(page.getByTestId('pending-list')).toContainText(PENDING);
  // More of the shift's important entries: the handover is longer than one screen.
  for (let i = 1; i <= 8; i++) {
    await api(page, 'log:add', {
      entryId: crypto.randomUUID(),
      category: 'incident',
      priority: 'high',
      text: `重要事件 ${i}：已处理并通知业主`,
    });
  }
  await expect(page.getByTestId('recent-list')).toContainText('重要事件 8');
  await shot(page, '20-log-shift-a');

  // Hand over with PIN: the sheet is previewed with every section, signed, and printable.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('handover-pending')).toContainText(PENDING);
  await expect(page.getByTestId('handover-highPriority')).toContainText(ANOMALY);
  await page.getByTestId('close-note').fill('前台备用钥匙在二号抽屉');
  await page.getByTestId('close-pin').fill('0000');
  await page.getByTestId('close-pin').press('Control+Enter');
  await expect(page.getByTestId('close-pin-error')).toHaveText('工号或 PIN 不对');
  await shot(page, '21-handover-preview');
  await page.getByTestId('close-pin').fill(ADMIN.pin);
  await page.getByTestId('close-pin').press('Control+Enter');
  // 交班完成: A is signed out, not offered the next shift's gate.
  await expect(page.getByTestId('signin-notice')).toContainText('交班完成');

  // Shift B arrives: B signs in and finds only the handover to read.
  await signIn(page, NEXT);
  await expect(page.getByTestId('shift-gate')).toContainText('接班');
  await expect(page.getByTestId('handover-outgoing')).toContainText(`${ADMIN.name} · PIN 签名`);
  // The API refuses desk work as well, not only the screen.
  expect((await api(page, 'visits:onSite')).error?.code).toBe('shift_required');
  expect((await api(page, 'log:list')).error?.code).toBe('shift_required');
  // The PIN field stays disabled until the sheet has been scrolled to its end.
  await expect(page.getByTestId('shift-pin')).toBeDisabled();
  await expect(page.getByTestId('read-hint')).toContainText('请继续向下阅读');
  await shot(page, '22-handover-to-read');
  const sheet = page.getByTestId('handover-scroll');
  await sheet.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('PageDown');
  await expect(page.getByTestId('shift-pin')).toBeEnabled();
  await expect(page.getByTestId('read-hint')).toContainText('已读到最后');

  // A PDF of the sheet, as filed.
  const download = page.waitForEvent('download');
  await page.getByTestId('handover-pdf').click();
  const pdfPath = join(ARTIFACTS, 'handover-sheet.pdf');
  await (await download).saveAs(pdfPath);
  const text = pdfText(pdfPath);
  expect(text).toContain('交接班记录');
  expect(text).toContain(PENDING.slice(0, 8));
  expect(text).toContain(ADMIN.name);

  // Someone else's PIN does not sign; one's own does, and the visitor desk opens.
  await page.getByTestId('shift-pin').fill(ADMIN.pin);
  await page.getByTestId('shift-pin').press('Enter');
  await expect(page.getByTestId('shift-pin-error')).toHaveText('工号或 PIN 不对');
  await page.getByTestId('shift-pin').fill(NEXT.pin);
  await shot(page, '23-handover-read-signing');
  await page.getByTestId('shift-pin').press('Enter');
  await expect(page.getByTestId('checkin-form')).toBeVisible();
  await expect(page.getByTestId('status-bar')).toContainText(NEXT.name);

  // B sees the pending item first, and closes it with what was done.
  await page.keyboard.press('F5');
  await expect(page.getByTestId('pending-heading')).toHaveText('未结待办（1）');
  const item = page.getByTestId('pending-list').getByTestId('log-entry');
  await expect(item).toContainText(PENDING);
  await shot(page, '24-log-shift-b');
  await item.getByTestId('log-resolve').click();
  await page.getByTestId('resolve-text').fill('工程部已更换导靴，试运行正常');
  await page.getByTestId('resolve-text').press('Control+Enter');
  await expect(page.getByTestId('pending-heading')).toHaveText('未结待办（0）');
  await expect(page.getByTestId('recent-list')).toContainText('小李 于');
  await expect(page.getByTestId('recent-list')).toContainText('工程部已更换导靴');
  await shot(page, '25-pending-closed');

  // The sheet that was handed over now shows both signatures.
  await page.keyboard.press('F6');
  await page.getByTestId('shift-history-show').first().click();
  await expect(page.getByTestId('handover-incoming').last()).toContainText(NEXT.name);
  await shot(page, '26-handover-page');
});
