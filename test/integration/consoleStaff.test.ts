import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { ADMIN, SAMPLE_DIRECTORY_CSV, type TestDesk } from '../support/desk.js';
import { consoleClient, type ConsoleAnswer } from '../support/consoleClient.js';
import { createSite } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import type { ConsoleRole } from '../../hq/src/console/contract/define.js';
import { addStaff, failure } from './helpers.js';

/**
 * Issue 21 item 3 (staff, directory and charges) through the console's API as a browser calls it, with
 * real desks syncing: what HQ does to a site's staff reaches the desks, the held changes are decided, and
 * a bad import line writes nothing.
 */
const suite = hqSuite();

const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const signIn = (d: TestDesk, staffNo: string, pin: string) => d.call('auth:signIn', { staffNo, pin }, `s-${staffNo}`);
const deskStaff = (d: TestDesk, staffNo: string) =>
  d.backend.database.raw
    .prepare('SELECT role, active, must_change_pin AS mustChange FROM staff WHERE staff_no = ?')
    .get(staffNo) as { role: string; active: number; mustChange: number } | undefined;
const b64 = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');

async function signedIn(role: ConsoleRole, siteIds: string[] | null, login: string = role) {
  const password = `${login}-Pass-2026`;
  await createConsoleUser(suite.hq.db, { login, name: login, password, role, siteIds });
  const call = consoleClient(suite.hq);
  expect((await call('session.signIn', { login, password })).body.ok).toBe(true);
  return call;
}

const value = <T>(a: ConsoleAnswer): T => {
  if (!a.body.ok) throw new Error(`console call failed: ${JSON.stringify(a.body.error)}`);
  return a.body.value as T;
};
const counts = async () => {
  const db = suite.hq.db;
  const n = async (t: 'events' | 'hq_console_audit') =>
    Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { events: await n('events'), audit: await n('hq_console_audit') };
};

interface StaffList {
  staff: { staffId: string; staffNo: string; role: string; active: boolean; mustChangePin: boolean }[];
  held: { eventId: string; type: string; who: string; role: string | null }[];
}

