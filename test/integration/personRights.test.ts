import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestDesk, type TestDesk } from '../support/desk.js';
import { importPassDirectory } from '../support/releasePass.js';
import { mailInput, pickupInput } from '../support/mail.js';
import { cashPayment, importSampleCharges } from '../support/fees.js';
import { pdfText } from '../support/pdf.js';
import { PERSON, personsDay } from '../support/person.js';
import { fileHolds } from '../support/retention.js';
import { applyRetention } from '../../electron/retention.js';
import { addStaff, counts, failure } from './helpers.js';

/**
 * Issue 16 item 5, a person's rights: a manager finds everything the site holds on one person, gives
 * them a PDF copy, and erases it; receipts keep their payer (accounting law); anyone else is refused.
 */
describe("a person's rights: search, copy, erasure", () => {
  let desk: TestDesk;
  let manager: Awaited<ReturnType<typeof addStaff>>;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    manager = await addStaff(desk, 'manager', 'M001', '975310', '陈经理');
  });
  afterEach(() => desk.close());

  const byPhone = { name: PERSON.name, phone: PERSON.phone };

  it("finds the person's visits, pass and ticket by name and phone, or by ID number; not another visitor's", async () => {
    const day = await personsDay(desk);
    const found = await desk.ok('privacy:personSearch', byPhone, manager.session);
    expect(found.map((r) => [r.kind, r.id])).toEqual([
      ['visit', day.visit.id],
      ['pass', day.pass.pass.id],
      ['ticket', day.ticket.id],
    ]);
    const byId = await desk.ok(
      'privacy:personSearch',
      { name: PERSON.name, idNumber: PERSON.idNumber.toLowerCase() },
      manager.session,
    );
    expect(byId.map((r) => r.kind)).toEqual(['visit', 'pass']);
    // The same name with another phone is someone else.
    expect(await desk.ok('privacy:personSearch', { name: PERSON.name, phone: '13700000000' }, manager.session)).toEqual([]);
    const noCriteria = failure(await desk.call('privacy:personSearch', { name: PERSON.name }, manager.session));
    expect(noCriteria.issues).toEqual([{ path: 'phone', message: 'err.person.phoneOrId' }]);
  });

  it('the PDF copy lists one line per record and is audited', async () => {
    const day = await personsDay(desk);
    const { base64 } = await desk.ok('privacy:personExport', byPhone, manager.session);
    const text = pdfText(base64);
    expect(text).toContain(PERSON.name);
    const lines = text.split('\n').filter((l) => /^\s*\d+\s+(访客登记|放行条|工单)/.test(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(day.visit.passNo);
    expect(lines[1]).toContain(day.pass.pass.passNo);
    expect(lines[2]).toContain(day.ticket.ticketNo);
    const reads = await desk.ok('privacy:reads', {}, manager.session);
    expect(reads.map((r) => [r.what, r.label, r.staffName])).toContainEqual(['person_export', '3', '陈经理']);
  });

  it('erasure blanks the records and their events; the other visitor and the receipts stay; audited', async () => {
    const day = await personsDay(desk);
    // The handover sheet names the visitor still on site (a line tagged with the pass number).
    const sheet = await desk.ok('shift:close', { note: '', pin: ADMIN.pin });
    expect(JSON.stringify(sheet)).toContain(PERSON.name);
    const wrong = failure(
      await desk.call(
        'privacy:personErase',
        { person: byPhone, reason: '本人书面申请删除', confirmName: '欧阳' },
        manager.session,
      ),
    );
    expect(wrong.issues).toEqual([{ path: 'confirmName', message: 'err.person.confirm' }]);
    const done = await desk.ok(
      'privacy:personErase',
      { person: byPhone, reason: '本人书面申请删除', confirmName: PERSON.name },
      manager.session,
    );
    expect(done).toMatchObject({ erased: 3, kept: 0 });
    expect(await desk.ok('privacy:personSearch', byPhone, manager.session)).toEqual([]);
    // The minute's sweep empties the WAL, whose old frames still held the erased bytes.
    await applyRetention(desk.backend.services, desk.backend.database.raw);
    for (const text of [PERSON.name, PERSON.phone, PERSON.idNumber]) expect(fileHolds(desk, text), text).toBe(false);
    const raw = desk.backend.database.raw;
    expect(raw.prepare('SELECT visitor_name, host_unit_code, party_size FROM visits WHERE id = ?').get(day.visit.id)).toEqual({
      visitor_name: '',
      host_unit_code: '1-2-301',
      party_size: 3,
    });
    expect(raw.prepare('SELECT visitor_name FROM visits WHERE id = ?').get(day.other.id)).toEqual({ visitor_name: '赵六' });
    const [audit] = (await desk.ok('privacy:reads', {}, manager.session)).filter((r) => r.what === 'person_erasure');
    expect(audit).toMatchObject({ staffName: '陈经理', label: '3', why: '本人书面申请删除' });
  });

  it("an occupant's mail and own pickups are erased; the receipts they paid keep the payer's name", async () => {
    await importSampleCharges(desk);
    const item = await desk.ok('mail:receive', await mailInput(desk));
    await desk.ok('mail:pickUp', pickupInput(item.item.id));
    const [owner] = await desk.ok('directory:search', { q: '张三' });
    const receipt = await desk.ok('fees:pay', await cashPayment(desk, owner.unitId, ['2026-08']));
    const zhang = { name: '张三', phone: '13800138000' };
    const found = await desk.ok('privacy:personSearch', zhang, manager.session);
    expect(found.map((r) => [r.kind, r.kept])).toEqual([
      ['mail', false],
      ['pickup', false],
      ['receipt', true],
    ]);
    expect(
      await desk.ok('privacy:personErase', { person: zhang, reason: '本人申请', confirmName: '张三' }, manager.session),
    ).toMatchObject({
      erased: 2,
      kept: 1,
    });
    const raw = desk.backend.database.raw;
    expect(raw.prepare('SELECT recipient_name, unit_code FROM mail_items').get()).toEqual({
      recipient_name: '',
      unit_code: '1-2-301',
    });
    expect(raw.prepare('SELECT signer_name, signature_sha256 FROM mail_closings').get()).toEqual({
      signer_name: '',
      signature_sha256: null,
    });
    expect(desk.count('attachments')).toBe(0);
    expect(raw.prepare('SELECT payer FROM fee_receipts WHERE id = ?').get(receipt.receipt.id)).toEqual({ payer: '张三' });
    expect((await desk.ok('privacy:personSearch', zhang, manager.session)).map((r) => r.kind)).toEqual(['receipt']);
  });

  it('a receptionist is refused search, copy and erasure; nothing is written', async () => {
    await personsDay(desk);
    const rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    const before = counts(desk, ['events']);
    const tries = [
      await desk.call('privacy:personSearch', byPhone, rec.session),
      await desk.call('privacy:personExport', byPhone, rec.session),
      await desk.call('privacy:personErase', { person: byPhone, reason: '试', confirmName: PERSON.name }, rec.session),
    ];
    expect(tries.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['forbidden', 'forbidden', 'forbidden']);
    expect(counts(desk, ['events'])).toEqual(before);
  });
});
