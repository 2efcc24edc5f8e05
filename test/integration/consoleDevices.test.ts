import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { ADMIN, checkInInput, importSampleDirectory, TestClock, type TestDesk } from '../support/desk.js';
import { consoleClient } from '../support/consoleClient.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { runCli } from '../../hq/src/cli.js';
import { ENROLL_CODE_TTL_MS } from '../../hq/src/store/auth.js';
import { addStaff } from './helpers.js';

/**
 * A site's devices, rejections and conflicts through the console's API as a browser calls it: the HQ
 * admin enrols, replaces and revokes desks with the CLI's own functions; the other roles read; nobody
 * reaches another site's device, however the request is made.
 */
const clock = new TestClock(Date.now());
const suite = hqSuite({ clock: () => clock.now() });
const PASSWORD = 'Console-2026x';

async function signedIn(login: string, role: 'admin' | 'finance' | 'service' | 'auditor', siteIds: string[] | null) {
  await createConsoleUser(suite.hq.db, { login, name: `总部${login}`, password: PASSWORD, role, siteIds });
  const call = consoleClient(suite.hq);
  expect((await call('session.signIn', { login, password: PASSWORD })).body.ok).toBe(true);
  return call;
}

const value = <T>(a: { body: { ok: boolean; value?: unknown; error?: unknown } }) => {
  if (!a.body.ok) throw new Error(`console call failed: ${JSON.stringify(a.body.error)}`);
  return a.body.value as T;
};
type Device = { id: string; code: string; state: string; online: boolean; appVersion: string | null; waiting: number | null };
const auditLines = () =>
  suite.hq.db.selectFrom('hq_console_audit').select(['action', 'site_id', 'detail']).orderBy('id').execute();
const syncError = (d: TestDesk) =>
  d.backend.database.raw.prepare('SELECT last_error FROM sync_state').pluck().get() as string | null;

