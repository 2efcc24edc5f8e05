import { expect, test } from './printRecorder';
import { deskServerForThisFile, openShiftSignedIn, shot } from './support';
import { checkInInput, type TestDesk } from '../support/desk';

const desk = deskServerForThisFile();

test('visit history at typing speed: Enter with no wait finds the visit, a search too long is said at the box and shows no earlier rows', async ({
  page,
}) => {
  await openShiftSignedIn(page, desk);
  const asTestDesk = { ok: (name: string, input: unknown) => desk.api(page, name, input) } as unknown as TestDesk;
  await desk.api(page, 'visits:checkIn', await checkInInput(asTestDesk, { visitor: visitor('王小明', '13900139001') }));
  await desk.api(page, 'visits:checkIn', await checkInInput(asTestDesk, { visitor: visitor('李四', '13900139002') }));

  await page.keyboard.press('F4');
  const box = page.getByTestId('history-search').locator('input');
  await expect(box).toBeFocused();
  const rows = page.getByTestId('history-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);

  await page.keyboard.type('王小明');
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('王小明');

  // 41 characters: the search is refused at its box, and the table does not keep 王小明's row under it.
  await box.fill('');
  await page.keyboard.type('一'.repeat(41));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-search-error')).toHaveText('太长了');
  await expect(rows).toHaveCount(0);
  await shot(page, 'hs01-history-search-too-long');

  await box.fill('');
  await page.keyboard.type('李四');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('history-search-error')).toHaveCount(0);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('李四');
  await shot(page, 'hs02-history-found');
});

const visitor = (name: string, phone: string) => ({ name, phone, idType: 'passport' as const, idNumber: `E${phone.slice(-8)}` });
