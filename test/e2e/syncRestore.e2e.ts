import { expect, test } from './printRecorder';
import { startDeskServer, type DeskServer } from './deskServer';
import { setUpByFormAndOpenShift, shot } from './support';
import { startTestHq, type TestHq } from '../support/hq';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin';
import { runCli } from '../../hq/src/cli';
import { typedFingerprint } from '../../shared/sync/fingerprint';
import { restoreHqBackup, takeHqBackup } from '../faults/hqBackup';

let desk: DeskServer;
let hq: TestHq;
test.beforeAll(async () => {
  [desk, hq] = await Promise.all([startDeskServer(), startTestHq({ tls: true })]);
});
test.afterAll(async () => {
  await desk.close();
  await hq.close();
});

test('HQ restored from a backup older than this desk: the sync page says HQ does not know it; readmitted, its records drain', async ({
  page,
}) => {
  await setUpByFormAndOpenShift(page, desk);

  // HQ's backup is taken before this desk enrols.
  const siteId = await createSite(hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
  await takeHqBackup(hq.db);
  await page.getByRole('menuitem', { name: '总部同步' }).click();
  await page.getByTestId('hq-url').fill(hq.url);
  await page.getByTestId('enroll-code').fill(await issueEnrollCode(hq.db, siteId, 'A1'));
  await page.getByTestId('enroll-fingerprint').fill(typedFingerprint(hq.tls!.fingerprint));
  await page.getByTestId('enroll-submit').click();
  const waiting = page.getByTestId('sync-waiting');
  await expect(waiting).toHaveText('待同步 0 条');

  // HQ is restored from that backup: it no longer knows the desk, and holds none of its records.
  await restoreHqBackup(hq.db);
  await page.getByTestId('sync-now-page').click();
  await expect(page.getByTestId('sync-last-error')).toHaveText('总部不认识这台前台：总部可能已从备份恢复');
  await shot(page, 'i15-unknown-desk');
  await expect(waiting).not.toHaveText('待同步 0 条');

  // HQ's admin readmits it with one command; the next sync sends every record again.
  const said: string[] = [];
  expect(await runCli(hq.db, ['readmit', 'HY', 'A1'], (l) => said.push(l)), said.join('\n')).toBe(0);
  await page.getByTestId('sync-now-page').click();
  await expect(waiting).toHaveText('待同步 0 条');
  await expect(page.getByTestId('sync-last-error')).toHaveCount(0);
  const atHq = await hq.db.selectFrom('events').select('device_seq').where('device_id', '<>', 'hq').execute();
  expect(atHq.length).toBeGreaterThan(0);
});