describe("console: a site's devices", () => {
  it('lists, enrols, replaces and revokes by role and scope; a revoked desk is refused at its next sync', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ setUp: false, clock });
    await b.ok('setup:complete', { siteName: '西部园区', siteCode: 'XB', siteKind: 'mixed', deviceCode: 'B1', admin: ADMIN });
    const {
      siteId: hy,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    const cb = syncClientFor(b);
    await cb.enroll(suite.hq.url, await issueEnrollCode(db, xb, 'B1'));
    await ca.syncNow();
    await cb.syncNow();

    const admin = await signedIn('root', 'admin', null);
    const adminHy = await signedIn('hyadmin', 'admin', [hy]);
    const auditor = await signedIn('audit', 'auditor', null);
    const finance = await signedIn('cw', 'finance', [hy]);

    // Everyone reads the site's devices: A1 active and online, as HQ heard from it.
    const [a1] = value<Device[]>(await auditor('devices.list', { siteId: hy }));
    expect(a1).toMatchObject({ code: 'A1', state: 'active', online: true });
    expect(value<Device[]>(await finance('devices.list', { siteId: hy })).map((d) => d.code)).toEqual(['A1']);
    const [b1] = value<Device[]>(await admin('devices.list', { siteId: xb }));

    // Scope: HY's admin neither sees XB's devices nor revokes B1, by XB's id or by a forged HY request.
    expect((await adminHy('devices.list', { siteId: xb })).body.error?.code).toBe('forbidden');
    expect((await adminHy('devices.revoke', { siteId: xb, deviceId: b1.id, reason: '试探' })).body.error?.code).toBe('forbidden');
    expect((await adminHy('devices.revoke', { siteId: hy, deviceId: b1.id, reason: '伪造' })).body.error?.code).toBe('not_found');
    // Two revokes of B1 at once through HY's page (a parallel request): neither passes.
    const both = await Promise.all([0, 1].map(() => adminHy('devices.revoke', { siteId: hy, deviceId: b1.id, reason: '并发' })));
    expect(both.map((r) => r.body.error?.code)).toEqual(['not_found', 'not_found']);
    // Roles: the auditor and finance read but never revoke.
    expect((await auditor('devices.revoke', { siteId: hy, deviceId: a1.id, reason: '审计' })).body.error?.code).toBe('forbidden');
    expect((await finance('devices.revoke', { siteId: hy, deviceId: a1.id, reason: '财务' })).body.error?.code).toBe('forbidden');
    expect((await finance('devices.issueCode', { siteId: hy, deviceCode: 'A2' })).body.error?.code).toBe('forbidden');
    // Bad input writes nothing: an empty reason is refused at its field.
    const empty = await adminHy('devices.revoke', { siteId: hy, deviceId: a1.id, reason: '   ' });
    expect(empty.body.error).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'reason', message: 'devices.err.required' }],
    });
    expect(value<Device[]>(await admin('devices.list', { siteId: xb }))[0].state).toBe('active');
    expect(value<Device[]>(await admin('devices.list', { siteId: hy }))[0].state).toBe('active');
    expect((await auditLines()).filter((l) => l.action.startsWith('devices.'))).toEqual([]);

    // An enrolment code: a desk code already a device's is refused at the field (a new PC gets a new code or a replacement).
    const taken = await adminHy('devices.issueCode', { siteId: hy, deviceCode: 'a1' });
    expect(taken.body.error?.issues).toEqual([{ path: 'deviceCode', message: 'devices.err.codeTaken' }]);
    const badCode = await adminHy('devices.issueCode', { siteId: hy, deviceCode: 'A-2!' });
    expect(badCode.body.error?.issues).toEqual([{ path: 'deviceCode', message: 'devices.err.deviceCode' }]);
    const issued = value<{ code: string; deviceCode: string; expiresAt: string }>(
      await adminHy('devices.issueCode', { siteId: hy, deviceCode: 'a2' }),
    );
    expect(issued.deviceCode).toBe('A2');
    expect(Math.abs(Date.parse(issued.expiresAt) - Date.now() - ENROLL_CODE_TTL_MS)).toBeLessThan(60_000);
    const a2 = await suite.openDesk({ deviceCode: 'A2', clock });
    const ca2 = syncClientFor(a2);
    await ca2.enroll(suite.hq.url, issued.code);
    await ca2.syncNow();
    expect(value<Device[]>(await auditor('devices.list', { siteId: hy })).map((d) => [d.code, d.state])).toEqual([
      ['A1', 'active'],
      ['A2', 'active'],
    ]);

    // Replace: a one-time code carrying A2's identity to another PC.
    const devices = value<Device[]>(await admin('devices.list', { siteId: hy }));
    const a2Row = devices.find((d) => d.code === 'A2')!;
    const repl = value<{ code: string; deviceCode: string }>(
      await adminHy('devices.replace', { siteId: hy, deviceId: a2Row.id }),
    );
    expect(repl.deviceCode).toBe('A2');
    const codeRow = await db.selectFrom('enroll_codes').selectAll().where('code', '=', repl.code).executeTakeFirstOrThrow();
    expect(codeRow).toMatchObject({ site_id: hy, device_code: 'A2', replaces: a2Row.id, used_at: null });
    expect((await adminHy('devices.replace', { siteId: hy, deviceId: b1.id })).body.error?.code).toBe('not_found');

    // Revoke A1 with a reason: audited with the reason; A1's next sync is refused, its new work stays at the desk.
    const revoked = value<{ revokedAt: string }>(
      await adminHy('devices.revoke', { siteId: hy, deviceId: a1.id, reason: '电脑被盗' }),
    );
    expect(Date.parse(revoked.revokedAt)).toBeGreaterThan(0);
    expect(value<Device[]>(await admin('devices.list', { siteId: hy })).find((d) => d.id === a1.id)).toMatchObject({
      state: 'revoked',
      online: false,
    });
    expect((await adminHy('devices.revoke', { siteId: hy, deviceId: a1.id, reason: '再次' })).body.error?.code).toBe('conflict');
    // A revoked desk is still replaced (its PC's secret was revoked): the code carries A1's identity.
    const again = value<{ code: string }>(await adminHy('devices.replace', { siteId: hy, deviceId: a1.id }));
    expect(await db.selectFrom('enroll_codes').select('replaces').where('code', '=', again.code).executeTakeFirst()).toEqual({
      replaces: a1.id,
    });
    await importSampleDirectory(a);
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect(syncError(a)).toMatch(/^revoked:/);
    const atHq = await db
      .selectFrom('events')
      .select('id')
      .where('site_id', '=', hy)
      .where('type', '=', 'VisitorCheckedIn')
      .execute();
    expect(atHq).toEqual([]);
    // B1 was never touched.
    expect(value<Device[]>(await admin('devices.list', { siteId: xb }))[0].state).toBe('active');
    const lines = (await auditLines()).filter((l) => l.action.startsWith('devices.'));
    expect(lines.map((l) => [l.action, l.site_id])).toEqual([
      ['devices.issueCode', hy],
      ['devices.replace', hy],
      ['devices.revoke', hy],
      ['devices.replace', hy],
    ]);
    expect(lines[2].detail).toMatchObject({ deviceId: a1.id, reason: '电脑被盗' });
  });
});

