import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { sql } from 'kysely';
import { expect, test } from './printRecorder';
import { ARTIFACTS, deskServerForThisFile, enrolOnSyncPage, setUpAndOpenShift, shot } from './support';
import { addConsoleUser, consoleAdmin, signInConsole, startHqWithConsole } from './consoleSupport';
import type { TestHq } from '../support/hq';
import { createSite } from '../../hq/src/store/admin';
import type { ProcOutput } from '../../shared/api/contract';
import { classifierFor } from '../../shared/domain/ticketClassifier';

/**
 * Site settings at HQ in a real Chromium: the HQ admin opens a site's settings, is stopped at the field by
 * a negative limit (nothing reaches HQ's log), raises the large-payment limit and a deadline rule; the desk
 * syncs and its own settings page shows the new limit. The auditor reads the same values and cannot save.
 */
const desk = deskServerForThisFile();
let hq: TestHq;
test.beforeAll(async () => {
  hq = await startHqWithConsole();
});
test.afterAll(async () => {
  await hq?.close();
});

const AUDITOR = { login: 'sj', name: '审计赵', password: 'Auditor-2026x', role: 'auditor' as const };

const hqSettingsEvents = async () =>
  (
    await sql<{ changes: Record<string, unknown> }>`SELECT payload->'changes' AS changes FROM events
      WHERE device_id = 'hq' AND type = 'SiteSettingsChanged' ORDER BY device_seq`.execute(hq.db)
  ).rows.map((r) => r.changes);

async function readmeShot(page: Page, name: string) {
  await shot(page, name);
  copyFileSync(join(ARTIFACTS, `${name}.png`), join(import.meta.dirname, '../../docs/screenshots', `${name}.png`));
}

