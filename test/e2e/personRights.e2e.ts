import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const desk = deskServerForThisFile();

const PERSON = { name: '欧阳明珠', phone: '13912345678' };

test("a manager finds one person's visits in 设置 → 个人信息 and erases them; the search then finds nothing", async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk);
  const [host] = await desk.api(page, 'directory:search', { q: '1' });
  for (const requestId of [crypto.randomUUID(), crypto.randomUUID()])
    await desk.api(page, 'visits:checkIn', {
      requestId,
      visitor: { name: PERSON.name, phone: PERSON.phone, idType: 'passport', idNumber: 'E12345678' },
      partySize: 1,
      hostOccupantId: host.occupantId,
      purpose: '拜访',
      plate: '',
      expectedMinutes: 60,
    });
  await page.reload();
  await page.getByTestId('nav-settings').click();

  // Typed at machine speed, Enter pressed at once.
  await page.getByTestId('person-name').click();
  await page.keyboard.type(PERSON.name);
  await page.getByTestId('person-phone').click();
  await page.keyboard.type(PERSON.phone);
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('person-records').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('访客登记');
  await expect(page.getByTestId('person-records')).toContainText('共 2 条');

  // The name typed wrong is refused at its field; nothing is erased.
  await page.getByTestId('person-reason').fill('本人到前台书面申请删除');
  await page.getByTestId('person-confirmName').fill('欧阳');
  await page.getByTestId('person-erase-button').click();
  await expect(page.getByText('输入的姓名与要删除的人不一致')).toBeVisible();
  await expect(rows).toHaveCount(2);
  await shot(page, 'person-01-found');

  await page.getByTestId('person-confirmName').fill(PERSON.name);
  await page.getByTestId('person-erase-button').click();
  await expect(page.getByText('已删除 2 条记录，0 张收据依法保留')).toBeVisible();
  await expect(page.getByTestId('person-records')).toContainText('本项目未保存此人的个人信息');
  await expect(page.getByTestId('privacy-reads')).toContainText('本人到前台书面申请删除');
  await shot(page, 'person-02-erased');
});
