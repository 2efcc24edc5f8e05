import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { v4 as uuidv4 } from 'uuid';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, openShiftSignedIn, shot } from './support';

const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);

test('a credit is refunded in cash with a shift leader PIN: bad input at the field, then the credit and the drawer expectation go down', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk, {
    feeMonths: [dayjs().format('YYYY-MM')],
    staff: [{ ...LEADER, role: 'shift_leader' }],
    // The owner pays this month (¥223.75) and ¥300 ahead, in cash: a credit of ¥300.
    onShift: async () => {
      const [host] = await api(page, 'directory:search', { q: '张三' });
      const account = await api(page, 'fees:account', { unitId: host.unitId });
      await api(page, 'fees:pay', {
        requestId: uuidv4(),
        unitId: host.unitId,
        payer: '张三',
        chargeIds: [account.charges[0].chargeId],
        advance: '300',
        methods: [{ method: 'cash', amount: '523.75' }],
        tendered: '',
      });
    },
  });

  await page.keyboard.press('F10');
  await page.getByTestId('host-select').locator('input').fill('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fee-balance')).toHaveText('预交余额 ¥300.00');
  await expect(page.getByTestId('fee-refund-card')).toBeVisible();
  await expect(page.getByTestId('refund-amount')).toHaveValue('300.00');

  // More than the credit, or not a number: a message at the amount, no dialog.
  await page.getByTestId('refund-amount').fill('300.01');
  await page.getByTestId('fee-refund').click();
  await expect(page.getByTestId('refund-amount-error')).toHaveText('退款不能超过该单元的预交余额');
  await page.getByTestId('refund-amount').fill('一百');
  await page.getByTestId('refund-amount').press('Control+Enter');
  await expect(page.getByTestId('refund-amount-error')).toContainText('金额');
  await expect(page.getByTestId('refund-staffNo')).toHaveCount(0);

  // Not cash: the reference is asked for.
  await page.getByTestId('refund-amount').fill('100');
  await page.getByTestId('refund-method').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '转账' }).click();
  await page.getByTestId('fee-refund').click();
  await expect(page.getByTestId('refund-reference-error')).toHaveText('非现金退款须填写转账或刷卡的交易单号');
  await page.getByTestId('refund-method').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '现金' }).click();
  await expect(page.getByTestId('refund-reference')).toHaveCount(0);

  // ¥100 in cash: the leader approves; a wrong PIN is refused in the dialog first.
  await page.getByTestId('fee-refund').click();
  await page.getByTestId('refund-staffNo').fill(LEADER.staffNo);
  await page.getByTestId('refund-pin').fill('0000');
  await page.getByTestId('refund-reason').fill('业主预交多了，退回现金');
  await shot(page, 'f07-fee-refund-approval');
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('refund-pin-error')).toHaveText('工号或 PIN 不对，或此人无权批准');
  await page.getByTestId('refund-pin').fill(LEADER.pin);
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('fee-balance')).toHaveText('预交余额 ¥200.00');
  await expect(page.getByTestId('refund-amount')).toHaveValue('200.00');
  await shot(page, 'f08-fee-refund-done');

  // The drawer expects ¥100 less cash: ¥523.75 taken, ¥100 paid back.
  await page.getByTestId('fees-tab-drawer').click();
  await expect(page.getByTestId('drawer-expected-cash')).toHaveText('¥423.75');
});