test('the HQ admin changes a limit and a deadline rule; bad input writes nothing; the desk has them after its sync', async ({
  page,
  browser,
}) => {
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await addConsoleUser(hq, { ...AUDITOR, siteIds: null });
  await setUpAndOpenShift(page, desk);
  await page.reload();
  await enrolOnSyncPage(page, hq, siteId);
  await expect(page.getByTestId('sync-status')).toContainText('已连接总部');

  const hqPage = await page.context().newPage();
  await signInConsole(hqPage, hq, consoleAdmin);
  await hqPage.goto(`${hq.url}/#/site/${siteId}/settings`);
  const limit = hqPage.getByTestId('largePaymentLimitFen');
  await expect(limit).toHaveValue('50000.00');
  await expect(hqPage.getByTestId('ticket-rules')).toContainText('轻微');

  // Bad input at machine speed: a negative limit, Enter — the desk's rule at the field, nothing written.
  await limit.fill('-100');
  await limit.press('Enter');
  await expect(hqPage.getByTestId('largePaymentLimitFen-error')).toHaveText('超出允许范围');
  const rules = hqPage.getByTestId('ticket-rules').locator('tbody tr');
  const minor = rules.filter({ hasText: '轻微' }).first();
  const minorDays = minor.locator('input').first();
  await minorDays.fill('-1');
  await hqPage.getByTestId('settings-save').click();
  await expect(minor.getByText('超出允许范围')).toBeVisible();
  // A period left empty is "required", not a sentence of the validator's.
  const mailDays = hqPage.getByTestId('mailReturnDays');
  await mailDays.fill('');
  await hqPage.getByTestId('settings-save').click();
  await expect(hqPage.getByTestId('mailReturnDays-error')).toHaveText('必填');
  expect(await hqSettingsEvents()).toEqual([]);
  await mailDays.fill('15');

  // At a person's speed: ¥8,000 typed key by key, minor complaints resolved within 3 days.
  await limit.fill('');
  await limit.pressSequentially('8000', { delay: 60 });
  await minorDays.fill('');
  await minorDays.pressSequentially('3', { delay: 60 });
  await hqPage.getByTestId('settings-save').click();
  await expect(hqPage.getByTestId('settings-saved')).toContainText('大额收款须再次确认的金额');
  await expect(hqPage.getByTestId('settings-saved')).toContainText('工单时限规则');
  await expect(limit).toHaveValue('8000.00');
  const written = await hqSettingsEvents();
  expect(written).toHaveLength(1);
  expect(Object.keys(written[0]!).sort()).toEqual(['largePaymentLimitFen', 'ticketRules']);
  expect(written[0]!.largePaymentLimitFen).toBe(800_000);
  await readmeShot(hqPage, 'console-settings');

  // The desk syncs: its own settings page shows the new limit, its rules the new span.
  await desk.api(page, 'sync:now', {});
  const s = (await desk.api(page, 'settings:get', {})) as ProcOutput<'settings:get'>;
  expect(s.largePaymentLimitFen).toBe(800_000);
  expect(s.ticketRules.find((r) => r.kind === 'complaint' && r.when === 'minor' && r.type === 'resolve')?.span.n).toBe(3);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-largePaymentLimit')).toHaveValue('8000.00');

  // The classifier: a problem added under the lift. A name its siblings already have is refused at its
  // input and nothing is written; a new one is saved and reaches the desk's intake.
  const places = classifierFor('mixed');
  const i = places.findIndex((p) => p.code === 'common');
  const j = places[i]!.categories.findIndex((c) => c.code === 'elevator');
  const k = places[i]!.categories[j]!.problems.length;
  await hqPage.getByTestId(`classifier-add-problem-${i}-${j}`).click();
  const problem = `classifier-problem-${i}-${j}-${k}`;
  await hqPage.getByTestId(`${problem}-zh`).fill('困人');
  await hqPage.getByTestId(`${problem}-en`).fill('Door fault');
  await hqPage.getByTestId('settings-save').click();
  await expect(hqPage.getByTestId(`${problem}-zh-error`)).toHaveText('同一层级已有此名称');
  expect(await hqSettingsEvents()).toHaveLength(1);
  await hqPage.getByTestId(`${problem}-zh`).fill('');
  await hqPage.getByTestId(`${problem}-zh`).pressSequentially('电梯门故障', { delay: 40 });
  await hqPage.getByTestId('settings-save').click();
  await expect(hqPage.getByTestId('settings-saved')).toContainText('工单分类');
  const afterClassifier = await hqSettingsEvents();
  expect(afterClassifier).toHaveLength(2);
  expect(Object.keys(afterClassifier[1]!)).toEqual(['classifier']);
  await desk.api(page, 'sync:now', {});
  const intake = (await desk.api(page, 'tickets:classifier', {})) as ProcOutput<'tickets:classifier'>;
  const lift = intake.places.find((p) => p.code === 'common')!.categories.find((c) => c.code === 'elevator')!;
  expect(lift.problems.map((p) => p.zh)).toContain('电梯门故障');

  // A desk's manager changes the mail return days while the admin's page still shows the old value: the
  // admin's change is kept, the page says a desk changed it too, and the site's conflicts show both.
  await desk.api(page, 'settings:update', { mailReturnDays: 20 });
  await desk.api(page, 'sync:now', {});
  await mailDays.fill('30');
  await hqPage.getByTestId('settings-save').click();
  await expect(hqPage.getByTestId('settings-raced')).toContainText('无人认领挂号邮件退件天数');
  await expect(mailDays).toHaveValue('30');
  await hqPage.goto(`${hq.url}/#/site/${siteId}/rejections`);
  await expect(hqPage.getByTestId('conflicts')).toContainText('无人认领挂号邮件退件天数');
  await desk.api(page, 'sync:now', {});
  expect(((await desk.api(page, 'settings:get', {})) as ProcOutput<'settings:get'>).mailReturnDays).toBe(30);

  // The auditor (a browser of their own: no shared session) reads HQ's values and has nothing to save.
  const auditorContext = await browser.newContext();
  const auditorPage = await auditorContext.newPage();
  await signInConsole(auditorPage, hq, AUDITOR);
  await auditorPage.goto(`${hq.url}/#/site/${siteId}/settings`);
  await expect(auditorPage.getByTestId('largePaymentLimitFen')).toHaveValue('8000.00');
  await expect(auditorPage.getByTestId('largePaymentLimitFen')).toBeDisabled();
  await expect(auditorPage.getByTestId('settings-save')).toHaveCount(0);
  await auditorContext.close();
});
