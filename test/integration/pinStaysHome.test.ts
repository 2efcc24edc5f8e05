import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confirmHeld } from '../../hq/src/store/held.js';
import { issueReplacementCode } from '../../hq/src/store/admin.js';
import { hashPin } from '../../electron/api/pin.js';
import { openPinHash } from '../../electron/privacy/pinSeal.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks, syncClientFor } from '../support/sync.js';
import { ADMIN, type TestDesk } from '../support/desk.js';
import { deskHolds, hqHolds } from '../support/holdings.js';
import { addStaff, failure } from './helpers.js';

/**
 * Issue 16 item 6, PIN hashes stay home: a PIN's scrypt hash is kept in the clear only at the desk where
 * the PIN was set; HQ stores and forwards it sealed with the site's key, and the other desks keep it sealed,
 * opening it with their key ring (outside the data folder) only to check a PIN.
 */
const suite = hqSuite();

const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const stored = (d: TestDesk, staffNo: string) =>
  d.backend.database.raw.prepare('SELECT id, pin_hash AS pin FROM staff WHERE staff_no = ?').get(staffNo) as {
    id: string;
    pin: string;
  };
const signIn = (d: TestDesk, staffNo: string, pin: string) => d.call('auth:signIn', { staffNo, pin }, `s-${staffNo}`);

describe('PIN hashes stay home', () => {
  it('set at desk A: plain at A only; HQ and desk B hold it sealed, B still signs the person in; a copy of B without its key ring does not, until its replacement enrolment', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    // Desk B was set up offline; a person it added before joining travels sealed by HQ to desk A.
    await b.ok('staff:create', { staffNo: 'R009', name: '孙前台', role: 'receptionist', pin: '246135' });
    const r009 = stored(b, 'R009').pin;
    const { siteId, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const manager = await addStaff(a, 'manager', 'M001', '975310', '陈经理');
    await addStaff(a, 'receptionist', 'R001', '864209', '刘前台');
    const r002 = await addStaff(a, 'receptionist', 'R002', '135790', '赵前台');
    await a.ok('auth:changePin', { currentPin: '864209', newPin: '753197' }, 'R001');
    await a.ok('staff:resetPin', { staffId: r002.id, pin: '802468' }, manager.session);
    await syncAll(clients);
    // Desk B's admin, a manager made at a desk and another's PIN reset wait for HQ's administrator.
    const held = await suite.hq.db.selectFrom('held_events').select('event_id').where('decision', 'is', null).execute();
    for (const h of held) await confirmHeld(suite.hq.db, h.event_id);
    await syncAll(clients);

    const home = ['M001', 'R001', 'R002'].map((no) => stored(a, no).pin);
    for (const hash of home) {
      expect(hash.startsWith('scrypt$')).toBe(true); // at home, where the PIN was set
      expect(deskHolds(b, hash)).toBe(false);
      expect(await hqHolds(suite.hq.db, hash)).toBe(false);
    }
    expect(deskHolds(a, r009)).toBe(false);
    expect(await hqHolds(suite.hq.db, r009)).toBe(false);
    // HQ's tables (events, held ones included) hold no PIN hash in the clear at all.
    expect(await hqHolds(suite.hq.db, 'scrypt$')).toBe(false);
    // Desk B keeps them sealed: its ring opens them, to the hash desk A set.
    const atB = stored(b, 'R001');
    expect(atB.pin.startsWith('pin1.')).toBe(true);
    expect(openPinHash(b.backend.services.idKeys.all(), atB.id, atB.pin)).toBe(stored(a, 'R001').pin);

    expect((await signIn(b, 'R001', '753197')).ok).toBe(true);
    expect(failure(await signIn(b, 'R001', '864209')).code).toBe('wrong_pin');
    expect((await signIn(b, 'R002', '802468')).ok).toBe(true);
    expect((await signIn(b, 'M001', '975310')).ok).toBe(true);
    expect((await signIn(a, 'R009', '246135')).ok).toBe(true);

    // Desk B's database on another PC (a stolen folder, or a restore onto a new one): no key ring, so the
    // people set elsewhere cannot be signed in — nor their hashes tested offline; those set at B can.
    const dir = mkdtempSync(join(tmpdir(), 'lobbydesk-pinhome-'));
    await b.backend.database.raw.backup(join(dir, 'lobbydesk.sqlite'));
    const copy = await suite.openDesk({ dataDir: dir, setUp: false });
    expect(failure(await signIn(copy, 'R001', '753197')).code).toBe('wrong_pin');
    expect(openPinHash(copy.backend.services.idKeys.all(), atB.id, stored(copy, 'R001').pin)).toBeNull();
    await copy.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin });
    expect((await signIn(copy, 'R009', '246135')).ok).toBe(true);
    // The administrator enrols it as B's replacement: HQ hands it the site's key, and everyone signs in again.
    await syncClientFor(copy).enroll(suite.hq.url, await issueReplacementCode(suite.hq.db, siteId, 'A2'));
    expect((await signIn(copy, 'R001', '753197')).ok).toBe(true);
    expect((await signIn(copy, 'M001', '975310')).ok).toBe(true);
  });

  it('an older desk that pushes a plain hash: HQ stores and forwards it sealed', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await syncAll(clients);
    const r003 = await addStaff(a, 'receptionist', 'R003', '135246', '钱前台');
    // Whatever the desk's log says goes as it is; this one is an older desk's plain hash.
    const legacy = await hashPin('135246');
    a.backend.database.raw
      .prepare(
        "UPDATE events SET payload = json_set(payload, '$.pinHash', ?) WHERE type = 'StaffCreated' AND payload ->> '$.staffId' = ?",
      )
      .run(legacy, r003.id);
    await syncAll(clients);
    expect(await hqHolds(suite.hq.db, legacy)).toBe(false);
    expect(await hqHolds(suite.hq.db, 'scrypt$')).toBe(false);
    expect(deskHolds(b, legacy)).toBe(false);
    expect((await signIn(b, 'R003', '135246')).ok).toBe(true);
  });
});
