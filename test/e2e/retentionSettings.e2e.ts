import { expect, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, shot } from './support';

const desk = deskServerForThisFile();

test('a manager sets how long visitor details are kept: 0 or 1096 days is refused at the field, 30 is saved', async ({
  page,
}) => {
  await page.goto(desk.url);
  await desk.api(page, 'setup:complete', {
    siteName: '华远大厦',
    siteCode: 'HY',
    siteKind: 'mixed',
    deviceCode: 'A1',
    admin: ADMIN,
  });
  await desk.api(page, 'shift:open', { patternCode: 'A', handoverShiftId: null });
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
