import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './printRecorder';
import { ADMIN, deskServerForThisFile, setUpAndOpenShift, shot } from './support';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';

const desk = deskServerForThisFile();

test('an admin saves 导出诊断包 from 设置: a zip of logs, status, versions and settings without the day’s visitor; a manager is refused', async ({
  page,
}) => {
  await setUpAndOpenShift(page, desk);
  const [host] = await desk.api(page, 'directory:search', { q: '张三' });
  const { visit } = await desk.api(page, 'visits:checkIn', {
    requestId: crypto.randomUUID(),
    visitor: { name: '赵六', phone: '13700137000', idType: 'resident_id', idNumber: '11010519491231002X' },
    partySize: 1,
    hostOccupantId: host.occupantId,
    purpose: '拜访',
    plate: '沪A12345',
    expectedMinutes: 120,
  });
  await desk.api(page, 'print:request', { jobId: crypto.randomUUID(), docType: 'visitor_pass', docId: visit.id, layout: 'a6' });
  await desk.api(page, 'staff:create', { staffNo: 'M001', name: '马经理', role: 'manager', pin: '472915' });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('diagnostics')).toContainText('导出诊断包');
  const download = page.waitForEvent('download');
  await page.getByTestId('diagnostics-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^lobbydesk-diagnostics-HY-A1-\d{8}-\d{6}\.zip$/);
  await expect(page.getByText(`诊断包已保存：${file.suggestedFilename()}`)).toBeVisible();
  await shot(page, 'diagnostics-exported');

  const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-diag-e2e-'));
  await file.saveAs(join(dir, 'p.zip'));
  execFileSync('unzip', ['-q', 'p.zip', '-d', 'out'], { cwd: dir });
  const names = execFileSync('zipinfo', ['-1', 'p.zip'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
  expect(names).toEqual(expect.arrayContaining(['versions.json', 'sync-status.json', 'health.json', 'settings.json']));
  const logs = names.filter((n) => n.startsWith('logs/'));
  expect(logs.length).toBeGreaterThan(0);
  const log = logs.map((n) => readFileSync(join(dir, 'out', n), 'utf8')).join('');
  expect(log).toContain('"event":"desk.start"');
  expect(log).toContain('"event":"print.queued"');
  const everything = names.map((n) => readFileSync(join(dir, 'out', n), 'utf8')).join('\n');
  for (const p of ['赵六', '13700137000', '11010519491231002X', '沪A12345', '张三', '马经理', ADMIN.name])
    expect(everything, p).not.toContain(p);
  expect(everything).not.toContain(readFileSync(join(desk.dataDir, 'id-key'), 'utf8').trim() || 'no key file');

  // A manager is refused by the backend, not only by the hidden button.
  const manager = await playwrightRequest.newContext({ baseURL: desk.url });
  await manager.post('api/auth:signIn', { data: { staffNo: 'M001', pin: '472915' } });
  const refused = await (await manager.post('api/diagnostics:export', { data: {} })).json();
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await manager.dispose();
});

test('a desk server on a data folder from a newer desk stops with one clear line, exit code 3, and the line in its log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lobbydesk-e2e-newer-'));
  const db = new BetterSqlite3(join(dataDir, 'lobbydesk.sqlite'));
  db.pragma('user_version = 999');
  db.close();
  const run = spawnSync(process.execPath, ['dist/electron/serve.cjs'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...process.env, LOBBYDESK_DATA_DIR: dataDir, LOBBYDESK_PORT: '0' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.status).toBe(3);
  expect(run.stderr.trim()).toBe(
    'LobbyDesk could not start: This data folder was written by a newer LobbyDesk (schema 999, this build knows ' +
      `${SCHEMA_VERSION}). Install the newer version; the data was not touched.`,
  );
  const logs = join(dataDir, 'logs');
  const line = JSON.parse(
    readFileSync(join(logs, readdirSync(logs)[0]), 'utf8')
      .trim()
      .split('\n')
      .pop()!,
  );
  expect(line).toMatchObject({ level: 'error', event: 'desk.startFailed', exitCode: 3 });
});
