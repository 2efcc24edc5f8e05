import type { Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { join } from 'node:path';
import { ARTIFACTS, deskServerForThisFile, openShiftSignedIn, pdfQr, pdfText, shot, signInByForm } from './support';

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);

const signIn = (page: Page) => signInByForm(page, desk);

/** Picks an option of an antd Select by its label. */
async function choose(page: Page, testId: string, label: string) {
  await page.getByTestId(testId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

async function act(page: Page, action: string, fill: Record<string, string> = {}) {
  await page.getByTestId(`ticket-act-${action}`).click();
  for (const [id, value] of Object.entries(fill)) await page.getByTestId(id).fill(value);
  await page.getByTestId('ticket-action-submit').click();
  await expect(page.getByTestId('ticket-action-form')).toHaveCount(0);
}

const repair = (extra: Record<string, unknown> = {}) => ({
  requestId: crypto.randomUUID(),
  kind: 'repair',
  channel: 'walk_in',
  customer: { name: '李四', unitCode: '1-2-301', phone: '13900139000' },
  urgency: 'urgent',
  description: '卫生间龙头漏水',
  place: 'in_unit',
  category: 'plumbing',
  problem: 'tap',
  confirmDuplicate: true,
  ...extra,
});

test('a phone complaint (important) is dispatched, resolved, called back unsatisfied, reopened, called back satisfied and closed', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk);

  // F11: kind first, keyboard first; the caller is found by pinyin initials.
  await page.keyboard.press('F11');
  await expect(page.getByTestId('ticket-kind').locator('input')).toBeFocused();
  await page.keyboard.type('投诉');
  await page.keyboard.press('Enter');
  await choose(page, 'ticket-channel', '来电');
  await choose(page, 'ticket-severity', '重要');
  await page.getByTestId('host-select').first().locator('input').fill('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await choose(page, 'ticket-place', '服务与收费');
  await choose(page, 'ticket-category', '收费');
  await choose(page, 'ticket-problem', '账单疑问');
  await page.getByTestId('ticket-description').fill('物业费账单多收了一个月');
  // The draft survives leaving the page while the caller keeps talking.
  await page.keyboard.press('F2');
  await page.keyboard.press('F11');
  await expect(page.getByTestId('ticket-description')).toHaveValue('物业费账单多收了一个月');
  await page.getByTestId('ticket-wants').fill('退还并道歉');
  await shot(page, 't01-intake-complaint');
  await page.getByTestId('ticket-wants').press('Control+Enter');
  await expect(page.getByTestId('ticket-last')).toContainText(/HY-A1-T\d{6}-0001/);
  await expect(page.getByTestId('ticket-description')).toHaveValue('');

  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('ticket-row').first().click();
  await expect(page.getByTestId('ticket-state')).toHaveText('已登记');
  await act(page, 'dispatch', { 'ticket-department': '客服部' });
  await expect(page.getByTestId('ticket-state')).toHaveText('已派工');
  await act(page, 'resolve', { 'ticket-text': '已退还多收费用' });
  await expect(page.getByTestId('ticket-state')).toHaveText('已解决');
  // Closing is not offered before the callback.
  await expect(page.getByTestId('ticket-act-close')).toHaveCount(0);
  await page.getByTestId('ticket-act-callback').click();
  await choose(page, 'ticket-outcome', '不满意（重开）');
  await page.getByTestId('ticket-text').fill('未收到书面道歉');
  await page.getByTestId('ticket-action-submit').click();
  await expect(page.getByTestId('ticket-state')).toHaveText('重开');
  await expect(page.getByTestId('ticket-drawer')).toContainText('重开 1 次');
  await act(page, 'dispatch', { 'ticket-department': '客服部' });
  await act(page, 'resolve', { 'ticket-text': '已送达书面道歉' });
  await act(page, 'callback', { 'ticket-text': '满意' });
  await expect(page.getByTestId('ticket-state')).toHaveText('已回访');
  await act(page, 'close');
  await expect(page.getByTestId('ticket-state')).toHaveText('已关闭');
  await expect(page.getByTestId('ticket-timeline')).toContainText('回访：不满意');
  await shot(page, 't02-complaint-closed');
});

test('a repair prints its work order as PDF: number, urgency, masked phone, signature block, QR', async ({ page }) => {
  await signIn(page);
  const { ticket } = await api(page, 'tickets:create', repair());
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('ticket-row').filter({ hasText: ticket.ticketNo }).click();
  await act(page, 'dispatch', { 'ticket-department': '工程部', 'ticket-assignee': '王师傅' });
  const preview = page.frameLocator('[data-testid=work-order-preview]');
  await expect(preview.locator('body')).toContainText('派工单');
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('work-order-pdf').click();
  const pdfPath = join(ARTIFACTS, 'work-order.pdf');
  await (await downloadPromise).saveAs(pdfPath);
  const text = pdfText(pdfPath);
  for (const s of ['派工单', ticket.ticketNo, '急（10分钟到场）', '1-2-301', '139****9000', '客户签字确认', '王师傅'])
    expect(text).toContain(s);
  expect(text).not.toContain('13900139000');
  expect(pdfQr(pdfPath)).toBe(ticket.ticketNo);
});

test('the board shows an overdue ticket first, in red', async ({ page }) => {
  await signIn(page);
  // The manager sets the site's rule to "on site at once" in settings: the extra-urgent repair is then
  // overdue the moment it is taken.
  await page.getByTestId('nav-settings').click();
  const rule = page.getByTestId('ticket-rules').locator('tr', { hasText: '特急' });
  await rule.locator('input').first().fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await shot(page, 't05-settings-ticket-rules');
  const saved = await api(page, 'settings:get', {});
  expect(saved.ticketRules.find((r: { when: string }) => r.when === 'extra_urgent').span).toEqual({ unit: 'minutes', n: 0 });
  const { ticket } = await api(
    page,
    'tickets:create',
    repair({ urgency: 'extra_urgent', category: 'electric', problem: 'no_power', description: '整户跳闸' }),
  );
  await page.getByTestId('nav-tickets').click();
  const first = page.getByTestId('ticket-board-open').getByTestId('ticket-row').first();
  await expect(first).toContainText(ticket.ticketNo);
  await expect(first.getByTestId('ticket-overdue')).toBeVisible();
  await shot(page, 't03-board-overdue-first');
});

test('the monthly statistics chart renders', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('nav-ticketStats').click();
  await expect(page.getByTestId('chart-kind').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('ticket-stats')).toContainText('总件数');
  await page.waitForTimeout(300);
  await shot(page, 't04-monthly-stats');
});

