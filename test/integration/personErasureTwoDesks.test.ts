import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../electron/retention.js';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { ADMIN, TestClock } from '../support/desk.js';
import { importPassDirectory } from '../support/releasePass.js';
import { fileHolds } from '../support/retention.js';
import { mailInput, pickupInput } from '../support/mail.js';
import { cashPayment, importSampleCharges } from '../support/fees.js';
import { hqHolds, PERSON, personsDay } from '../support/person.js';
import { addStaff } from './helpers.js';

/** One person's erasure at desk A reaches desk B and HQ through a real HQ: every copy drops the same data. */
const suite = hqSuite();
const syncAll = async (clients: { syncNow(): Promise<void> }[]) => {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
};

describe("a person's erasure across the desks of a site and HQ", () => {
  it("erased at desk A, the person's visit, pass and ticket are gone at desk B and in every HQ table", async () => {
    const clock = new TestClock(Date.now());
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importPassDirectory(a);
    const manager = await addStaff(a, 'manager', 'M001', '975310', '陈经理');
    const day = await personsDay(a);
    // The handover sheet names the visitor still on site (a line tagged with the pass number).
    const sheet = await a.ok('shift:close', { note: '', pin: ADMIN.pin });
    expect(JSON.stringify(sheet)).toContain(PERSON.name);
    await syncAll(clients);
    const person = { name: PERSON.name, phone: PERSON.phone };
    await b.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    expect((await b.ok('privacy:personSearch', person)).map((r) => r.id)).toEqual([
      day.visit.id,
      day.pass.pass.id,
      day.ticket.id,
    ]);
    for (const text of [PERSON.name, PERSON.phone]) expect(await hqHolds(suite.hq.db, text), text).toBe(true);

    await a.ok('privacy:personErase', { person, reason: '本人到前台书面申请删除', confirmName: PERSON.name }, manager.session);
    await syncAll(clients);

    expect(await b.ok('privacy:personSearch', person)).toEqual([]);
    // The minute's sweep at each desk empties the WAL that still held the erased bytes.
    for (const desk of [a, b]) await applyRetention(desk.backend.services, desk.backend.database.raw);
    for (const text of [PERSON.name, PERSON.phone, PERSON.idNumber]) {
      expect(fileHolds(a, text), `A ${text}`).toBe(false);
      expect(fileHolds(b, text), `B ${text}`).toBe(false);
      expect(await hqHolds(suite.hq.db, text), `HQ ${text}`).toBe(false);
    }
    // The other visitor's visit is untouched everywhere; HQ still counts the erased visit, without the name.
    expect(await hqHolds(suite.hq.db, '赵六')).toBe(true);
    const [atB] = await b.ok('visits:search', { text: day.visit.passNo });
    expect(atB).toMatchObject({ id: day.visit.id, visitorName: '', partySize: 3 });
    // The erasure is in both desks' audit lists: who, and why.
    const audit = async (desk: typeof a) => (await desk.ok('privacy:reads', {})).filter((r) => r.what === 'person_erasure');
    expect(await audit(a)).toMatchObject([{ staffName: '陈经理', why: '本人到前台书面申请删除' }]);
    expect(await audit(b)).toMatchObject([{ why: '本人到前台书面申请删除' }]);
  });

  it("an occupant's erased mail and pickup signature are gone at desk B and at HQ; the receipt keeps the payer", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importPassDirectory(a);
    await importSampleCharges(a);
    const item = await a.ok('mail:receive', await mailInput(a));
    await a.ok('mail:pickUp', pickupInput(item.item.id));
    const [owner] = await a.ok('directory:search', { q: '张三' });
    const receipt = await a.ok('fees:pay', await cashPayment(a, owner.unitId, ['2026-08']));
    await syncAll(clients);
    const hqMail = async () => (await sql`SELECT recipient_name, signer_name FROM hq_mail_items`.execute(suite.hq.db)).rows;
    expect(await hqMail()).toEqual([{ recipient_name: '张三', signer_name: '张三' }]);
    expect(await suite.hq.db.selectFrom('attachments').select('sha256').execute()).toHaveLength(1);

    const zhang = { name: '张三', phone: '13800138000' };
    await a.ok('privacy:personErase', { person: zhang, reason: '本人申请', confirmName: '张三' });
    await syncAll(clients);

    expect(await hqMail()).toEqual([{ recipient_name: '', signer_name: '' }]);
    expect(await suite.hq.db.selectFrom('attachments').select('sha256').execute()).toEqual([]);
    const { rows: pickups } = await sql<{ payload: string }>`
      SELECT payload::text AS payload FROM events WHERE type IN ('MailReceived', 'MailPickedUp')`.execute(suite.hq.db);
    expect(pickups.map((r) => r.payload.includes('张三'))).toEqual([false, false]);
    await b.ok('auth:signIn', { staffNo: 'A001', pin: '246810' });
    expect((await b.ok('privacy:personSearch', zhang)).map((r) => [r.kind, r.id])).toEqual([['receipt', receipt.receipt.id]]);
    const { rows: receipts } = await sql`SELECT payer FROM hq_receipts`.execute(suite.hq.db);
    expect(receipts).toEqual([{ payer: '张三' }]);
  });
});
