import { readFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { hashPin } from '../../electron/api/pin.js';
import { runCli } from '../../hq/src/cli.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { decodeHlc, encodeHlc } from '../../shared/domain/hlc.js';
import { ADMIN, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';

/**
 * Privileged staff changes from a desk wait at HQ for an HQ administrator (issue 14): a stolen device
 * credential cannot make an admin or take over the admin's PIN at the other desks. Real HQ on embedded
 * PostgreSQL, real desk backends; HQ's admin commands through the CLI as an administrator types them.
 */
const suite = hqSuite();
const cli = async (...args: string[]) => {
  const lines: string[] = [];
  const code = await runCli(suite.hq.db, args, (l) => lines.push(l));
  return { code, lines };
};
const deviceId = (d: TestDesk) => d.backend.database.raw.prepare('SELECT device_id FROM sync_state').pluck().get() as string;
const signIn = (d: TestDesk, staffNo: string, pin: string) => d.call('auth:signIn', { staffNo, pin }, `s-${uuidv7()}`);
const refusal = async (d: TestDesk, staffNo: string, pin: string) => {
  const r = await signIn(d, staffNo, pin);
  return r.ok ? 'signed in' : r.error.message;
};
const statusAtHq = async (eventId: string) =>
  (await suite.hq.db.selectFrom('events').select(['status', 'reject_reason']).where('id', '=', eventId).execute())[0];
const rejectionsAt = async (d: TestDesk) => d.ok('sync:rejections');

/** Desk A1 set up on its own (the site's first admin) and desk A2 set up from HQ: A2 knows A1's staff. */
async function siteOfTwo() {
  const a = await suite.openDesk({ deviceCode: 'A1' });
  await a.ok('staff:create', { staffNo: 'R001', name: '小李', role: 'receptionist', pin: '135790' });
  const { siteId, clients } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { backendClient: true });
  await clients[0].syncNow();
  const b = await suite.openDesk({ setUp: false });
  await b.ok('setup:fromHq', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, 'A2') }, 'x');
  const sync = async () => {
    for (let round = 0; round < 2; round++) for (const d of [a, b]) await d.backend.services.sync.syncNow();
  };
  return { a, b, siteId, sync };
}

