import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { decodeHlc, encodeHlc, tickHlc } from '../../shared/domain/hlc.js';
import type { EventPayload, EventType } from '../../shared/events/catalog.js';
import { createSite, issueEnrollCode, writeMasterEvent } from '../../hq/src/store/admin.js';
import { hashPin } from '../../electron/api/pin.js';
import { feesProjection } from '../../hq/src/projections/fees.js';
import { migrateHq } from '../../hq/src/pg/migrations.js';
import { ADMIN, checkInInput, importSampleDirectory, type TestDesk } from '../support/desk.js';
import { cashPayment, feeDesk } from '../support/fees.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { addStaff } from '../integration/helpers.js';
import { runCli } from '../../hq/src/cli.js';

/**
 * HQ trusts a desk only as far as its own work: a device credential (a stolen PC, a tampered
 * database) pushes through the ordinary client, and HQ refuses what that desk could not have written —
 * another desk's numbers, a person who is not staff of the site, not active then, or not senior enough.
 * Every refusal is stored as rejected with its reason and acknowledged; the desk's later events go on.
 */
const suite = hqSuite();

const meta = (d: TestDesk, key: string) =>
  (d.backend.database.raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
const staffIdOf = (d: TestDesk, staffNo: string) =>
  (d.backend.database.raw.prepare('SELECT id FROM staff WHERE staff_no = ?').get(staffNo) as { id: string }).id;

/**
 * A tampered desk: an event written straight into its log (no applier, no role check) with the next
 * sequence number, so its own sync client pushes it like any other. Returns the event id.
 */
function forge<T extends EventType>(
  d: TestDesk,
  type: T,
  payload: EventPayload<T>,
  o: { actor: string; hlcMs?: number; seq?: number },
): string {
  const raw = d.backend.database.raw;
  const deviceId = meta(d, 'device_id');
  const last = raw.prepare('SELECT max(device_seq) AS s FROM events WHERE device_id = ?').get(deviceId) as { s: number };
  const newest = raw.prepare('SELECT hlc FROM events ORDER BY hlc DESC LIMIT 1').get() as { hlc: string };
  const hlc = o.hlcMs
    ? encodeHlc({ wallMs: o.hlcMs, counter: 0, node: deviceId })
    : encodeHlc(tickHlc(decodeHlc(newest.hlc), d.clock.ms, deviceId));
  const id = uuidv7();
  raw
    .prepare(
      'INSERT INTO events (id, device_id, device_seq, hlc, type, v, actor, site_id, payload, recorded_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
    )
    .run(
      id,
      deviceId,
      o.seq ?? last.s + 1,
      hlc,
      type,
      o.actor,
      meta(d, 'site_id'),
      JSON.stringify(payload),
      d.clock.now().toISOString(),
    );
  return id;
}

/** What HQ did with each event: 'ok' or the rejection reason. */
async function verdicts(ids: string[]): Promise<string[]> {
  const rows = await suite.hq.db.selectFrom('events').select(['id', 'status', 'reject_reason']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r.status === 'ok' ? 'ok' : r.reject_reason!]));
  return ids.map((id) => byId.get(id) ?? 'not at HQ');
}

const payment = (receiptNo: string, at: string): EventPayload<'PaymentReceived'> => ({
  receiptId: uuidv7(),
  requestId: uuidv7(),
  receiptNo,
  year: 2026,
  seq: Number(receiptNo.slice(-6)),
  shiftId: null,
  unit: { unitId: uuidv7(), unitCode: '1-2-301' },
  payer: '张三',
  lines: [],
  advanceFen: 10000,
  totalFen: 10000,
  methods: [{ method: 'cash', amountFen: 10000, reference: '' }],
  tenderedFen: 10000,
  changeFen: 0,
  issuedAt: at,
});

