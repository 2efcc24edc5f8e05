import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const desk = deskServerForThisFile();

const PERSON = { name: '欧阳明珠', phone: '13912345678', idNumber: 'E12345678' };

test('a manager turns on 保存完整证件号, then shows one visit’s full number with a reason; the read is listed', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk);
  await page.reload();
  await page.getByTestId('nav-settings').click();
  const keep = page.getByTestId('settings-keepFullIdNumbers');
  await expect(keep).toHaveAttribute('aria-checked', 'false');
  await keep.click();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  expect((await desk.api(page, 'settings:get', {})).keepFullIdNumbers).toBe(true);

  const [host] = await desk.api(page, 'directory:search', { q: '1' });
  await desk.api(page, 'visits:checkIn', {
    requestId: crypto.randomUUID(),
    visitor: { name: PERSON.name, phone: PERSON.phone, idType: 'passport', idNumber: PERSON.idNumber },
    partySize: 1,
    hostOccupantId: host.occupantId,
    purpose: '拜访',
    plate: '',
    expectedMinutes: 60,
  });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('person-name').click();
  await page.keyboard.type(PERSON.name);
  await page.getByTestId('person-phone').click();
  await page.keyboard.type(PERSON.phone);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-records').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('person-records')).not.toContainText(PERSON.idNumber);

  // No reason: refused at the field, nothing shown.
  await page.getByTestId('person-reveal-open').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-reveal-reason-error')).toHaveText('必填');
  await expect(page.getByTestId('person-full-id')).toHaveCount(0);
  // Typed at machine speed, Enter at once.
  await page.keyboard.type('派出所协查');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('person-full-id')).toHaveText(PERSON.idNumber);
  await expect(page.getByTestId('privacy-reads')).toContainText('完整证件号');
  await expect(page.getByTestId('privacy-reads')).toContainText('派出所协查');
  await shot(page, 'full-id-01-revealed');
});