describe('privileged staff changes wait for HQ', () => {
  it("a stolen device credential pushes an admin, the admin's new PIN, a promotion and another's PIN: none reaches the other desk; refused never, confirmed after its next pull", async () => {
    const { a, b, sync } = await siteOfTwo();
    expect(await refusal(b, ADMIN.staffNo, ADMIN.pin)).toBe('signed in');
    const adminId = a.backend.database.raw
      .prepare('SELECT id FROM staff WHERE staff_no = ?')
      .pluck()
      .get(ADMIN.staffNo) as string;

    // The attacker has desk A1's secret and speaks HQ's protocol directly; the actor of the PIN change
    // is forged as the admin themself.
    const me = deviceId(a);
    const seq = (await suite.hq.db.selectFrom('devices').select('last_seq').where('id', '=', me).executeTakeFirstOrThrow())
      .last_seq;
    const last = decodeHlc(a.backend.database.raw.prepare('SELECT max(hlc) FROM events').pluck().get() as string);
    const ev = (n: number, type: string, actor: string, payload: unknown) => ({
      id: uuidv7(),
      deviceId: me,
      deviceSeq: Number(seq) + n,
      hlc: encodeHlc({ wallMs: last.wallMs + 60_000 * n, counter: 0, node: me }),
      type,
      v: 1,
      actor,
      siteId: a.backend.database.raw.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string,
      payload,
      recordedAt: new Date().toISOString(),
    });
    const rogue = ev(1, 'StaffCreated', adminId, {
      staffId: uuidv7(),
      staffNo: 'X99',
      name: '黑客',
      role: 'admin',
      pinHash: await hashPin('909090'),
    });
    const takeover = ev(2, 'StaffPinChanged', adminId, { staffId: adminId, pinHash: await hashPin('111222') });
    const r001 = a.backend.database.raw.prepare("SELECT id FROM staff WHERE staff_no = 'R001'").pluck().get() as string;
    const promote = ev(3, 'StaffUpdated', adminId, { staffId: r001, name: '小李', role: 'admin' });
    // Another person's PIN by an admin is a reset (a "change" of it is refused outright as a forged actor).
    const otherPin = ev(4, 'StaffPinReset', adminId, { staffId: r001, pinHash: await hashPin('333444') });
    const attacks = [rogue, takeover, promote, otherPin];
    const res = await fetch(`${suite.hq.url}/sync/push`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-device-id': me,
        authorization: `Bearer ${readFileSync(`${a.dataDir}/hq-secret`, 'utf8')}`,
      },
      body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, sentAt: new Date().toISOString(), events: attacks }),
    });
    const body = (await res.json()) as { ackedSeq: number; rejections: { eventId: string; reason: string }[] };
    // Acknowledged (the queue never blocks), and both held.
    expect(body.ackedSeq).toBe(Number(seq) + attacks.length);
    expect(body.rejections.map((r) => [r.eventId, r.reason])).toEqual(attacks.map((x) => [x.id, 'held_for_hq']));

    await b.backend.services.sync.syncNow();
    expect(await refusal(b, 'X99', '909090')).toBe('err.pin.wrong');
    expect(await refusal(b, ADMIN.staffNo, '111222')).toBe('err.pin.wrong');
    expect(await refusal(b, ADMIN.staffNo, ADMIN.pin)).toBe('signed in');
    expect(await refusal(b, 'R001', '333444')).toBe('err.pin.wrong');
    const asR001 = await signIn(b, 'R001', '135790');
    expect(asR001.ok ? asR001.value.staff.role : asR001.error).toBe('receptionist');

    const pending = await cli('pending', 'HY');
    expect(pending.lines[0]).toBe('4 change(s) wait for confirmation at HY');
    expect(pending.lines[1]).toContain(`${rogue.id}\tA1#${rogue.deviceSeq}\tStaffCreated\tX99 黑客 as admin`);
    expect(pending.lines[2]).toContain(
      `${takeover.id}\tA1#${takeover.deviceSeq}\tStaffPinChanged\tA001 王经理\tby A001 王经理\tchanges an admin's PIN`,
    );

    // One person's changes are decided in their order.
    expect((await cli('confirm', otherPin.id)).lines).toEqual([
      `Confirm or refuse ${promote.id} (StaffUpdated) first: it changes the same person earlier.`,
    ]);
    for (const x of [promote, otherPin]) expect((await cli('refuse', x.id, '伪造')).code).toBe(0);
    const refused = await cli('refuse', rogue.id, '不认识此人');
    expect(refused).toEqual({ code: 0, lines: [expect.stringMatching(new RegExp(`^refused ${rogue.id}: StaffCreated`))] });
    expect(await statusAtHq(rogue.id)).toEqual({ status: 'rejected', reject_reason: 'refused_at_hq' });
    expect((await cli('refuse', rogue.id, 'again')).lines[0]).toMatch(/already confirmed or refused/);
    expect((await cli('rejected', 'HY')).lines.join('\n')).toContain(`StaffCreated\trefused_at_hq\t不认识此人`);

    // The PIN change is (in this test) what the admin really did: confirmed, it arrives at the next pull
    // although desk A2's cursor passed the place it was pushed at long ago.
    expect((await cli('confirm', takeover.id)).lines[0]).toMatch(new RegExp(`^confirmed ${takeover.id}: StaffPinChanged`));
    expect(await statusAtHq(takeover.id)).toEqual({ status: 'ok', reject_reason: null });
    await b.backend.services.sync.syncNow();
    expect(await refusal(b, ADMIN.staffNo, '111222')).toBe('signed in');
    expect(await refusal(b, ADMIN.staffNo, ADMIN.pin)).toBe('err.pin.wrong');
    expect(await refusal(b, 'X99', '909090')).toBe('err.pin.wrong');
    expect(await refusal(b, 'R001', '333444')).toBe('err.pin.wrong');
    const stillR001 = await signIn(b, 'R001', '135790');
    expect(stillR001.ok ? stillR001.value.staff.role : stillR001.error).toBe('receptionist');
    expect((await cli('pending', 'HY')).lines).toEqual(['0 change(s) wait for confirmation at HY']);
    await sync();
    expect(await refusal(b, 'X99', '909090')).toBe('err.pin.wrong');
  });

  it('a manager made at a desk is held, listed on that desk, and signs in at the other desk once confirmed; a refused PIN reset is undone at its own desk', async () => {
    const { a, b, sync } = await siteOfTwo();
    const m = await a.ok('staff:create', { staffNo: 'M001', name: '陈经理', role: 'manager', pin: '975310' });
    await sync();
    expect(await refusal(b, 'M001', '975310')).toBe('err.pin.wrong');
    expect(await refusal(a, 'M001', '975310')).toBe('signed in');
    const held = (await rejectionsAt(a)).find((r) => r.type === 'StaffCreated');
    expect(held).toMatchObject({ reason: 'held_for_hq', detail: expect.stringContaining('creates a manager') });

    const pending = await cli('pending', 'HY');
    expect(pending.lines[0]).toBe('1 change(s) wait for confirmation at HY');
    const createdId = pending.lines[1].split('\t')[0];
    expect(createdId).toBe(held!.eventId);
    // Two administrators decide it in the same moment: it is decided once.
    const both = await Promise.all([cli('confirm', createdId), cli('confirm', createdId)]);
    expect(both.map((x) => x.code).sort()).toEqual([0, 1]);
    expect(both.find((x) => x.code === 1)!.lines[0]).toMatch(/already confirmed or refused/);
    const served = await suite.hq.db.selectFrom('events').select('site_version').where('id', '=', createdId).execute();
    expect(served).toHaveLength(1);
    await sync();
    expect(await refusal(b, 'M001', '975310')).toBe('signed in');
    // Confirmed: no longer listed at the desk that made it.
    expect((await rejectionsAt(a)).filter((r) => r.eventId === createdId)).toEqual([]);

    // A PIN reset for someone else: held, then refused at HQ. Desk A1 shows why, and takes the PIN back.
    const r = a.backend.database.raw.prepare("SELECT id FROM staff WHERE staff_no = 'R001'").pluck().get() as string;
    await a.ok('staff:resetPin', { staffId: r, pin: '864200' });
    expect(await refusal(a, 'R001', '864200')).toBe('signed in');
    await sync();
    expect(await refusal(b, 'R001', '864200')).toBe('err.pin.wrong');
    const resetId = (await cli('pending', 'HY')).lines[1].split('\t')[0];
    expect((await cli('refuse', resetId, '未经总部同意')).code).toBe(0);
    await sync();
    expect((await rejectionsAt(a)).find((x) => x.eventId === resetId)).toMatchObject({
      type: 'StaffPinReset',
      reason: 'refused_at_hq',
      detail: 'refused at HQ: 未经总部同意',
    });
    for (const d of [a, b]) {
      expect(await refusal(d, 'R001', '864200')).toBe('err.pin.wrong');
      expect(await refusal(d, 'R001', '135790')).toBe('signed in');
    }
    expect(m.staffNo).toBe('M001');
  });

  it("the first admin of a new site's first desk is accepted once: two desks racing for it, one waits; a desk's own later one waits too", async () => {
    const siteId = await createSite(suite.hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    // Two new PCs join the empty site from HQ at the same time; each asks for a first administrator.
    const fresh = [await suite.openDesk({ setUp: false }), await suite.openDesk({ setUp: false })];
    for (const [i, d] of fresh.entries())
      await d.ok('setup:fromHq', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, `A${i + 1}`) }, 'x');
    for (const d of fresh) await d.ok('setup:firstAdmin', { admin: ADMIN }, 'x');
    await Promise.all(fresh.map((d) => d.backend.services.sync.syncNow()));
    const created = async () =>
      (
        await suite.hq.db
          .selectFrom('events')
          .select('status')
          .where('site_id', '=', siteId)
          .where('type', '=', 'StaffCreated')
          .execute()
      )
        .map((e) => e.status)
        .sort();
    expect(await created()).toEqual(['held', 'ok']);

    // A desk set up on its own with its own "first admin", then enrolled into the same site: held.
    const own = await suite.openDesk({ deviceCode: 'A3' });
    await own.backend.services.sync.enroll(suite.hq.url, await issueEnrollCode(suite.hq.db, siteId, 'A3'));
    await own.backend.services.sync.syncNow();
    expect(await created()).toEqual(['held', 'held', 'ok']);
    const pending = (await cli('pending', 'HY')).lines;
    expect(pending[0]).toBe('2 change(s) wait for confirmation at HY');
    // Listed in the order the changes were made (HLC): the offline desk's admin may come first.
    expect(pending.slice(1)).toContainEqual(
      expect.stringMatching(/\tA3#\d+\tStaffCreated\tA001 王经理 as admin\tby .+\tcreates an admin/),
    );
  });
});