describe('console: a site’s staff', () => {
  it('a receptionist disabled at HQ cannot sign in at either desk after sync; created, reset and promoted at HQ, they reach the desks', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await addStaff(a, 'receptionist', 'R001', '864209', '刘前台');
    await syncAll(clients);
    expect((await signIn(b, 'R001', '864209')).ok).toBe(true);

    const admin = await signedIn('admin', null);
    const list = async () => value<StaffList>(await admin('staff.list', { siteId }));
    expect((await list()).staff.map((s) => [s.staffNo, s.role, s.active])).toEqual([
      [ADMIN.staffNo, 'admin', true],
      ['R001', 'receptionist', true],
    ]);

    // Disabled at HQ: after their next sync, neither desk signs them in.
    expect(
      value<{ lines: string[] }>(await admin('staff.setActive', { siteId, staffNo: 'R001', active: false })).lines,
    ).toHaveLength(1);
    await syncAll(clients);
    for (const d of [a, b]) {
      const refused = failure(await signIn(d, 'R001', '864209'));
      expect(refused.message).toBe('err.staff.disabled');
    }
    expect((await list()).staff.find((s) => s.staffNo === 'R001')?.active).toBe(false);
    // Enabled again, they sign in again.
    value(await admin('staff.setActive', { siteId, staffNo: 'R001', active: true }));
    await syncAll(clients);
    expect((await signIn(b, 'R001', '864209')).ok).toBe(true);

    // The site's only admin cannot be disabled or demoted from HQ either: nothing written.
    const before = await counts();
    const lastAdmin = await admin('staff.setActive', { siteId, staffNo: ADMIN.staffNo, active: false });
    expect(lastAdmin.body.error).toMatchObject({ code: 'conflict', message: 'err.staff.lastAdmin' });
    const a001 = (await list()).staff.find((s) => s.staffNo === ADMIN.staffNo)!;
    const demote = await admin('staff.setRole', { siteId, staffId: a001.staffId, role: 'manager' });
    expect(demote.body.error?.issues).toEqual([{ path: 'role', message: 'err.staff.lastAdmin' }]);
    expect(await counts()).toEqual(before);

    // Created at HQ by the desk's PIN rules: a weak PIN, a taken number, are told at their fields, nothing written.
    const weak = await admin('staff.create', { siteId, staffNo: 'R002', name: '赵前台', role: 'receptionist', pin: '1234' });
    expect(weak.body.error?.issues).toEqual([{ path: 'pin', message: 'err.pin.weak' }]);
    const shortForRole = await admin('staff.create', { siteId, staffNo: 'M009', name: '钱经理', role: 'manager', pin: '8642' });
    expect(shortForRole.body.error?.issues).toEqual([{ path: 'pin', message: 'err.pin.shortForRole' }]);
    const taken = await admin('staff.create', { siteId, staffNo: 'R001', name: '又一个', role: 'receptionist', pin: '975319' });
    expect(taken.body.error?.issues).toEqual([{ path: 'staffNo', message: 'err.staffNo.taken' }]);
    expect(await counts()).toEqual(before);
    const { staffId: r002 } = value<{ staffId: string }>(
      await admin('staff.create', { siteId, staffNo: 'R002', name: '赵前台', role: 'receptionist', pin: '975319' }),
    );
    await syncAll(clients);
    // Its PIN was chosen at HQ: the person chooses their own at the first desk sign-in.
    const first = await signIn(b, 'R002', '975319');
    expect(first.ok && first.value.mustChangePin).toBe(true);
    await b.ok('auth:changePin', { currentPin: '975319', newPin: '531864' }, 's-R002');
    await syncAll(clients);
    expect((await list()).staff.find((s) => s.staffNo === 'R002')?.mustChangePin).toBe(false);

    // A PIN reset at HQ: must change at the next sign-in, at either desk; a weak one is refused first.
    const weakReset = await admin('staff.resetPin', { siteId, staffId: r002, pin: '0000' });
    expect(weakReset.body.error?.issues).toEqual([{ path: 'pin', message: 'err.pin.weak' }]);
    value(await admin('staff.resetPin', { siteId, staffId: r002, pin: '802461' }));
    await syncAll(clients);
    expect((await list()).staff.find((s) => s.staffNo === 'R002')?.mustChangePin).toBe(true);
    expect(failure(await signIn(a, 'R002', '531864')).code).toBe('wrong_pin');
    const afterReset = await signIn(a, 'R002', '802461');
    expect(afterReset.ok && afterReset.value.mustChangePin).toBe(true);

    // A new role from HQ reaches both desks.
    value(await admin('staff.setRole', { siteId, staffId: r002, role: 'shift_leader' }));
    await syncAll(clients);
    expect(deskStaff(a, 'R002')?.role).toBe('shift_leader');
    expect(deskStaff(b, 'R002')?.role).toBe('shift_leader');
    // No PIN hash in the clear at HQ, also for those set there.
    const { rows } = await sql<{ id: string }>`
      SELECT id FROM events WHERE type IN ('StaffCreated', 'StaffPinReset') AND payload->>'pinHash' LIKE 'scrypt$%'`.execute(
      suite.hq.db,
    );
    expect(rows).toEqual([]);
  });

  it('privileged changes held from a desk are confirmed (they reach the other desk) or refused with a reason (undone at their desk)', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await a.ok('staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '975310' });
    await a.ok('staff:create', { staffNo: 'A002', name: '孙管理', role: 'admin', pin: '864213' });
    await syncAll(clients);
    const admin = await signedIn('admin', null);
    // Desk B's own first admin (set up offline, a second A001) waits too.
    const { held } = value<StaffList>(await admin('staff.list', { siteId }));
    expect(held.map((h) => [h.type, h.who, h.role])).toEqual([
      ['StaffCreated', 'A001 王经理', 'admin'],
      ['StaffCreated', 'M001 陈经理', 'manager'],
      ['StaffCreated', 'A002 孙管理', 'admin'],
    ]);
    expect(deskStaff(b, 'M001')).toBeUndefined();

    held.shift();
    const noReason = await admin('staff.refuse', { siteId, eventId: held[1].eventId, reason: '  ' });
    expect(noReason.body.error?.issues?.[0]).toMatchObject({ path: 'reason', message: 'staff.err.reasonRequired' });
    value(await admin('staff.confirm', { siteId, eventId: held[0].eventId }));
    value(await admin('staff.refuse', { siteId, eventId: held[1].eventId, reason: '总部未批准增设管理员' }));
    // Decided once: a second decision finds nothing waiting.
    expect((await admin('staff.confirm', { siteId, eventId: held[1].eventId })).body.error?.code).toBe('not_found');
    await syncAll(clients);
    expect(deskStaff(b, 'M001')).toMatchObject({ role: 'manager', active: 1 });
    expect((await signIn(b, 'M001', '975310')).ok).toBe(true);
    expect(deskStaff(a, 'A002')?.active).toBe(0);
    expect(deskStaff(b, 'A002')).toBeUndefined();
    expect(value<StaffList>(await admin('staff.list', { siteId })).held.map((h) => h.who)).toEqual(['A001 王经理']);
  });

  it('role and scope: only the HQ admin acts; the auditor reads; a site outside the scope is refused; nothing written', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { backendClient: true });
    await a.ok('staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '975310' });
    await syncAll(clients);
    const other = await createSite(suite.hq.db, { code: 'XB', name: '西部园区', kind: 'mixed' });
    const auditor = await signedIn('auditor', null);
    const finance = await signedIn('finance', [siteId]);
    const service = await signedIn('service', null);
    const elsewhere = await signedIn('admin', [other], 'xbadmin');
    const admin = await signedIn('admin', null);
    const { staff, held } = value<StaffList>(await auditor('staff.list', { siteId }));
    const before = await counts();

    const disable = { siteId, staffNo: ADMIN.staffNo, active: false };
    for (const [call, code, message] of [
      [auditor, 'forbidden', 'console.err.roleForbidden'],
      [finance, 'forbidden', 'console.err.roleForbidden'],
      [service, 'forbidden', 'console.err.roleForbidden'],
      [elsewhere, 'forbidden', 'console.err.siteForbidden'],
    ] as const) {
      expect((await call('staff.setActive', disable)).body.error).toMatchObject({ code, message });
      expect((await call('staff.confirm', { siteId, eventId: held[0].eventId })).body.error).toMatchObject({ code });
      expect((await call('staff.resetPin', { siteId, staffId: staff[0].staffId, pin: '975317' })).body.error).toMatchObject({
        code,
      });
      expect(
        (await call('directory.importDirectory', { siteId, fileName: 'd.csv', contentBase64: b64([SAMPLE_DIRECTORY_CSV]) })).body
          .error,
      ).toMatchObject({ code });
    }
    expect((await finance('staff.list', { siteId })).body.error).toMatchObject({ code: 'forbidden' });
    expect((await elsewhere('staff.list', { siteId })).body.error).toMatchObject({ message: 'console.err.siteForbidden' });
    // An admin of another site cannot decide this site's held change by naming it under their own site.
    expect((await elsewhere('staff.confirm', { siteId: other, eventId: held[0].eventId })).body.error?.code).toBe('not_found');
    expect(
      (await service('directory.raiseCharge', { siteId, unitCode: '1-2-301', item: 'service', period: '2026-11', amount: '10' }))
        .body.error?.code,
    ).toBe('forbidden');
    // A site no desk has joined yet has no key to seal a PIN with: no staff is made there.
    const early = await admin('staff.create', {
      siteId: other,
      staffNo: 'R001',
      name: '孙前台',
      role: 'receptionist',
      pin: '975319',
    });
    expect(early.body.error).toMatchObject({ code: 'conflict', message: 'staff.err.noDeskYet' });
    expect(await counts()).toEqual(before);
    expect(value<StaffList>(await auditor('staff.list', { siteId })).held).toHaveLength(1);
  });
});

