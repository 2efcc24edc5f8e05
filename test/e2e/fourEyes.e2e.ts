import dayjs from 'dayjs';
import { expect, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, openShiftSignedIn, shot } from './support';

const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };

const desk = deskServerForThisFile();

test('an admin cannot void his own receipt with his own PIN: refused at the staff number, then a shift leader approves', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk, { feeMonths: [dayjs().format('YYYY-MM')], staff: [{ ...LEADER, role: 'shift_leader' }] });

  // The admin takes this month's fee in cash.
  await page.keyboard.press('F10');
  await expect(page.getByTestId('host-select').locator('input')).toBeFocused();
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await page.getByTestId('fee-month').first().click();
  await expect(page.getByTestId('fee-total')).toContainText('¥223.75');
  await page.getByTestId('fee-tendered').press('Control+Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText(`HY-A1-${dayjs().year()}-000001`);

  // He voids it and approves with his own staff number and PIN, typed at machine speed: refused at the field.
  await page.getByTestId('receipt-void').click();
  await expect(page.getByTestId('void-staffNo')).toBeFocused();
  await page.keyboard.type(ADMIN.staffNo);
  await page.keyboard.press('Enter');
  await page.keyboard.type(ADMIN.pin);
  await page.keyboard.press('Enter');
  await page.keyboard.type('收错单元');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('void-staffNo-error')).toHaveText('不能批准自己的操作，请另一位领班或经理批准');
  await expect(page.getByTestId('void-pin-error')).toHaveCount(0);
  await expect(page.getByTestId('receipt-voided')).toHaveCount(0);
  await shot(page, 'e01-four-eyes-self-void');
  // Nothing was written: the receipt is not voided on the server either.
  const [host] = await desk.api(page, 'directory:search', { q: '张三' });
  expect(
    (await desk.api(page, 'fees:account', { unitId: host.unitId })).receipts.map((r: { voided: boolean }) => r.voided),
  ).toEqual([false]);

  // The shift leader types his own number and PIN in the same dialog: the receipt is voided, his name on it.
  await page.getByTestId('void-staffNo').fill(LEADER.staffNo);
  await page.getByTestId('void-pin').fill(LEADER.pin);
  await page.getByTestId('void-pin').press('Control+Enter');
  await expect(page.getByTestId('receipt-voided')).toContainText('收错单元');
  await expect(page.getByTestId('receipt-voided')).toContainText(LEADER.name);
});
