import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { blankPlainPinHashes } from '../../hq/src/pg/migrations.js';
import { confirmHeld } from '../../hq/src/store/held.js';
import { hashPin } from '../../electron/api/pin.js';
import { openPinHash } from '../../electron/privacy/pinSeal.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { ADMIN, type TestDesk } from '../support/desk.js';
import { deskHolds, hqHolds } from '../support/holdings.js';
import { addStaff, failure } from './helpers.js';

/**
 * Issue 16 item 6, PIN hashes stay home: the scrypt hash of a PIN is sealed (AES-256-GCM, a subkey of
 * the site's key ring the desks hold) in every event, staff row and HQ table; a desk of the site still
 * opens it to check the PIN, including the PIN of a desk set up offline under its own key before it joined.
 */
const suite = hqSuite();

const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};
const storedPin = (d: TestDesk, staffNo: string) =>
  d.backend.database.raw.prepare('SELECT id, pin_hash AS pin FROM staff WHERE staff_no = ?').get(staffNo) as {
    id: string;
    pin: string;
  };
/** The scrypt hash itself, as only a desk holding the key can read it. */
const plainHash = (d: TestDesk, staffNo: string) => {
  const row = storedPin(d, staffNo);
  const hash = openPinHash(d.backend.services.idKeys, row.id, row.pin);
  if (!hash?.startsWith('scrypt$')) throw new Error(`no PIN hash opens for ${staffNo}`);
  return hash;
};
const signIn = (d: TestDesk, staffNo: string, pin: string) => d.call('auth:signIn', { staffNo, pin }, `s-${staffNo}`);

describe('PIN hashes stay home', () => {
  it('created, changed and reset PINs travel sealed: no scrypt hash at HQ or in the events, desk B still verifies', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    // B was set up offline with its own key; it adopts A's (the site's) at enrolment.
    const bAdmin = plainHash(b, ADMIN.staffNo);
    await b.ok('staff:create', { staffNo: 'R009', name: '孙前台', role: 'receptionist', pin: '246135' });
    const r009 = plainHash(b, 'R009');
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const manager = await addStaff(a, 'manager', 'M001', '975310', '陈经理');
    await addStaff(a, 'receptionist', 'R001', '864209', '刘前台');
    const r002 = await addStaff(a, 'receptionist', 'R002', '135790', '赵前台');
    await a.ok('auth:changePin', { currentPin: '864209', newPin: '753197' }, 'R001');
    await a.ok('staff:resetPin', { staffId: r002.id, pin: '802468' }, manager.session);
    await syncAll(clients);
    // Desk B's admin, a manager made at a desk and another's PIN reset wait for HQ's administrator
    // (hq/src/store/holdRules.ts); held, they are stored sealed too.
    const held = await suite.hq.db.selectFrom('held_events').select('event_id').where('decision', 'is', null).execute();
    expect(held).toHaveLength(3);
    for (const h of held) await confirmHeld(suite.hq.db, h.event_id);
    await syncAll(clients);

    const hashes = ['M001', 'R001', 'R002'].map((no) => plainHash(a, no));
    // Re-sealed under the site's key, B's admin hash is the same one it had before joining.
    expect(plainHash(b, ADMIN.staffNo)).toBe(bAdmin);
    for (const hash of [...hashes, bAdmin, r009]) {
      expect(deskHolds(a, hash)).toBe(false);
      expect(deskHolds(b, hash)).toBe(false);
      expect(await hqHolds(suite.hq.db, hash)).toBe(false);
    }
    // Not even the recognisable prefix of one: no staff row, no event, no HQ row holds a plain hash.
    for (const d of [a, b]) expect(deskHolds(d, 'scrypt$')).toBe(false);
    expect(await hqHolds(suite.hq.db, 'scrypt$')).toBe(false);

    // Desk B opens the sealed hashes with the site's key: new PINs in, old ones out.
    expect((await signIn(b, 'R001', '753197')).ok).toBe(true);
    expect(failure(await signIn(b, 'R001', '864209')).code).toBe('wrong_pin');
    expect((await signIn(b, 'R002', '802468')).ok).toBe(true);
    expect((await signIn(b, 'M001', '975310')).ok).toBe(true);
    // …and desk A opens what B sealed under its own first key before it joined.
    expect((await signIn(a, 'R009', '246135')).ok).toBe(true);
    expect(plainHash(a, 'R009')).toBe(r009);
  });

  it('an older version’s plain hashes: the desk seals its own at start, HQ blanks what it stored and what an older desk pushes', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const { clients } = await enrollDesks(suite.hq, [a], suite.hq.url, 'HY', { backendClient: true });
    const r001 = await addStaff(a, 'receptionist', 'R001', '864209', '刘前台');
    await syncAll(clients);
    // What an older desk left: the plain hash in its staff row and in its events, local and at HQ.
    const legacy = await hashPin('864209');
    a.backend.database.raw.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(legacy, r001.id);
    a.backend.database.raw
      .prepare("UPDATE events SET payload = json_set(payload, '$.pinHash', ?) WHERE type = 'StaffCreated'")
      .run(legacy);
    await sql`UPDATE events SET payload = json_build_object('staffId', payload->>'staffId', 'staffNo', payload->>'staffNo',
      'name', payload->>'name', 'role', payload->>'role', 'pinHash', ${legacy}::text) WHERE type = 'StaffCreated'`.execute(
      suite.hq.db,
    );
    expect(deskHolds(a, legacy)).toBe(true);
    expect(await hqHolds(suite.hq.db, legacy)).toBe(true);

    await a.reopen();
    await a.ok('auth:signIn', { staffNo: ADMIN.staffNo, pin: ADMIN.pin }, 'admin');
    expect(deskHolds(a, legacy)).toBe(false);
    expect(storedPin(a, 'R001').pin.startsWith('scrypt$')).toBe(false);
    expect((await signIn(a, 'R001', '864209')).ok).toBe(true);

    await blankPlainPinHashes(suite.hq.db);
    expect(await hqHolds(suite.hq.db, 'scrypt$')).toBe(false);

    // An older desk's new person: pushed with the plain hash, stored and forwarded blank.
    const r002 = await addStaff(a, 'receptionist', 'R002', '135790', '赵前台');
    const older = await hashPin('135790');
    a.backend.database.raw
      .prepare(
        "UPDATE events SET payload = json_set(payload, '$.pinHash', ?) WHERE type = 'StaffCreated' AND payload ->> '$.staffId' = ?",
      )
      .run(older, r002.id);
    await syncAll([a.backend.services.sync]);
    expect(await hqHolds(suite.hq.db, older)).toBe(false);
    expect(await hqHolds(suite.hq.db, 'scrypt$')).toBe(false);
  });
});
