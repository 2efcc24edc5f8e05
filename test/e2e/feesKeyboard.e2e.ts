import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { expect, printsRequested, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, openShiftSignedIn, shot } from './support';

const desk = deskServerForThisFile();

const api = (page: Page, name: string, input: unknown) => desk.api(page, name, input);
// 1-2-301's property fee (89.5 m² × ¥2.50 = ¥223.75) for the last three months, oldest first.
const months = [2, 1, 0].map((n) => dayjs().subtract(n, 'month').format('YYYY-MM'));

/** Every key the cashier presses, counted: a character typed is one key, a chord (Control+Enter) is one. */
function countedKeyboard(page: Page) {
  let n = 0;
  return {
    press: async (key: string) => {
      n += 1;
      await page.keyboard.press(key);
    },
    type: async (text: string) => {
      n += [...text].length;
      await page.keyboard.type(text);
    },
    get count() {
      return n;
    },
  };
}

/** Where the keyboard is: the test id of the focused element or its nearest labelled ancestor. */
const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? '(none)');

test('one month by keyboard: F10 to the printed receipt in 10 keys, every focus stop once, none hidden', async ({ page }) => {
  await openShiftSignedIn(page, desk, { feeMonths: months });
  const keys = countedKeyboard(page);
  await keys.press('F10');
  await keys.type('zs');
  // The cashier sees the match before Enter (the picker's own race is another item of this issue).
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await keys.press('Enter');
  await expect(page.getByTestId('fee-account')).toContainText('1-2-301');
  // The account picked, the cursor is on the lines to pay: one Space ticks the oldest month whole.
  await expect(page.getByTestId('fee-charges')).toBeFocused();
  await keys.press(' ');
  await expect(page.getByTestId('fee-total')).toContainText('¥223.75');
  await expect(page.getByTestId('fee-month').first()).toHaveAttribute('aria-selected', 'true');
  // The unit list closed as the cursor moved on: nothing left open over the account.
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  await shot(page, 'k01-fee-keyboard-month');

  // Every stop of the payment, walked by Tab from the unit search: each once, each one a person sees.
  await page.getByTestId('host-select').locator('input').focus();
  const stops: string[] = [];
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('Tab');
    stops.push(await focusedId(page));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).checkVisibility())).toBe(true);
  }
  expect(stops).toEqual([
    'fee-all-due',
    'fee-clear',
    'fee-charges',
    'fee-payer',
    'fee-method-0',
    'fee-amount-0',
    'fee-split',
    'fee-tendered',
    'fee-pay',
  ]);
  // Back on the lines (not counted: the walk above was the test's, not the cashier's path); Space
  // there again unticks the month — there is no second select-all to reach.
  await page.getByTestId('fee-charges').focus();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('fee-total')).toContainText('¥0.00');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('fee-total')).toContainText('¥223.75');

  // Enter in the lines: straight to the cash tendered.
  await keys.press('Enter');
  await expect(page.getByTestId('fee-tendered')).toBeFocused();
  await keys.type('300');
  await expect(page.getByTestId('fee-change')).toHaveText('¥76.25');
  await keys.press('Control+Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText(`HY-A1-${dayjs().year()}-000001`);
  await expect(page.frameLocator('[data-testid=receipt-preview]').locator('body')).toContainText('贰佰贰拾叁元柒角伍分');
  await expect.poll(() => printsRequested(page)).toBe(1);
  await expect(page.getByTestId('fee-oldest')).toHaveText(months[1]);
  // F10, z, s, Enter, Space, Enter, 3, 0, 0, Ctrl+Enter.
  expect(keys.count).toBe(10);
});

test('everything due by keyboard: F10 to the printed receipt in 9 keys, Alt+A goes straight to the money', async ({ page }) => {
  // A new window of the same desk: the cashier signs in (she is on the open shift already).
  await page.goto(desk.url);
  await api(page, 'auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
  await page.reload();
  await expect(page.getByTestId('status-bar')).toContainText(ADMIN.name);
  const keys = countedKeyboard(page);
  await keys.press('F10');
  await keys.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await keys.press('Enter');
  await expect(page.getByTestId('fee-account')).toContainText('1-2-301');
  await keys.press('Alt+A');
  // No wait between the chord and the digits: they land in the tendered field.
  await keys.type('500');
  await expect(page.getByTestId('fee-total')).toContainText('¥447.50');
  await expect(page.getByTestId('fee-tendered')).toHaveValue('500');
  await expect(page.getByTestId('fee-change')).toHaveText('¥52.50');
  await keys.press('Control+Enter');
  await expect(page.getByTestId('receipt-no')).toHaveText(`HY-A1-${dayjs().year()}-000002`);
  await expect(page.frameLocator('[data-testid=receipt-preview]').locator('body')).toContainText('肆佰肆拾柒元伍角整');
  await expect.poll(() => printsRequested(page)).toBe(1);
  await shot(page, 'k02-fee-receipt-by-keyboard');
  // F10, z, s, Enter, Alt+A, 5, 0, 0, Ctrl+Enter.
  expect(keys.count).toBe(9);
});
