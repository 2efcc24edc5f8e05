import { request as playwrightRequest, type Locator, type Page } from '@playwright/test';
import { expect, test } from './printRecorder';
import { deskServerForThisFile, setUpAndOpenShift, shot } from './support';

const REC = { staffNo: 'R001', name: '小李', pin: '1357' };

const desk = deskServerForThisFile();

/** True when the element's text is cut off (an ellipsis or a clipped box): what the eye sees as "appli…". */
const isTruncated = (el: Locator) => el.evaluate((e) => e.scrollWidth > e.clientWidth + 1);

/** Every placeholder on the page (text inputs and selects) can be read whole. */
async function expectWholePlaceholders(page: Page, width: number) {
  for (const input of await page.locator('input[placeholder]:visible').all()) {
    const text = await input.getAttribute('placeholder');
    if (text && !(await input.inputValue()))
      expect(
        await input.evaluate((e, t) => {
          const probe = document.createElement('span');
          probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(e).font}`;
          probe.textContent = t;
          document.body.append(probe);
          const fits =
            probe.offsetWidth <=
            e.clientWidth - parseFloat(getComputedStyle(e).paddingLeft) - parseFloat(getComputedStyle(e).paddingRight) + 1;
          probe.remove();
          return fits;
        }, text),
        `placeholder "${text}" at ${width}`,
      ).toBe(true);
  }
  for (const placeholder of await page
    .locator('.ant-select-placeholder:visible, .ant-select-selection-placeholder:visible')
    .all())
    expect(await isTruncated(placeholder), `placeholder "${await placeholder.textContent()}" at ${width}`).toBe(false);
}

async function switchToEnglish(page: Page) {
  await page.getByTestId('language').click();
  await page.getByTitle('English').click();
  await expect(page.getByTestId('nav-checkIn')).toContainText('Check in');
}

test('in English: page titles, settings labels and placeholders are whole, the two intake places differ, stored purposes and carriers and lists of names read in English', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk, { staff: [{ ...REC, role: 'receptionist' }] });
  // A visit registered on a Chinese screen (purpose 探访) and a letter from 中国邮政, as stored before.
  const [host] = await desk.api(page, 'directory:search', { q: '张三' });
  await desk.api(page, 'visits:checkIn', {
    requestId: crypto.randomUUID(),
    visitor: { name: '赵六', phone: '13700137000', idType: 'resident_id', idNumber: '11010519491231002X' },
    partySize: 1,
    hostOccupantId: host.occupantId,
    purpose: '探访',
    plate: '',
    expectedMinutes: 120,
  });
  await desk.api(page, 'mail:receive', {
    itemId: crypto.randomUUID(),
    batchId: crypto.randomUUID(),
    carrier: '中国邮政',
    trackingNo: 'XA100200300CN',
    kind: 'registered_letter',
    occupantId: host.occupantId,
    location: 'A-3',
  });
  // 小李 signs in at a second window and joins the shift: two people on duty.
  const second = await playwrightRequest.newContext({ baseURL: desk.url });
  await second.post('api/auth:signIn', { data: { staffNo: REC.staffNo, pin: REC.pin } });
  const state = (await (await second.post('api/shift:state', { data: {} })).json()).value;
  await second.post('api/shift:join', { data: { handoverShiftId: state.handoverShiftId, pin: REC.pin } });

  await page.reload();
  await switchToEnglish(page);

  // Names joined the English way.
  await expect(page.getByTestId('status-bar')).toContainText(/王经理, 小李|小李, 王经理/);
  await expect(page.getByTestId('status-bar')).not.toContainText('、');

  // The visit stored as 探访 reads "Visiting".
  await page.getByTestId('nav-onSite').click();
  await expect(page.getByRole('cell', { name: 'Visiting' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '探访' })).toHaveCount(0);
  await shot(page, 'english-on-site');

  // Mail: the carrier list and the stored carrier in English.
  await page.getByTestId('nav-mail').click();
  await expect(page.getByTestId('mail-carrier').locator('input')).toHaveValue('China Post');
  // A letter scanned in on the English screen is registered under the carrier's one name, 中国邮政.
  await page.getByTestId('mail-tracking-input').pressSequentially('XA100200301CN');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('host-select').locator('input')).toBeFocused();
  await page.keyboard.type('zs');
  await expect(page.getByTestId('host-option').first()).toContainText('张三');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('mail-batch-count')).toContainText('1');
  const [registered] = await desk.api(page, 'mail:search', { trackingNo: 'XA100200301CN' });
  expect(registered.carrier).toBe('中国邮政');
  await page.getByTestId('mail-tab-awaiting').click();
  await expect(page.getByRole('cell', { name: 'China Post' }).first()).toBeVisible();
  await expect(page.getByText('中国邮政')).toHaveCount(0);
  await shot(page, 'english-mail');

  for (const width of [1440, 1100]) {
    await page.setViewportSize({ width, height: 900 });
    // Intake: the title is whole, and the two place fields have different labels.
    await page.getByTestId('nav-intake').click();
    const intakeTitle = page.locator('.ant-card-head-title').first();
    await expect(intakeTitle).toContainText('Intake');
    expect(await isTruncated(intakeTitle), `intake title at ${width}`).toBe(false);
    await page.getByTestId('ticket-kind').click();
    await page
      .locator('.ant-select-item-option')
      .filter({ hasText: /^Repair$/ })
      .click();
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
    const labels = page.locator('.ant-form-item-label label');
    await expect(labels.filter({ hasText: /^Place$/ })).toHaveCount(1);
    await expect(labels.filter({ hasText: 'Exact location' })).toHaveCount(1);
    await shot(page, `english-intake-${width}`);
    await expectWholePlaceholders(page, width);

    // Goods release: the title is whole.
    await page.getByTestId('nav-passIssue').click();
    const passTitle = page.locator('.ant-card-head-title').first();
    await expect(passTitle).toContainText('Goods release application');
    await shot(page, `english-release-${width}`);
    expect(await isTruncated(passTitle), `release title at ${width}`).toBe(false);
    await expectWholePlaceholders(page, width);

    // Settings: no label is cut.
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('site-details')).toBeVisible();
    await shot(page, `english-settings-${width}`);
    for (const label of await page.locator('.ant-form-item-label > label').all())
      expect(await isTruncated(label), `settings label "${await label.textContent()}" at ${width}`).toBe(false);
  }
  await second.dispose();
});
