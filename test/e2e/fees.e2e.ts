import { join } from 'node:path';
import dayjs from 'dayjs';
import { expect, test } from './printRecorder';
import { ARTIFACTS, deskServerForThisFile, openShiftSignedIn, pdfQr, pdfText, shot } from './support';

const LEADER = { staffNo: 'S001', name: '刘班长', pin: '8642' };

const desk = deskServerForThisFile();

test('look up a unit, pay two months in cash with change, the receipt PDF reads the capitals, void with a supervisor PIN, reprint says 补打, count the drawer at shift end', async ({
  page,
}) => {
  // The property fee of 1-2-301 (89.5 m² × ¥2.50 = ¥223.75) for the last three months, by area.
  const months = [2, 1, 0].map((n) => dayjs().subtract(n, 'month').format('YYYY-MM'));
  await openShiftSignedIn(page, desk, { feeMonths: months, staff: [{ ...LEADER, role: 'shift_leader' }] });

  // F10: the unit by pinyin initials; the account at a glance.
  await page.keyboard.press('F10');
  await expect(page.getByTestId('host-select').locator('input')).toBeFocused();
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('fee-account')).toContainText('1-2-301');
  await expect(page.getByTestId('fee-oldest')).toHaveText(months[0]);
  await expect(page.getByTestId('fee-arrears')).toHaveText('¥447.50');
  await expect(page.getByTestId('fee-months-due')).toContainText(`${months[2]} ¥223.75`);

  // Two months chosen; ¥500 tendered; the change is shown large.
  // Three months of one item: a month row and its line each; clicking a month ticks its line.
  const monthRows = page.getByTestId('fee-month');
  await expect(monthRows).toHaveCount(3);
  await monthRows.nth(0).click();
  await monthRows.nth(1).click();
  await expect(page.getByTestId('fee-total')).toContainText('¥447.50');
  await page.getByTestId('fee-tendered').fill('500');
  await expect(page.getByTestId('fee-change')).toHaveText('¥52.50');
  await shot(page, 'f01-fee-payment');
  await page.getByTestId('fee-tendered').press('Control+Enter');

  const year = dayjs().year();
  await expect(page.getByTestId('receipt-no')).toHaveText(`HY-A1-${year}-000001`);
  const preview = page.frameLocator('[data-testid=receipt-preview]');
  await expect(preview.locator('body')).toContainText('肆佰肆拾柒元伍角整');
  await expect(page.getByTestId('fee-oldest')).toHaveText(months[2]);
  await shot(page, 'f02-fee-receipt');

  // The receipt PDF: the capitals, the number, the items, and a QR that carries the verification reference.
  const downloadPromise = page.waitForEvent('download');
  await page.getByTestId('receipt-pdf').click();
  const pdfPath = join(ARTIFACTS, 'receipt.pdf');
  await (await downloadPromise).saveAs(pdfPath);
  const text = pdfText(pdfPath).replace(/\s+/g, '');
  expect(text).toContain('肆佰肆拾柒元伍角整');
  expect(text).toContain(`HY-A1-${year}-000001`);
  expect(text).toContain('物业管理费');
  expect(text).toContain('¥52.50');
  expect(text).not.toContain('补打');
  expect(pdfQr(pdfPath)).toMatch(new RegExp(`^LDR1/HY-A1-${year}-000001/44750/`));

  // Void: a shift leader's PIN and a reason; a wrong PIN is refused at its field.
  await page.getByTestId('receipt-void').click();
  await page.getByTestId('void-staffNo').fill(LEADER.staffNo);
  await page.getByTestId('void-pin').fill('0000');
  await page.getByTestId('void-reason').fill('收错单元');
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('void-pin-error')).toHaveText('工号或 PIN 不对，或此人无权批准');
  await page.getByTestId('void-pin').fill(LEADER.pin);
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('receipt-voided')).toContainText('收错单元');
  await expect(page.getByTestId('fee-oldest')).toHaveText(months[0]);

  // The reprint says 补打 and 作废 on paper.
  await page.getByTestId('receipt-reprint').click();
  await expect(preview.locator('body')).toContainText('补打 · 第1次');
  await expect(preview.locator('body')).toContainText('作废');
  await shot(page, 'f03-fee-void-reprint');

  // The drawer: a float, then the shift-end count by denomination matches what is expected.
  await page.getByTestId('fees-tab-drawer').click();
  await page.getByTestId('drawer-float').fill('500');
  await page.getByTestId('drawer-float-set').click();
  await expect(page.getByTestId('drawer-expected')).toContainText('¥500.00');
  await page.getByTestId('count-10000').fill('4');
  await page.getByTestId('count-5000').fill('2');
  await page.getByTestId('drawer-count-submit').click();
  await expect(page.getByTestId('drawer-last-count')).toContainText('实点 ¥500.00，差额 ¥0.00');
  await shot(page, 'f04-drawer-count');

  // The day's report (one issued, one voided) and the arrears list by age with this month's rate.
  await page.getByTestId('fees-tab-report').click();
  await expect(page.getByTestId('report-print')).toBeVisible();
  await expect(page.getByText('收费日报（本前台）')).toBeVisible();
  await shot(page, 'f05-daily-report');
  await page.getByTestId('fees-tab-arrears').click();
  await expect(page.getByTestId('arrears-table')).toContainText('1-2-301');
  await expect(page.getByTestId('arrears-table')).toContainText('¥447.50');
  await shot(page, 'f06-arrears');
});
