import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, newRequestId, type TestDesk } from '../support/desk.js';
import { importPassDirectory } from '../support/releasePass.js';
import { damage, mailInput, pickupInput } from '../support/mail.js';
import { pdfText } from '../support/pdf.js';
import { addStaff, counts, expectFieldError, failure, later } from './helpers.js';

const TABLES = ['events', 'mail_items', 'mail_damage', 'mail_closings', 'print_jobs', 'attachments'];

describe('mail: the registered-mail register and the damage register', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let leader: Awaited<ReturnType<typeof addStaff>>;
  beforeEach(async () => {
    desk = await openTestDesk();
    await importPassDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
  });
  afterEach(() => desk.close());

  it('a batch is scanned in: numbered register lines, counted per batch, recipient snapshot from the directory', async () => {
    const batchId = newRequestId();
    const a = await desk.ok('mail:receive', await mailInput(desk, { batchId, trackingNo: 'xa 1234-5678 cn' }), rec.session);
    const b = await desk.ok('mail:receive', await mailInput(desk, { batchId, kind: 'parcel' }, '华夏'), rec.session);
    expect(a.item).toMatchObject({
      registerNo: 'HY-A1-M261122-0001',
      trackingNo: 'XA12345678CN',
      unitCode: '1-2-301',
      recipientName: '张三',
      receivedByName: '小李',
      status: 'on_shelf',
    });
    expect(b.item).toMatchObject({ registerNo: 'HY-A1-M261122-0002', company: '华夏科技有限公司', kind: 'parcel' });
    expect(b.batchCount).toBe(2);
    const awaiting = await desk.ok('mail:list', { view: 'awaiting' }, rec.session);
    expect(awaiting.map((m) => m.unitCode)).toEqual(['1-2-301', 'T-1801']);
    expect(await desk.ok('mail:lookup', { trackingNo: 'XA12345678CN' }, rec.session)).toHaveLength(1);
  });

  it('a damage record without the leader PIN is not confirmed; the slip will not print and the item not go out', async () => {
    const { item, damage: d } = await desk.ok(
      'mail:receive',
      await mailInput(desk, { condition: 'damaged', damage: damage() }),
      rec.session,
    );
    expect(d).toMatchObject({ confirmedAt: null, registerNo: 'HY-A1-D2026-0001', receivedByName: '小李' });
    expect((await desk.ok('mail:damageList', {}, rec.session)).map((x) => x.id)).toEqual([d!.id]);
    const before = counts(desk, TABLES);
    // No PIN: the schema refuses at the field, nothing written.
    const noPin = await desk.call(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'S001', reason: '已核对' } } as never,
      rec.session,
    );
    expectFieldError(noPin, 'approval.pin', 'err.required');
    const wrong = await desk.call(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'S001', pin: '0000', reason: '已核对' } },
      rec.session,
    );
    expect(failure(wrong)).toMatchObject({ code: 'wrong_pin' });
    // A receptionist cannot confirm, even with their own PIN.
    const notLeader = await desk.call(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'R001', pin: rec.pin, reason: '已核对' } },
      rec.session,
    );
    expect(failure(notLeader).message).toBe('err.approval.refused');
    expect(counts(desk, TABLES)).toEqual(before);
    const slip = await desk.call(
      'print:request',
      { jobId: newRequestId(), docType: 'mail_damage_slip', docId: d!.id, layout: 'roll80' },
      rec.session,
    );
    expectFieldError(slip, 'docId', 'err.mail.damageUnconfirmed');
    expectFieldError(await desk.call('mail:pickUp', pickupInput(item.id), rec.session), 'itemId', 'err.mail.damageUnconfirmed');

    const ok = await desk.ok(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'S001', pin: leader.pin, reason: '已核对' } },
      rec.session,
    );
    expect(ok.damage).toMatchObject({ confirmedByName: '刘班长' });
    expect(await desk.ok('mail:damageList', {}, rec.session)).toEqual([]);
    const pdf = pdfText((await desk.ok('print:pdf', { jobId: ok.printJobId }, rec.session)).base64);
    expect(pdf).toContain('此邮件收到时已破损');
    expect(pdf).toContain('This item was damaged on arrival');
    expect(pdf).toContain(item.trackingNo);
    expect(pdf).toContain('HY-A1-D2026-0001');
    expect(pdf).toContain('刘班长');
    // A reprint says so.
    const again = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'mail_damage_slip', docId: d!.id, layout: 'a6' },
      rec.session,
    );
    expect(pdfText((await desk.ok('print:pdf', { jobId: again.id }, rec.session)).base64)).toContain('补打');
  });

  it('the leader who signed for the item cannot confirm its damage', async () => {
    const { damage: d } = await desk.ok(
      'mail:receive',
      await mailInput(desk, { condition: 'damaged', damage: damage() }),
      leader.session,
    );
    const before = counts(desk, TABLES);
    const r = await desk.call(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'S001', pin: leader.pin, reason: '已核对' } },
      rec.session,
    );
    expect(failure(r)).toMatchObject({
      code: 'forbidden',
      issues: [{ path: 'approval.staffNo', message: 'err.selfApproval' }],
    });
    expect(counts(desk, TABLES)).toEqual(before);
    // Another leader (the manager here) can.
    await desk.ok(
      'mail:confirmDamage',
      { damageId: d!.id, approval: { staffNo: 'A001', pin: '246810', reason: '已核对' } },
      rec.session,
    );
  });

  it('the damage register is append-only: a correction is a new linked line, the original stays', async () => {
    const { item, damage: d } = await desk.ok(
      'mail:receive',
      await mailInput(desk, { condition: 'damaged', damage: damage() }),
      rec.session,
    );
    const fix = await desk.ok(
      'mail:recordDamage',
      {
        damageId: newRequestId(),
        itemId: item.id,
        correctsId: d!.id,
        what: '外包装一角',
        how: ['crushed'],
        description: '更正：是压损',
      },
      rec.session,
    );
    expect(fix).toMatchObject({ correctsId: d!.id, registerNo: 'HY-A1-D2026-0002', confirmedAt: null });
    const detail = await desk.ok('mail:detail', { itemId: item.id }, rec.session);
    expect(detail.damage.map((x) => [x.registerNo, x.how, x.correctsId])).toEqual([
      ['HY-A1-D2026-0001', ['torn', 'wet'], null],
      ['HY-A1-D2026-0002', ['crushed'], d!.id],
    ]);
    const types = desk.backend.database.raw.prepare("SELECT type FROM events WHERE type LIKE 'MailDamage%' ORDER BY seq").all();
    expect(types).toEqual([{ type: 'MailDamageRecorded' }, { type: 'MailDamageCorrected' }]);
    // There is no procedure that edits or deletes a line; the database keeps both rows unchanged.
    expect(desk.count('mail_damage')).toBe(2);
  });

  it('pickup without ID is refused; with ID and signature the register shows the last signer, masked ID', async () => {
    const { item } = await desk.ok('mail:receive', await mailInput(desk), rec.session);
    const before = counts(desk, TABLES);
    expectFieldError(
      await desk.call('mail:pickUp', pickupInput(item.id, { id: undefined }), rec.session),
      'id.idNumber',
      'err.mail.idRequired',
    );
    expectFieldError(
      await desk.call('mail:pickUp', pickupInput(item.id, { signature: undefined, typedName: '' }), rec.session),
      'typedName',
      'err.mail.signatureRequired',
    );
    expect(counts(desk, TABLES)).toEqual(before);
    const done = await desk.ok('mail:pickUp', pickupInput(item.id, { signerName: '李四', relation: 'authorised' }), rec.session);
    expect(done.item).toMatchObject({ status: 'picked_up', lastSigner: '李四' });
    expect(done.closings[0]).toMatchObject({ idNumberMasked: '110105********002X', relation: 'authorised', byName: '小李' });
    expect(done.closings[0].signature).toMatch(/^[0-9a-f]{64}$/);
    const sig = await desk.ok('mail:attachment', { sha256: done.closings[0].signature! }, rec.session);
    expect(sig.mime).toBe('image/png');
    // Nothing of the full ID number is stored anywhere.
    expect(JSON.stringify(desk.backend.database.raw.prepare('SELECT * FROM events').all())).not.toContain('11010519491231002X');
    // Handed over once: a second pickup is refused.
    expect(failure(await desk.call('mail:pickUp', pickupInput(item.id), rec.session)).message).toBe('err.mail.picked_up');
    // History by tracking number and unit shows the signer.
    const [found] = await desk.ok('mail:search', { trackingNo: item.trackingNo.slice(0, 6) }, rec.session);
    expect(found.lastSigner).toBe('李四');
  });

  it('a return needs the configured days and a supervisor review; then it is in the return register', async () => {
    await desk.ok('settings:update', { mailReturnDays: 10 });
    const { item } = await desk.ok('mail:receive', await mailInput(desk), rec.session);
    const approval = { staffNo: 'S001', pin: leader.pin, reason: '无人认领' };
    let before = counts(desk, TABLES);
    expectFieldError(
      await desk.call('mail:return', { itemId: item.id, approval }, rec.session),
      'itemId',
      'err.mail.returnTooEarly',
    );
    await later(desk, 9 * 24 * 60);
    await desk.ok('auth:signIn', { staffNo: 'R001', pin: rec.pin }, rec.session);
    await desk.ok('auth:signIn', { staffNo: 'S001', pin: leader.pin }, leader.session);
    expectFieldError(
      await desk.call('mail:return', { itemId: item.id, approval }, rec.session),
      'itemId',
      'err.mail.returnTooEarly',
    );
    expect(await desk.ok('mail:list', { view: 'returnsDue' }, rec.session)).toEqual([]);
    desk.clock.advance(24 * 60);
    await desk.ok('auth:signIn', { staffNo: 'R001', pin: rec.pin }, rec.session);
    expect((await desk.ok('mail:list', { view: 'returnsDue' }, rec.session)).map((m) => m.id)).toEqual([item.id]);
    // Days passed: the lapsed shift was taken over meanwhile; from here the refusals must write nothing.
    before = counts(desk, TABLES);
    // No review: refused.
    const noReview = await desk.call('mail:return', { itemId: item.id } as never, rec.session);
    expectFieldError(noReview, 'approval');
    const byReceptionist = await desk.call(
      'mail:return',
      { itemId: item.id, approval: { ...approval, staffNo: 'R001', pin: rec.pin } },
      rec.session,
    );
    expect(failure(byReceptionist).message).toBe('err.approval.refused');
    expect(counts(desk, TABLES)).toEqual(before);
    const back = await desk.ok('mail:return', { itemId: item.id, approval }, rec.session);
    expect(back.item.status).toBe('returned');
    expect(back.closings[0]).toMatchObject({ kind: 'return', reviewedByName: '刘班长', reason: '无人认领' });
    expect((await desk.ok('mail:list', { view: 'returned' }, rec.session)).map((m) => m.id)).toEqual([item.id]);
    expect(failure(await desk.call('mail:pickUp', pickupInput(item.id), rec.session)).message).toBe('err.mail.returned');
  });

  it('a pickup notice prints on request with the recipient, the tracking number and where the item waits', async () => {
    const { item } = await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'SF777', location: 'B-2' }), rec.session);
    const job = await desk.ok(
      'print:request',
      { jobId: newRequestId(), docType: 'mail_pickup_slip', docId: item.id, layout: 'roll80' },
      rec.session,
    );
    const text = pdfText((await desk.ok('print:pdf', { jobId: job.id }, rec.session)).base64);
    for (const s of ['取件通知', 'SF777', '1-2-301', '张三', 'B-2', item.registerNo]) expect(text).toContain(s);
    expect(text).not.toContain('补打');
  });

  it('moved-out residents: forwarding cabinet for a month, a weekly notice reminder', async () => {
    const { item } = await desk.ok('mail:receive', await mailInput(desk, { movedOut: true, location: '转投专柜' }), rec.session);
    expect(item.forwardUntil).toBe('2026-12-22T01:30:00.000Z');
    expect(await desk.ok('mail:list', { view: 'awaiting' }, rec.session)).toEqual([]);
    expect((await desk.ok('mail:list', { view: 'forwarding' }, rec.session))[0]).toMatchObject({ noticeDue: true });
    await desk.ok('mail:notice', { itemId: item.id, method: 'phone', note: '已电话通知本人' }, rec.session);
    expect((await desk.ok('mail:overview', {}, rec.session)).forwardingNoticesDue).toBe(0);
    desk.clock.advance(7 * 24 * 60);
    await desk.ok('auth:signIn', { staffNo: 'R001', pin: rec.pin }, rec.session);
    expect((await desk.ok('mail:overview', {}, rec.session)).forwardingNoticesDue).toBe(1);
  });

  it('newspapers short or late are escalated, and the handover carries mail awaiting pickup and unconfirmed damage', async () => {
    const short = await desk.ok(
      'mail:countNewspapers',
      { countId: newRequestId(), carrier: '邮局', title: '人民日报', expected: 40, received: 38, note: '' },
      rec.session,
    );
    expect(short.escalated).toBe(true);
    await desk.ok('mail:receive', await mailInput(desk, { trackingNo: 'SF100' }), rec.session);
    await desk.ok('mail:receive', await mailInput(desk, { condition: 'damaged', damage: damage() }), rec.session);
    const sheet = await desk.ok('shift:preview', {}, rec.session);
    const section = (key: string) => sheet.sections.find((s) => s.key === key)?.lines ?? [];
    expect(section('mailAwaitingPickup')).toHaveLength(2);
    expect(section('mailAwaitingPickup')[0].text).toContain('SF100');
    expect(section('mailDamageUnconfirmed').map((l) => l.text)).toEqual(['外包装一角']);
    expect(section('newspaperShortfalls').map((l) => l.tag)).toEqual(['人民日报']);
  });
});
