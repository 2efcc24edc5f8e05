import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { expect, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, openShiftSignedIn, shot } from './support';

const MINUS = '\u2212';

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);
const months = [1, 0].map((n) => dayjs().subtract(n, 'month').format('YYYY-MM'));

async function signIn(page: Page) {
  await page.goto(desk.url);
  await api(page, 'auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
}

test('"1,000" is refused at the field; ¥10,000,000 asks again with the amount in capitals, and a reflex Enter goes back', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk, { feeMonths: months });

  await page.keyboard.press('F10');
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fee-account')).toContainText('1-2-301');
  await page.keyboard.press('Alt+A');
  await page.keyboard.type('1,000');
  // Told at the field while typing, and the change is not worked out from a guess.
  await expect(page.getByTestId('err-tendered')).toHaveText('请不要输入千位分隔符（逗号），一千元请输入 1000');
  await expect(page.getByTestId('fee-change')).toHaveText('—');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('err-tendered')).toHaveText('请不要输入千位分隔符（逗号），一千元请输入 1000');
  await expect(page.getByTestId('receipt-no')).toHaveCount(0);
  await shot(page, 'k03-fee-separator-refused');

  // Ten million tendered: the second question reads the amount back in capitals.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10000000');
  // Typed again, the field's old message goes: it no longer holds.
  await expect(page.getByTestId('err-tendered')).toHaveCount(0);
  await expect(page.getByTestId('fee-change')).toHaveText('¥9,999,552.50');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('fee-large-amount')).toHaveText('¥10,000,000.00');
  await expect(page.getByTestId('fee-large-capitals')).toHaveText('壹仟万元整');
  await expect(page.getByTestId('fee-large')).toContainText('超过本站大额收款限额 ¥50,000.00');
  await expect(page.getByTestId('fee-large-back')).toBeFocused();
  await shot(page, 'k04-fee-large-confirm');
  // A second Ctrl+Enter or a reflex Enter does not take it: Enter on 返回修改 goes back.
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fee-large')).toHaveCount(0);
  await expect(page.getByTestId('receipt-no')).toHaveCount(0);
  // The amount corrected, under the limit: no question.
  await page.getByTestId('fee-tendered').fill('500');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText(`HY-A1-${dayjs().year()}-000001`);
  await expect(page.getByTestId('fee-large')).toHaveCount(0);
});

test('a drawer move clears its fields, is listed, and is reversed once with a reason, never edited', async ({ page }) => {
  await signIn(page);
  await page.keyboard.press('F10');
  await page.getByTestId('fees-tab-drawer').click();
  await page.getByTestId('drawer-float').fill('500');
  await page.getByTestId('drawer-float-set').click();
  await expect(page.getByTestId('drawer-expected-cash')).toHaveText('¥947.50');

  await page.getByTestId('drawer-move-amount').fill('120');
  await page.getByTestId('drawer-move-reason').fill('交财务');
  await page.keyboard.press('Enter');
  const moves = page.getByTestId('drawer-moves').locator('tbody tr.ant-table-row');
  await expect(moves).toHaveCount(1);
  await expect(moves.first()).toContainText(`${MINUS}¥120.00`);
  await expect(moves.first()).toContainText('交财务');
  await expect(moves.first()).toContainText(ADMIN.name);
  // Cleared, the cursor back on the amount: the next 登记 cannot record the same move again.
  await expect(page.getByTestId('drawer-move-amount')).toHaveValue('');
  await expect(page.getByTestId('drawer-move-reason')).toHaveValue('');
  await expect(page.getByTestId('drawer-move-amount')).toBeFocused();
  await page.getByTestId('drawer-move-submit').click();
  await expect(page.getByTestId('drawer-move-amount-error')).toHaveText('必填');
  await expect(moves).toHaveCount(1);
  await expect(page.getByTestId('drawer-expected-cash')).toHaveText('¥827.50');

  await page.getByTestId('drawer-move-reverse').click();
  await page.getByTestId('drawer-reverse-submit').click();
  await expect(page.getByTestId('drawer-reverse-error')).toHaveText('必填');
  await page.getByTestId('drawer-reverse-reason').fill('登记错了，未取出');
  await page.keyboard.press('Enter');
  await expect(moves).toHaveCount(2);
  await expect(moves.nth(0)).toContainText('已冲正');
  await expect(moves.nth(1)).toContainText(`+¥120.00`);
  await expect(moves.nth(1)).toContainText('登记错了，未取出');
  await expect(moves.nth(1)).toContainText('冲正');
  // Neither the reversed move nor the reversal offers another reversal.
  await expect(page.getByTestId('drawer-move-reverse')).toHaveCount(0);
  await expect(page.getByTestId('drawer-expected-cash')).toHaveText('¥947.50');
  await shot(page, 'k05-drawer-moves-reversed');
});