describe('console: directory and charges', () => {
  it('a bad directory line writes nothing and is named by line; the fixed file imports and reaches the desk; charges the same; a one-off charge once', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { siteId, clients } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    const admin = await signedIn('admin', null);
    const finance = await signedIn('finance', [siteId]);
    const [header, ...rows] = SAMPLE_DIRECTORY_CSV.split('\n');
    const before = await counts();

    const bad = await admin('directory.importDirectory', {
      siteId,
      fileName: '名录.csv',
      contentBase64: b64([header, rows[0], '1-2-302,1栋,-5,钱七,13800138001,业主,', rows[1], ',1栋,80,孙八,,业主,']),
    });
    expect(bad.body.error?.code).toBe('invalid_input');
    expect(bad.body.error?.issues).toEqual([
      { path: 'fileName', message: 'directory.err.rows' },
      { path: 'line.3.area', message: 'err.import.area' },
      { path: 'line.5.unit', message: 'err.import.unitRequired' },
    ]);
    const empty = await admin('directory.importDirectory', { siteId, fileName: '名录.csv', contentBase64: b64(['单元,姓名']) });
    expect(empty.body.error?.issues).toEqual([{ path: 'fileName', message: 'err.import.empty' }]);
    const huge = await admin('directory.importDirectory', {
      siteId,
      fileName: '名录.csv',
      contentBase64: 'A'.repeat(3 * 1024 * 1024),
    });
    expect(huge.body.error?.issues).toEqual([{ path: 'contentBase64', message: 'directory.err.tooLarge' }]);
    expect(await counts()).toEqual(before);

    expect(
      value(await admin('directory.importDirectory', { siteId, fileName: '名录.csv', contentBase64: b64([header, ...rows]) })),
    ).toEqual({
      units: 3,
      occupants: 4,
      created: 4,
    });
    await syncAll(clients);
    expect((await a.ok('directory:search', { q: '张三' })).map((h) => h.unitCode)).toEqual(['1-2-301']);
    const units = value<{ code: string }[]>(await finance('directory.units', { siteId }));
    expect(units.map((u) => u.code)).toEqual(['1-2-301', '2-1-1202', 'T-1801']);

    // Charges: a unit HQ does not know and a bad month, by line; nothing; then the fixed file.
    const chargesHeader = '单元,收费项目,月份,金额,空置,备注';
    const mid = await counts();
    const badCharges = await finance('directory.importCharges', {
      siteId,
      fileName: '应收.csv',
      contentBase64: b64([
        chargesHeader,
        '1-2-301,物业管理费,2026-11,,,',
        '9-9-999,物业管理费,2026-11,,,',
        'T-1801,便民服务费,2026-13,9000,,',
      ]),
    });
    expect(badCharges.body.error?.issues).toEqual([
      { path: 'fileName', message: 'directory.err.rows' },
      { path: 'line.3.unit', message: 'err.fee.unitNotFound' },
      { path: 'line.4.period', message: 'err.fee.period' },
    ]);
    expect(await counts()).toEqual(mid);
    const goodCharges = b64([chargesHeader, '1-2-301,物业管理费,2026-11,,,', 'T-1801,便民服务费,2026-11,9000,,会议室布置']);
    expect(
      value(await finance('directory.importCharges', { siteId, fileName: '应收.csv', contentBase64: goodCharges })),
    ).toMatchObject({
      charges: 2,
      units: 2,
    });
    // The same file again: every month is charged already, by line.
    const again = await finance('directory.importCharges', { siteId, fileName: '应收.csv', contentBase64: goodCharges });
    expect(again.body.error?.issues?.slice(1)).toEqual([
      { path: 'line.2.period', message: 'err.fee.alreadyCharged' },
      { path: 'line.3.period', message: 'err.fee.alreadyCharged' },
    ]);

    // A one-off charge: a bad amount at its field, then raised once however often it is sent.
    const requestId = crypto.randomUUID();
    const raise = {
      siteId,
      requestId,
      unitCode: '2-1-1202',
      item: 'service',
      period: '2026-11',
      amount: '12O.50',
      note: '疏通下水道',
    };
    expect((await finance('directory.raiseCharge', raise)).body.error?.issues).toEqual([
      { path: 'amount', message: 'err.fee.amount' },
    ]);
    const monthly = await finance('directory.raiseCharge', {
      ...raise,
      requestId: crypto.randomUUID(),
      unitCode: '1-2-301',
      item: 'property',
      amount: '',
    });
    expect(monthly.body.error?.issues).toEqual([{ path: 'period', message: 'err.fee.alreadyCharged' }]);
    const raised = value<{ amountFen: number }>(await finance('directory.raiseCharge', { ...raise, amount: '120.50' }));
    expect(raised.amountFen).toBe(12_050);
    value(await finance('directory.raiseCharge', { ...raise, amount: '120.50' }));
    await syncAll(clients);
    const [wang] = await a.ok('directory:search', { q: '王小明' });
    const account = await a.ok('fees:account', { unitId: wang.unitId });
    expect(account.charges.filter((c) => c.item === 'service').map((c) => c.amountFen)).toEqual([12_050]);
    // The audit keeps who imported what, never the file's content (it carries phones).
    const audit = await suite.hq.db
      .selectFrom('hq_console_audit')
      .select(['action', 'detail'])
      .where('action', '=', 'directory.importDirectory')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0].detail)).not.toContain('contentBase64');
  });
});
