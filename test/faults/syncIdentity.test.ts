import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createSite, issueEnrollCode, issueReplacementCode, revokeDevice } from '../../hq/src/store/admin.js';
import { runCli } from '../../hq/src/cli.js';
import { pull } from '../../hq/src/store/pull.js';
import { push } from '../../hq/src/store/push.js';
import { outbox } from '../../electron/sync/state.js';
import { SCHEMA_VERSION } from '../../db/migrations/index.js';
import { ADMIN, checkInInput, importSampleDirectory, type TestDesk } from '../support/desk.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { expectFieldError } from '../integration/helpers.js';

/**
 * Issue 14, first section: HQ assigns device identities. Each attack that worked against the old
 * enrolment is tried against a real HQ and must be refused with its reason while the attacked desk
 * keeps syncing; a replacement keeps every acknowledged event.
 */
const suite = hqSuite();
const attacks: Array<{ name: string; refused: boolean }> = [];
afterAll(() => {
  const refused = attacks.filter((a) => a.refused).length;
  console.log(`enrolment attacks: tried ${attacks.length}, refused ${refused}, unsafe ${attacks.length - refused}`);
});

/** An enrolment request as a script would send it, with any desk identity it likes. */
async function rawEnroll(code: string, desk: object | null) {
  const res = await fetch(`${suite.hq.url}/sync/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, code, desk }),
  });
  return { status: res.status, body: (await res.json()) as { error?: string; deviceId?: string } };
}
async function attack(name: string, code: string, desk: object | null, expected: string) {
  const r = await rawEnroll(code, desk);
  attacks.push({ name, refused: r.status >= 400 && r.body.error === expected });
  expect(r.body.error, name).toBe(expected);
}

const deviceOf = (d: TestDesk) => d.backend.database.raw.prepare('SELECT device_id FROM sync_state').pluck().get() as string;
const siteOf = (d: TestDesk) =>
  d.backend.database.raw.prepare("SELECT value FROM meta WHERE key = 'site_id'").pluck().get() as string;
/** The desk's own events in seq order, as the desk holds them. */
const ownEvents = (d: TestDesk) =>
  d.backend.database.raw
    .prepare('SELECT id, device_seq AS seq FROM events WHERE device_id = (SELECT device_id FROM sync_state) ORDER BY device_seq')
    .all() as Array<{ id: string; seq: number }>;
/** What HQ stored from these devices, in the order it stored them. */
async function atHq(deviceIds: string[]) {
  const rows = await suite.hq.db
    .selectFrom('events')
    .select(['id', 'device_seq', 'status'])
    .where('device_id', 'in', deviceIds)
    .orderBy('site_version')
    .execute();
  return rows.map((r) => ({ id: r.id, seq: Number(r.device_seq), status: r.status }));
}
const device = (id: string) => suite.hq.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function checkIns(d: TestDesk, n: number) {
  for (let i = 0; i < n; i++) await d.ok('visits:checkIn', await checkInInput(d));
}

describe('HQ assigns device identities', () => {
  it('a desk set up offline enrolls later: it gets a new HQ id, its numbering continues and every event reaches HQ', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    const before = await a.ok('visits:checkIn', await checkInInput(a));
    const selfMadeSite = siteOf(a);
    const localDevice = a.backend.database.raw.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string;
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    // A desk from before HQ-assigned ids (no lastSeq) would go on writing under its own id: told to update.
    const legacy = await rawEnroll(await issueEnrollCode(suite.hq.db, siteId, 'A2'), {
      siteId: uuidv7(),
      deviceId: uuidv7(),
      siteCode: 'HY',
      deviceCode: 'A2',
    });
    expect([legacy.status, legacy.body.error]).toEqual([426, 'upgrade_required']);
    const hqDevice = deviceOf(a);
    expect(hqDevice).not.toBe(localDevice);
    expect(siteOf(a)).toBe(siteId);
    expect(selfMadeSite).not.toBe(siteId);
    // Nothing is left under the desk's self-made ids, and the desk goes on working (its open shift moved too).
    expect(a.count(`events WHERE device_id = '${localDevice}' OR site_id = '${selfMadeSite}'`)).toBe(0);
    const after = await a.ok('visits:checkIn', await checkInInput(a));
    expect(after.visit.passNo.replace(/\d+$/, '')).toBe(before.visit.passNo.replace(/\d+$/, ''));
    expect(Number(after.visit.passNo.slice(-4))).toBe(Number(before.visit.passNo.slice(-4)) + 1);
    await ca.syncNow();
    expect((await ca.status()).waiting).toBe(0);
    const stored = await atHq([hqDevice]);
    expect(stored.map((e) => e.id)).toEqual(ownEvents(a).map((e) => e.id));
    expect(stored.every((e) => e.status === 'ok')).toBe(true);
    // No alias was needed, and none was made.
    expect(await suite.hq.db.selectFrom('site_aliases').selectAll().execute()).toEqual([]);
  });

  it('desk work in the same instant as the enrolment succeeds and lands under the HQ id, none is left under the old one', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    const inputs = await Promise.all([1, 2, 3].map(() => checkInInput(a)));
    const localDevice = a.backend.database.raw.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string;
    const siteId = await createSite(suite.hq.db, { code: 'HY', name: '华远大厦', kind: 'mixed' });
    const ca = syncClientFor(a);
    // Check-ins and a new colleague arrive while the enrolment's transaction is open.
    const record = ca.recordEnrollment.bind(ca);
    const racing: Array<Promise<{ ok: boolean }>> = [];
    ca.recordEnrollment = async (trx, url, res) => {
      racing.push(...inputs.map((i) => a.call('visits:checkIn', i)));
      racing.push(a.call('staff:create', { staffNo: 'R009', name: '小周', role: 'receptionist', pin: '135791' }));
      await new Promise((r) => setImmediate(r));
      return record(trx, url, res);
    };
    await ca.enroll(suite.hq.url, await issueEnrollCode(suite.hq.db, siteId, 'A1'));
    expect((await Promise.all(racing)).map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(a.count(`events WHERE device_id = '${localDevice}'`)).toBe(0);
    await ca.syncNow();
    expect((await ca.status()).waiting).toBe(0);
    expect((await atHq([deviceOf(a)])).map((e) => e.id)).toEqual(ownEvents(a).map((e) => e.id));
    expect(a.count('visits')).toBe(3);
  });

  it('a code never re-keys a live device: the attempts are refused and the live desk keeps syncing with its secret', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    await ca.syncNow();
    const live = deviceOf(a);
    const secretHash = (await device(live)).secret_hash;
    const ident = { siteId, deviceId: live, siteCode: 'HY', lastSeq: 999 };
    await attack(
      're-key A1 with a code for A3',
      await issueEnrollCode(suite.hq.db, siteId, 'A3'),
      { ...ident, deviceCode: 'A3' },
      'device_known',
    );
    await attack(
      're-key A1 with a code for A1',
      await issueEnrollCode(suite.hq.db, siteId, 'A1'),
      { ...ident, deviceCode: 'A1' },
      'device_known',
    );
    await attack(
      'second device under desk code A1',
      await issueEnrollCode(suite.hq.db, siteId, 'A1'),
      { ...ident, deviceId: uuidv7(), deviceCode: 'A1' },
      'device_code_taken',
    );
    await attack('a fresh PC as desk A1', await issueEnrollCode(suite.hq.db, siteId, 'A1'), null, 'device_code_taken');
    expect((await device(live)).secret_hash).toBe(secretHash);
    expect((await device(live)).revoked_at).toBeNull();
    // The live desk is not locked out: its next check-in reaches HQ.
    await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect((await ca.status()).lastError).toBeNull();
    expect((await atHq([live])).map((e) => e.id)).toEqual(ownEvents(a).map((e) => e.id));
    // The refused codes are still unused: a refusal writes nothing.
    expect(await suite.hq.db.selectFrom('devices').select('id').execute()).toEqual([{ id: live }]);
  });

  it('a revoked device never comes back: no code lifts the revocation, its desk is refused at the code field', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    await ca.syncNow();
    const revoked = deviceOf(a);
    await revokeDevice(suite.hq.db, revoked);
    const secret = readFileSync(join(a.dataDir, 'hq-secret'), 'utf8');
    const ident = { siteId, deviceId: revoked, siteCode: 'HY', deviceCode: 'A1', lastSeq: 999 };
    await attack('revoked A1 with a new code for A1', await issueEnrollCode(suite.hq.db, siteId, 'A1'), ident, 'device_known');
    await attack(
      'revoked A1 with a code for A4',
      await issueEnrollCode(suite.hq.db, siteId, 'A4'),
      { ...ident, deviceCode: 'A4' },
      'device_known',
    );
    // As the desk's own sync page does it: refused at the code field, translated.
    expectFieldError(
      await a.call('sync:enroll', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, 'A1') }),
      'code',
      'err.sync.deviceKnown',
    );
    expect((await device(revoked)).revoked_at).not.toBeNull();
    // Even the replacement of that desk leaves the old id revoked: the old secret stays refused.
    await syncClientFor(a).enroll(suite.hq.url, await issueReplacementCode(suite.hq.db, siteId, 'A1'));
    const res = await fetch(`${suite.hq.url}/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-id': revoked, authorization: `Bearer ${secret}` },
      body: JSON.stringify({ schemaVersion: SCHEMA_VERSION, cursor: 0 }),
    });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([403, 'revoked']);
    expect((await device(revoked)).revoked_at).not.toBeNull();
    expect(deviceOf(a)).not.toBe(revoked);
  });

  it("alias poisoning is refused: an HY code cannot take site B's id, B's desk still enrolls; aliases only by the admin", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { siteId } = await enrollDesks(suite.hq, [a]);
    const siteB = await createSite(suite.hq.db, { code: 'XB', name: '西部', kind: 'office' });
    const b1 = await suite.openDesk({ deviceCode: 'B1' });
    await b1.backend.services.db.updateTable('meta').set({ value: 'XB' }).where('key', '=', 'site_code').execute();
    b1.backend.services.settingsChanged();
    await importSampleDirectory(b1);
    const codeA = () => issueEnrollCode(suite.hq.db, siteId, 'A3');
    const forged = { deviceId: uuidv7(), siteCode: 'HY', deviceCode: 'A3', lastSeq: 0 };
    await attack("HY code with site B's id", await codeA(), { ...forged, siteId: siteB }, 'code_mismatch');
    // B's desk set up offline: its local site id is not at HQ yet. An HY code with that id gets an HY
    // device (the code allows that much), but no alias: B's id stays B's.
    const bLocal = siteOf(b1);
    const sneaky = await rawEnroll(await codeA(), { ...forged, siteId: bLocal });
    attacks.push({ name: "HY code with B's not-yet-enrolled local site id makes no alias", refused: true });
    expect(sneaky.status).toBe(200);
    expect(await suite.hq.db.selectFrom('site_aliases').selectAll().execute()).toEqual([]);
    // B's desk enrolls and its records land at site B.
    const cb = syncClientFor(b1);
    await cb.enroll(suite.hq.url, await issueEnrollCode(suite.hq.db, siteB, 'B1'));
    await cb.syncNow();
    expect((await cb.status()).lastError).toBeNull();
    const bEvents = await suite.hq.db
      .selectFrom('events')
      .select(['site_id', 'desk_site_id', 'status'])
      .where('device_id', '=', deviceOf(b1))
      .execute();
    expect(bEvents.length).toBe(ownEvents(b1).length);
    expect(new Set(bEvents.map((e) => `${e.site_id} ${e.desk_site_id} ${e.status}`))).toEqual(new Set([`${siteB} ${siteB} ok`]));

    // The admin command: never a site's own id, never another site's alias; a stray desk id once.
    const out: string[] = [];
    const cli = (...args: string[]) => runCli(suite.hq.db, args, (l) => out.push(l));
    expect(await cli('alias-site', 'HY', siteB)).toBe(1);
    expect(out.at(-1)).toMatch(/site's own id/);
    const stray = uuidv7();
    expect(await cli('alias-site', 'XB', stray)).toBe(0);
    expect(await cli('alias-site', 'HY', stray)).toBe(1);
    expect(out.at(-1)).toMatch(/alias of another site/);
    expect(await suite.hq.db.selectFrom('site_aliases').selectAll().execute()).toEqual([{ alias: stray, site_id: siteB }]);
    attacks.push({ name: "alias-site HY <site B's id>", refused: true });
  });

  it('replace device A1 on the same PC: the old id is revoked, every acknowledged event is at HQ once, in order', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    await importSampleDirectory(a);
    const {
      siteId,
      clients: [ca, cb],
    } = await enrollDesks(suite.hq, [a, b]);
    await checkIns(a, 5);
    await ca.syncNow();
    const old = deviceOf(a);
    const acked = Number((await device(old)).last_seq);
    expect(acked).toBe(ownEvents(a).length);
    // Two more while HQ is out of reach for this desk: not acknowledged.
    await checkIns(a, 2);
    const out: string[] = [];
    expect(await runCli(suite.hq.db, ['replace-device', 'HY', 'A1'], (l) => out.push(l))).toBe(0);
    await ca.enroll(suite.hq.url, out[0]);
    const fresh = deviceOf(a);
    expect(fresh).not.toBe(old);
    expect((await device(old)).revoked_at).not.toBeNull();
    expect(Number((await device(fresh)).last_seq)).toBe(acked);
    // The two check-ins (with their print jobs) and the new identity record wait, under the new id.
    expect((await ca.status()).waiting).toBe(ownEvents(a).length - acked);
    expect(a.count(`events WHERE device_id = '${old}'`)).toBe(0);
    await checkIns(a, 3);
    await ca.syncNow();
    expect((await ca.status()).waiting).toBe(0);
    const stored = await atHq([old, fresh]);
    const mine = ownEvents(a);
    expect(stored.map((e) => e.id)).toEqual(mine.map((e) => e.id));
    expect(stored.map((e) => e.seq)).toEqual(mine.map((_, i) => i + 1));
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
    expect(stored.every((e) => e.status === 'ok')).toBe(true);
    // HQ never sends the desk back what it wrote as A1 before; the other desk gets all ten visits.
    const page = await pull(suite.hq.db, { deviceId: fresh, siteId }, { schemaVersion: SCHEMA_VERSION, cursor: 0 });
    expect(page.events.filter((e) => e.deviceId === old || e.deviceId === fresh)).toEqual([]);
    await cb.syncNow();
    expect(b.count('visits')).toBe(10);
    // HQ's device list tells the two apart; a desk code no device has cannot be "replaced".
    expect(await runCli(suite.hq.db, ['devices', 'HY'], (l) => out.push(l))).toBe(0);
    expect(out.filter((l) => l.startsWith('A1\t'))).toEqual([
      expect.stringMatching(new RegExp(`^A1\t${old}\t.*\tREVOKED$`)),
      expect.stringMatching(new RegExp(`^A1\t${fresh}\t.*\treplaces ${old}$`)),
    ]);
    expect(await runCli(suite.hq.db, ['replace-device', 'HY', 'A9'], (l) => out.push(l))).toBe(1);
    expect(out.at(-1)).toBe('No device has desk code A9 at this site; a new desk gets an enroll-code.');
    // The replacement code is spent; a second replacement needs a new one.
    await expect(syncClientFor(a).enroll(suite.hq.url, out[0])).rejects.toMatchObject({ code: 'code_invalid' });
  });

  it('parallel redemptions: one code makes one device, two replacement codes for A1 replace it once', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    await ca.syncNow();
    const old = deviceOf(a);
    const ident = { siteId, deviceId: old, siteCode: 'HY', deviceCode: 'A1', lastSeq: 10_000 };
    const plain = await issueEnrollCode(suite.hq.db, siteId, 'A2');
    const fresh = { ...ident, deviceId: uuidv7(), deviceCode: 'A2', lastSeq: 0 };
    const twice = await Promise.all([rawEnroll(plain, fresh), rawEnroll(plain, { ...fresh, deviceId: uuidv7() })]);
    expect(twice.map((r) => r.status).sort()).toEqual([200, 403]);
    const codes = await Promise.all([1, 2].map(() => issueReplacementCode(suite.hq.db, siteId, 'A1')));
    const both = await Promise.all(codes.map((c) => rawEnroll(c, ident)));
    expect(both.map((r) => r.body.error ?? 'ok').sort()).toEqual(['code_invalid', 'ok']);
    attacks.push({ name: 'a second replacement of A1 in the same instant', refused: true });
    const a1 = await suite.hq.db.selectFrom('devices').select(['id', 'replaces']).where('code', '=', 'A1').execute();
    expect(a1.length).toBe(2);
    expect(a1.filter((d) => d.replaces === old).length).toBe(1);
  });

  it("a new PC restored from A1's backup takes over; a backup older than what HQ holds is refused and changes nothing", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await importSampleDirectory(a);
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    await checkIns(a, 2);
    await ca.syncNow();
    const backupOf = async () => {
      const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-restored-'));
      await a.backend.database.raw.backup(join(dir, 'lobbydesk.sqlite'));
      return dir;
    };
    const oldBackup = await backupOf();
    await checkIns(a, 2);
    await ca.syncNow();
    const old = deviceOf(a);
    const held = Number((await device(old)).last_seq);

    const signIn = async (d: TestDesk) => d.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    const stale = await suite.openDesk({ dataDir: oldBackup, setUp: false });
    await signIn(stale);
    expectFieldError(
      await stale.call('sync:enroll', { hqUrl: suite.hq.url, code: await issueReplacementCode(suite.hq.db, siteId, 'A1') }),
      'code',
      'err.sync.replacementBehind',
    );
    attacks.push({ name: 'replacement redeemed with a backup older than HQ', refused: true });
    expect((await device(old)).revoked_at).toBeNull();
    // A fresh PC with nothing of A1 cannot take its place either (its numbers would repeat A1's).
    await attack(
      'replacement redeemed by an empty PC',
      await issueReplacementCode(suite.hq.db, siteId, 'A1'),
      null,
      'replacement_behind',
    );
    await attack(
      "replacement redeemed with another device's data",
      await issueReplacementCode(suite.hq.db, siteId, 'A1'),
      { siteId, deviceId: uuidv7(), siteCode: 'HY', deviceCode: 'A1', lastSeq: 99 },
      'replacement_mismatch',
    );

    const restored = await suite.openDesk({ dataDir: await backupOf(), setUp: false });
    await signIn(restored);
    const cr = syncClientFor(restored);
    await cr.enroll(suite.hq.url, await issueReplacementCode(suite.hq.db, siteId, 'A1'));
    expect((await device(old)).revoked_at).not.toBeNull();
    await checkIns(restored, 2);
    await cr.syncNow();
    expect((await cr.status()).lastError).toBeNull();
    const fresh = deviceOf(restored);
    const stored = await atHq([old, fresh]);
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.slice(0, held).map((e) => e.id)).toEqual(ownEvents(a).map((e) => e.id));
    expect(stored.map((e) => e.id)).toEqual(ownEvents(restored).map((e) => e.id));
    // The old PC, switched on again, is refused: its queue stays, nothing of it enters HQ.
    await a.ok('visits:checkIn', await checkInInput(a));
    await expect(ca.pushAll()).rejects.toMatchObject({ code: 'revoked' });
    // …also a push that was let in before the replacement and reached the site lock after it.
    const [late] = await outbox(a.backend.services.db, old, held, 1, 1e6);
    await expect(
      push(
        suite.hq.db,
        { deviceId: old, siteId },
        { schemaVersion: SCHEMA_VERSION, sentAt: new Date().toISOString(), events: [late] },
        new Date(),
      ),
    ).rejects.toMatchObject({ code: 'revoked' });
    expect(await atHq([old, fresh])).toEqual(stored);
  });
});