/** A new site's first desk, set up from HQ with its first administrator (signed in as 'admin'), shift open. */
async function freshSiteDesk(code: string, deviceCode: string): Promise<TestDesk> {
  const siteId = await createSite(suite.hq.db, { code, name: '滨溪花园', kind: 'residential' });
  const d = await suite.openDesk({ setUp: false });
  await d.ok('setup:fromHq', { hqUrl: suite.hq.url, code: await issueEnrollCode(suite.hq.db, siteId, deviceCode) }, 'admin');
  await d.ok('setup:firstAdmin', { admin: ADMIN }, 'admin');
  await d.ok('shift:open', { patternCode: 'A', handoverShiftId: null });
  return d;
}

describe('event authority at HQ', () => {
  it("a site-A device pushing site B's receipt numbers is refused; B's own receipts still reach HQ's projection", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const [ca] = (await enrollDesks(suite.hq, [a])).clients;
    const b = await freshSiteDesk('BX', 'B1');
    const at = a.clock.now().toISOString();
    // Site A (HY) goes first with B's next two numbers, and with numbers of another desk of its own site.
    const forged = [
      forge(a, 'PaymentReceived', payment('BX-B1-2026-000001', at), { actor: staffIdOf(a, 'A001') }),
      forge(a, 'PaymentReceived', payment('BX-B1-2026-000002', at), { actor: staffIdOf(a, 'A001') }),
      forge(a, 'PaymentReceived', payment('HY-A2-2026-000001', at), { actor: staffIdOf(a, 'A001') }),
      forge(
        a,
        'ShiftOpened',
        { shiftId: uuidv7(), deviceCode: 'A2', patternCode: 'A', openedAt: at, plannedEnd: at, previousShiftId: null },
        { actor: staffIdOf(a, 'A001') },
      ),
      // Site B's administrator named as actor at site A: not staff of this site.
      forge(a, 'VisitorCheckedOut', { visitId: uuidv7(), at, method: 'list' }, { actor: staffIdOf(b, 'A001') }),
      forge(
        a,
        'SiteConfigured',
        {
          siteId: meta(a, 'site_id'),
          siteCode: 'HY',
          siteName: 'x',
          siteKind: 'mixed',
          // Another device's identity (restating its own HQ ids is what an adopting desk writes, and passes).
          deviceId: uuidv7(),
          deviceCode: 'A1',
        },
        { actor: 'hq' },
      ),
    ];
    await ca.syncNow();
    expect(await verdicts(forged)).toEqual([
      'foreign_number',
      'foreign_number',
      'foreign_number',
      'wrong_device',
      'unknown_actor',
      'setup_only',
    ]);
    expect((await ca.status()).rejections).toBe(6);

    // The review an HQ admin runs once a credential may be stolen: what that device pushed, refusals
    // with their reasons (the sign of a forger), then the device revoked for good.
    const review: string[] = [];
    expect(
      await runCli(suite.hq.db, ['device-events', meta(a, 'device_id'), '2000-01-01T00:00:00Z'], (l) => review.push(l)),
    ).toBe(0);
    expect(review[0]).toMatch(new RegExp(`^\\d+ event\\(s\\) from ${meta(a, 'device_id')} since 2000-01-01T00:00:00.000Z$`));
    expect(review.filter((l) => /\tPaymentReceived\t.*\trejected foreign_number$/.test(l))).toHaveLength(3);
    expect(review.filter((l) => /\tok$/.test(l)).length).toBeGreaterThan(0);

    // B's two real receipts, paid at B's desk, arrive and stand at HQ.
    const { unitId } = await feeDesk(b);
    const first = await b.ok('fees:pay', await cashPayment(b, unitId, ['2026-08']));
    const second = await b.ok('fees:pay', await cashPayment(b, unitId, ['2026-09']));
    expect([first.receipt.receiptNo, second.receipt.receiptNo]).toEqual(['BX-B1-2026-000001', 'BX-B1-2026-000002']);
    await b.backend.services.sync.syncNow();
    expect((await b.backend.services.sync.status()).rejections).toBe(0);
    const { rows } = await sql<{ receipt_no: string; code: string }>`
      SELECT r.receipt_no, s.code FROM hq_receipts r JOIN sites s ON s.id = r.site_id ORDER BY r.receipt_no`.execute(suite.hq.db);
    expect(rows).toEqual([
      { receipt_no: 'BX-B1-2026-000001', code: 'BX' },
      { receipt_no: 'BX-B1-2026-000002', code: 'BX' },
    ]);
    // The refusals were acknowledged: A's queue did not stop at them, its next real work reaches HQ.
    await importSampleDirectory(a);
    const { visit } = await a.ok('visits:checkIn', await checkInInput(a));
    await ca.syncNow();
    expect((await ca.status()).waiting).toBe(0);
    const { rows: visits } = await sql<{ pass_no: string }>`SELECT pass_no FROM hq_visits`.execute(suite.hq.db);
    expect(visits.map((v) => v.pass_no)).toEqual([visit.passNo]);
  });

  it('receipt numbers are unique per site: the same number string at two sites both stand, a second one at a site is refused', async () => {
    const x = await createSite(suite.hq.db, { code: 'XA', name: '甲', kind: 'office' });
    const y = await createSite(suite.hq.db, { code: 'XB', name: '乙', kind: 'office' });
    const at = new Date().toISOString();
    const event = (siteId: string, p: EventPayload<'PaymentReceived'>) =>
      ({
        id: uuidv7(),
        deviceId: uuidv7(),
        deviceSeq: 1,
        hlc: 'h',
        type: 'PaymentReceived',
        v: 1,
        actor: 'a',
        siteId,
        payload: p,
        recordedAt: at,
      }) as const;
    const check = feesProjection.checked!.PaymentReceived!;
    const same = 'HY-A1-2026-000007';
    const verdict = await suite.hq.db
      .transaction()
      .execute(async (trx) => [
        await check(trx, x, event(x, payment(same, at))),
        await check(trx, y, event(y, payment(same, at))),
        await check(trx, x, event(x, payment(same, at))),
      ]);
    expect(verdict).toEqual([null, null, 'duplicate_receipt_no']);
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM hq_receipts WHERE receipt_no = ${same}`.execute(
      suite.hq.db,
    );
    expect(Number(rows[0].n)).toBe(2);
  });

  it('forged actors are refused: a receptionist authorising a void, an unknown staff number, a PIN or an admin made by the wrong person', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const r = await addStaff(a, 'receptionist', 'R001', '135790', '小李');
    const [ca] = (await enrollDesks(suite.hq, [a])).clients;
    const { unitId } = await feeDesk(a);
    const paid = await a.ok('fees:pay', await cashPayment(a, unitId, ['2026-08'], {}, r.session), r.session);
    await ca.syncNow();
    const at = a.clock.now().toISOString();
    const admin = staffIdOf(a, 'A001');
    const voidBy = (approvedBy: string) => ({
      receiptId: paid.receipt.id,
      receiptNo: paid.receipt.receiptNo,
      at,
      approvedBy,
      reason: '收错',
    });
    const forged = [
      forge(a, 'ReceiptVoided', voidBy(r.id), { actor: r.id }),
      forge(a, 'ReceiptVoided', voidBy(uuidv7()), { actor: r.id }),
      forge(a, 'VisitorCheckedOut', { visitId: uuidv7(), at, method: 'list' }, { actor: uuidv7() }),
      forge(a, 'VisitorCheckedOut', { visitId: uuidv7(), at, method: 'list' }, { actor: 'hq' }),
      forge(a, 'StaffCreated', { staffId: uuidv7(), staffNo: 'X9', name: '黑客', role: 'admin', pinHash: 'x' }, { actor: r.id }),
      forge(a, 'StaffPinChanged', { staffId: admin, pinHash: 'x' }, { actor: r.id }),
      forge(a, 'StaffPinReset', { staffId: admin, pinHash: 'x' }, { actor: r.id }),
      // "I created myself" passes only as a desk's own setup (its first events), not later.
      ((id) =>
        forge(a, 'StaffCreated', { staffId: id, staffNo: 'X8', name: '黑客', role: 'admin', pinHash: 'x' }, { actor: id }))(
        uuidv7(),
      ),
      forge(a, 'VisitAutoClosed', { visitId: uuidv7(), at }, { actor: r.id }),
    ];
    await ca.syncNow();
    expect(await verdicts(forged)).toEqual([
      'approver_role',
      'unknown_approver',
      'unknown_actor',
      'unknown_actor',
      'actor_role',
      'forged_actor',
      'actor_role',
      'unknown_actor',
      'forged_actor',
    ]);
    // The receipt still stands at HQ and no admin was made there.
    const { rows } = await sql<{ status: string }>`SELECT status FROM hq_receipts`.execute(suite.hq.db);
    expect(rows).toEqual([{ status: 'issued' }]);
    const { rows: admins } = await sql<{ n: string }>`SELECT count(*) AS n FROM hq_staff WHERE role = 'admin'`.execute(
      suite.hq.db,
    );
    expect(Number(admins[0].n)).toBe(1);
  });

  it('a disabled person: what they did offline before the disable stands, what they did after it is refused', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const r = await addStaff(a, 'receptionist', 'R001', '135790', '小李');
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
    await b.ok('auth:signIn', { staffNo: 'R001', pin: '135790' }, 'r');
    // Desk B is offline. 小李 changes their PIN there; later desk A disables them; later still, at B
    // (which has not heard of it), they change it again.
    await b.ok('auth:changePin', { currentPin: '135790', newPin: '975310' }, 'r');
    const before = staffEventIds(b, 'StaffPinChanged');
    a.clock.advance(1);
    await a.ok('staff:disable', { staffId: r.id });
    await clients[0].syncNow();
    b.clock.advance(2);
    await b.ok('auth:changePin', { currentPin: '975310', newPin: '864219' }, 'r');
    const after = staffEventIds(b, 'StaffPinChanged').filter((id) => !before.includes(id));
    await clients[1].syncNow();
    expect(await verdicts([...before, ...after])).toEqual(['ok', 'actor_disabled']);
    // Acknowledged all the same: nothing of B's waits behind the refusal.
    expect((await clients[1].status()).waiting).toBe(0);
  });

  it("an HQ upgraded from before the staff projection folds in the staff events it holds; their people's work stands", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    await addStaff(a, 'receptionist', 'R001', '135790', '小李');
    const [ca] = (await enrollDesks(suite.hq, [a])).clients;
    await ca.syncNow();
    const staffAtHq = () =>
      sql<{ staff_no: string; role: string }>`SELECT staff_no, role FROM hq_staff ORDER BY staff_no`.execute(suite.hq.db);
    const known = (await staffAtHq()).rows;
    expect(known).toEqual([
      { staff_no: 'A001', role: 'admin' },
      { staff_no: 'R001', role: 'receptionist' },
    ]);
    // As the HQ was before this projection: no table, no migration recorded; the events are there.
    await sql`DROP TABLE hq_staff`.execute(suite.hq.db);
    await sql`DELETE FROM hq_migrations WHERE name = 'projection_staff'`.execute(suite.hq.db);
    await migrateHq(suite.hq.db);
    expect((await staffAtHq()).rows).toEqual(known);
    await importSampleDirectory(a);
    await a.ok('visits:checkIn', await checkInInput(a), 'R001');
    await ca.syncNow();
    expect((await ca.status()).rejections).toBe(0);
  });

  it('a person added at HQ is staff of the site there: their own work at a desk stands', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const {
      siteId,
      clients: [ca],
    } = await enrollDesks(suite.hq, [a]);
    const staffId = uuidv7();
    const pinHash = await hashPin('135790');
    await writeMasterEvent(suite.hq.db, siteId, 'StaffCreated', {
      staffId,
      staffNo: 'R777',
      name: '小王',
      role: 'receptionist',
      pinHash,
    });
    await ca.syncNow();
    await a.ok('auth:signIn', { staffNo: 'R777', pin: '135790' }, 'w');
    await a.ok('auth:changePin', { currentPin: '135790', newPin: '975310' }, 'w');
    await ca.syncNow();
    expect(await verdicts(staffEventIds(a, 'StaffPinChanged'))).toEqual(['ok']);
  });
});

const staffEventIds = (d: TestDesk, type: string) =>
  (d.backend.database.raw.prepare('SELECT id FROM events WHERE type = ? ORDER BY seq').all(type) as { id: string }[]).map(
    (e) => e.id,
  );