describe('console: an enrolment code expires', () => {
  it('a code older than ENROLL_CODE_TTL_MS is refused at enrolment and stays unused', async () => {
    const db = suite.hq.db;
    const hy = await createSite(db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const admin = await signedIn('root', 'admin', null);
    const { code } = value<{ code: string }>(await admin('devices.issueCode', { siteId: hy, deviceCode: 'A1' }));
    const created = new Date(Date.now() - ENROLL_CODE_TTL_MS - 60_000).toISOString();
    await db
      .updateTable('enroll_codes')
      .set({ created_at: created } as never)
      .where('code', '=', code)
      .execute();
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    await expect(syncClientFor(a).enroll(suite.hq.url, code)).rejects.toMatchObject({ code: 'code_invalid' });
    const row = await db
      .selectFrom('enroll_codes')
      .select(['used_at', 'used_by'])
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ used_at: null, used_by: null });
    expect(value<Device[]>(await admin('devices.list', { siteId: hy }))).toEqual([]);
  });
});

describe('console: rejections and conflicts of a site', () => {
  it('names the record as people know it, never the payload; a conflict is resolved with a note and clears at the desks', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    await importSampleDirectory(a);
    const nurse = await addStaff(a, 'receptionist', 'R002', '135790', '李娜');
    const { siteId: hy, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const syncAll = async () => {
      for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
    };
    await syncAll();
    // HQ disables 李娜 before A1 hears of it: her check-in is refused.
    await runCli(db, ['disable-staff', 'HY', 'R002'], () => {});
    clock.advance(1);
    const { visit: refused } = await a.ok('visits:checkIn', await checkInInput(a), nurse.session);
    // The same visitor checked out at both desks while apart: a conflict.
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await syncAll();
    await a.ok('visits:checkOut', { visitId: visit.id });
    await b.ok('visits:checkOut', { visitId: visit.id });
    await syncAll();

    const service = await signedIn('kf', 'service', [hy]);
    const auditor = await signedIn('audit', 'auditor', [hy]);
    const other = await createSite(db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    const xbOnly = await signedIn('xb', 'admin', [other]);

    const { total, rows: rejected } = value<{
      total: number;
      rows: { type: string; reason: string; identity: unknown; deskCode: string; resendable: boolean }[];
    }>(await auditor('devices.rejected', { siteId: hy }));
    expect(total).toBe(rejected.length);
    const checkIn = rejected.find((r) => r.type === 'VisitorCheckedIn')!;
    expect(checkIn).toMatchObject({
      reason: 'actor_disabled',
      deskCode: 'A1',
      resendable: true,
      identity: { kind: 'visit', label: `赵六 · ${refused.passNo}` },
    });
    expect(JSON.stringify(rejected)).not.toContain(refused.id);
    expect((await xbOnly('devices.rejected', { siteId: hy })).body.error?.code).toBe('forbidden');

    type Conflict = { id: string; kind: string; subject: string; sides: { deskCode: string }[] };
    const [c] = value<Conflict[]>(await auditor('devices.conflicts', { siteId: hy }));
    expect(c).toMatchObject({ kind: 'double_checkout', subject: `赵六 · ${visit.passNo}` });
    expect(c.sides.map((s) => s.deskCode).sort()).toEqual(['A1', 'A2']);
    expect((await xbOnly('devices.conflicts', { siteId: hy })).body.error?.code).toBe('forbidden');
    expect((await auditor('devices.resolveConflict', { siteId: hy, conflictId: c.id, note: '看' })).body.error?.code).toBe(
      'forbidden',
    );
    const noNote = await service('devices.resolveConflict', { siteId: hy, conflictId: c.id, note: '' });
    expect(noNote.body.error?.issues).toEqual([{ path: 'note', message: 'devices.err.required' }]);
    expect(value<Conflict[]>(await service('devices.conflicts', { siteId: hy }))).toHaveLength(1);
    expect(
      (await service('devices.resolveConflict', { siteId: hy, conflictId: 'double_checkout:x', note: '核对' })).body.error?.code,
    ).toBe('not_found');

    value(await service('devices.resolveConflict', { siteId: hy, conflictId: c.id, note: '以 A1 的扫码离场为准' }));
    expect(value<Conflict[]>(await service('devices.conflicts', { siteId: hy }))).toEqual([]);
    const all = value<(Conflict & { resolution: { note: string; byName: string } })[]>(
      await service('devices.conflicts', { siteId: hy, includeResolved: true }),
    );
    expect(all[0].resolution).toMatchObject({ note: '以 A1 的扫码离场为准', byName: '总部kf' });
    await syncAll();
    expect(await a.ok('conflicts:list', {})).toEqual([]);
    expect(await b.ok('conflicts:list', {})).toEqual([]);
  });
});
