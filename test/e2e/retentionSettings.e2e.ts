import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const desk = deskServerForThisFile();

test('a manager sets how long visitor details are kept: 0 or 1096 days is refused at the field, 30 is saved', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk, { directory: false });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  const visits = page.getByTestId('settings-visitRetentionDays');
  await expect(visits).toHaveValue('180');
  await expect(page.getByTestId('settings-signatureRetentionDays')).toHaveValue('365');
  await expect(page.getByTestId('settings-logPhotoRetentionDays')).toHaveValue('90');

  for (const bad of ['0', '1096']) {
    await visits.fill('');
    await visits.click();
    await page.keyboard.type(bad);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-visitRetentionDays-error')).toHaveText('请填写 1–1095 之间的整数天数');
  }
  await shot(page, 'retention-01-refused');
  // Nothing was written: the saved value is still the default.
  expect((await desk.api(page, 'settings:get', {})).visitRetentionDays).toBe(180);

  await visits.fill('');
  await visits.click();
  await page.keyboard.type('30');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-visitRetentionDays')).toHaveValue('30');
});