test('after a ¥0.05 receipt the count balances with the 5-fen coin; variances read −¥ on the screen', async ({ page }) => {
  await signIn(page);
  // A repair of ¥100.05 paid in cash: the drawer should now hold ¥1,047.55.
  const [host] = await api(page, 'directory:search', { q: '张三' });
  const charge = await api(page, 'fees:raiseCharge', {
    unitId: host.unitId,
    item: 'repair',
    period: months[1],
    amount: '100.05',
  });
  await api(page, 'fees:pay', {
    requestId: crypto.randomUUID(),
    unitId: host.unitId,
    payer: '张三',
    chargeIds: [charge.chargeId],
    methods: [{ method: 'cash', amount: '100.05' }],
  });
  await page.keyboard.press('F10');
  await page.getByTestId('fees-tab-drawer').click();
  await expect(page.getByTestId('drawer-expected-cash')).toHaveText('¥1,047.55');
  const counts = { '10000': 10, '1000': 4, '500': 1, '100': 2, '50': 1 };
  for (const [d, n] of Object.entries(counts)) await page.getByTestId(`count-${d}`).fill(String(n));
  const variance = page.locator('.ant-statistic').filter({ hasText: '差额' });
  await expect(variance).toContainText(`${MINUS}¥0.05`);
  await page.getByTestId('count-5').fill('1');
  await expect(variance).toContainText('¥0.00');
  await page.getByTestId('drawer-count-submit').click();
  await expect(page.getByTestId('drawer-last-count')).toContainText('实点 ¥1,047.55，差额 ¥0.00');
  await shot(page, 'k06-drawer-count-coins');

  // ¥5.06 short, beyond the ¥1 limit set below in yuan: the leader's dialog reads −¥5.06 too.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-drawerVarianceLimit')).toHaveValue('10.00');
  await expect(page.getByTestId('settings-largePaymentLimit')).toHaveValue('50000.00');
  await page.getByTestId('settings-drawerVarianceLimit').fill('1');
  await page.getByTestId('settings-largePaymentLimit').fill('20000');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  // Typed in yuan, kept in fen.
  await expect
    .poll(async () => {
      const saved = await api(page, 'settings:get', {});
      return [saved.drawerVarianceLimitFen, saved.largePaymentLimitFen];
    })
    .toEqual([100, 2_000_000]);
  await page.getByTestId('settings-site-section').scrollIntoViewIfNeeded();
  await shot(page, 'k07-settings-limits-in-yuan');
  await page.keyboard.press('F10');
  await page.getByTestId('fees-tab-drawer').click();
  for (const [d, n] of Object.entries({ ...counts, '500': 0, '50': 0, '10': 4, '5': 1, '2': 2 }))
    await page.getByTestId(`count-${d}`).fill(String(n));
  await expect(variance).toContainText(`${MINUS}¥5.06`);
  await page.getByTestId('drawer-count-submit').click();
  await expect(page.getByTestId('variance-staffNo')).toBeVisible();
  await expect(page.getByRole('dialog')).toContainText(`差额 ${MINUS}¥5.06 超出允许的 ¥1.00`);
});