describe('staff disabled and enabled at HQ', () => {
  it('disabled at HQ: refused at every desk after its next sync; enabled again: back in; the last admin is kept', async () => {
    const { a, b, sync } = await siteOfTwo();
    expect(await refusal(b, 'R001', '135790')).toBe('signed in');
    const out = await cli('disable-staff', 'HY', 'R001');
    expect(out.code).toBe(0);
    expect(out.lines[0]).toMatch(/^disabled R001 小李 \(receptionist, .+\): every desk of HY applies it at its next sync$/);
    await sync();
    for (const d of [a, b]) expect(await refusal(d, 'R001', '135790')).toBe('err.staff.disabled');
    expect((await cli('disable-staff', 'HY', 'R001')).lines).toEqual(['R001 小李 is already disabled']);

    expect((await cli('enable-staff', 'HY', 'R001')).code).toBe(0);
    await sync();
    for (const d of [a, b]) expect(await refusal(d, 'R001', '135790')).toBe('signed in');

    const last = await cli('disable-staff', 'HY', ADMIN.staffNo);
    expect(last).toEqual({
      code: 1,
      lines: [`${ADMIN.staffNo} ${ADMIN.name} is the last active admin of HY: nothing changed. Make another admin active first.`],
    });
    expect((await cli('disable-staff', 'HY', 'Z404')).lines).toEqual([
      'No staff number Z404 at site HY in the events HQ accepted.',
    ]);
    await sync();
    expect(await refusal(b, ADMIN.staffNo, ADMIN.pin)).toBe('signed in');

    // Two admins, each disabled at HQ in the same moment: one stays.
    await a.ok('staff:create', { staffNo: 'A002', name: '赵主任', role: 'admin', pin: '802468' });
    await sync();
    const held = (await cli('pending', 'HY')).lines[1].split('\t')[0];
    expect((await cli('confirm', held)).code).toBe(0);
    const both = await Promise.all([cli('disable-staff', 'HY', ADMIN.staffNo), cli('disable-staff', 'HY', 'A002')]);
    expect(both.map((x) => x.code).sort()).toEqual([0, 1]);
    expect(both.find((x) => x.code === 1)!.lines[0]).toMatch(/is the last active admin of HY: nothing changed/);
    await sync();
    const open = await Promise.all([signIn(b, ADMIN.staffNo, ADMIN.pin), signIn(b, 'A002', '802468')]);
    expect(open.filter((x) => x.ok)).toHaveLength(1);
  });
});