test('a manager adds a problem to the classifier in 设置 and the intake form offers it', async ({ page }) => {
  await signIn(page);
  await page.getByTestId('nav-settings').click();
  const editor = page.getByTestId('classifier-editor');
  // Keyboard: the add button takes Enter, and the new problem's name field has the focus.
  await editor.getByTestId('classifier-add-problem-0-0').focus();
  await page.keyboard.press('Enter');
  const zh = editor.getByTestId('classifier-problem-0-0-3-zh');
  await expect(zh).toBeFocused();
  // An empty name and a name already used at this level are refused at the field; nothing is saved.
  await page.getByTestId('settings-save').click();
  await expect(editor.getByTestId('classifier-problem-0-0-3')).toContainText('必填');
  await page.keyboard.type('下水堵塞');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Heater leak');
  await page.getByTestId('settings-save').click();
  await expect(editor.getByTestId('classifier-problem-0-0-3')).toContainText('同一层级已有此名称');
  await shot(page, 't06-settings-classifier-duplicate');
  const before = await api(page, 'settings:get', {});
  expect(before.classifier[0].categories[0].problems).toHaveLength(3);
  await zh.fill('热水器漏水');
  await choose(page, 'classifier-problem-0-0-3-callback', '渗漏水（闭水试验后）');
  await editor.getByTestId('classifier-problem-0-0-3').scrollIntoViewIfNeeded();
  await shot(page, 't06-settings-classifier');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  const saved = await api(page, 'settings:get', {});
  expect(saved.classifier[0].categories[0].problems[3]).toMatchObject({ zh: '热水器漏水', en: 'Heater leak', callback: 'leak' });

  await page.keyboard.press('F11');
  await page.getByTestId('ticket-clear').click();
  await choose(page, 'ticket-kind', '报修');
  await page.getByTestId('ticket-name').fill('李四');
  await page.getByTestId('ticket-unit').fill('9-9-909');
  await page.getByTestId('ticket-phone').fill('13900139000');
  await choose(page, 'ticket-urgency', '一般');
  await choose(page, 'ticket-place', '户内');
  await choose(page, 'ticket-category', '给排水');
  await choose(page, 'ticket-problem', '热水器漏水');
  await page.getByTestId('ticket-description').fill('热水器底部滴水');
  await page.getByTestId('ticket-submit').click();
  await expect(page.getByTestId('ticket-last')).toContainText('户内 / 给排水 / 热水器漏水');

  // Remove the problem again, then reset to the office defaults: intake offers the office places.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('classifier-remove-problem-0-0-3').click();
  await expect(page.getByTestId('classifier-problem-0-0-3')).toHaveCount(0);
  await page.getByTestId('classifier-reset-office').click();
  await expect(page.getByTestId('classifier-place-0-zh')).toHaveValue('办公室内');
  // The first save's toast must be gone, so the one awaited next is this save's.
  await expect(page.getByText('设置已保存')).toHaveCount(0);
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  const office = await api(page, 'tickets:classifier', {});
  expect(office.places.map((p: { code: string }) => p.code)).toEqual(['office', 'common', 'basement', 'service']);
  // The ticket taken before keeps its label.
  await page.getByTestId('nav-tickets').click();
  await expect(page.getByTestId('ticket-board-open')).toContainText('热水器漏水');
});
