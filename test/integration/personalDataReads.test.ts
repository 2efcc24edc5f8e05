import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInInput, importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { complaintInput } from '../support/tickets.js';
import { addStaff, counts, failure } from './helpers.js';

/**
 * Issue 16 items 3 and 4: an anonymous complainant's identity is a manager's only, found by no one else
 * through search, and every sensitive read leaves an audit record (who, when, what, why) in the event
 * log that syncs to HQ, listed for a manager in 设置 → 个人信息访问记录.
 */
describe('anonymous complaints and the audit of sensitive reads', () => {
  let desk: TestDesk;
  let rec: Awaited<ReturnType<typeof addStaff>>;
  let manager: Awaited<ReturnType<typeof addStaff>>;
  const auditEvents = () =>
    desk.backend.database.raw.prepare("SELECT actor, payload FROM events WHERE type = 'PersonalDataRead' ORDER BY hlc").all() as {
      actor: string;
      payload: string;
    }[];

  beforeEach(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
    rec = await addStaff(desk, 'receptionist', 'R001', '1357', '小李');
    manager = await addStaff(desk, 'manager', 'M001', '975310', '陈经理');
  });
  afterEach(() => desk.close());

  const anonymousComplaint = async () =>
    (await desk.ok('tickets:create', await complaintInput(desk, { anonymous: true, channel: 'walk_in' }), rec.session)).ticket;

  it('a receptionist cannot find the anonymous complaint by its unit or name; a manager can, and the search is audited', async () => {
    const ticket = await anonymousComplaint();
    const search = async (q: string, session: string) => desk.ok('tickets:search', { q }, session);

    // The attack of the issue: unit by unit, the hidden unit must answer exactly like any other.
    for (const q of ['1-2-301', '2-301', '张三']) expect(await search(q, rec.session), q).toEqual([]);
    expect(await search('1-2-302', rec.session)).toEqual([]);
    // Found by what the receptionist may read (its number, its text), still without the identity.
    const [byText] = await search('多收', rec.session);
    expect(byText).toMatchObject({ id: ticket.id, identityHidden: true, customer: { name: '', unitCode: '' } });
    expect((await search(ticket.ticketNo, rec.session)).map((t) => t.id)).toEqual([ticket.id]);
    expect(auditEvents()).toHaveLength(0);

    // The manager's search by the unit finds it, shows who, and that read is recorded.
    const [found] = await search('1-2-301', manager.session);
    expect(found).toMatchObject({ id: ticket.id, identityHidden: false, customer: { name: '张三', unitCode: '1-2-301' } });
    const [line] = auditEvents();
    expect(line.actor).toBe(manager.id);
    expect(JSON.parse(line.payload)).toMatchObject({
      what: 'anonymous_complainant',
      ref: ticket.id,
      label: ticket.ticketNo,
      why: '',
    });
    // The record names the ticket, never the person.
    for (const secret of ['张三', '1-2-301', '8000']) expect(line.payload).not.toContain(secret);
    // A manager's search that did not match the identity neither shows nor records it.
    const [plain] = await search('多收', manager.session);
    expect(plain.identityHidden).toBe(true);
    expect(auditEvents()).toHaveLength(1);
  });

  it('the duplicate warning never points a receptionist at an anonymous complaint of the unit', async () => {
    await anonymousComplaint();
    const named = await desk.ok('tickets:create', await complaintInput(desk), rec.session);
    expect(named.ticket.duplicateOf).toBeNull();
  });

  it('a manager opens the identity with a reason; others are refused; the manager sees the audit list, nobody else', async () => {
    const ticket = await anonymousComplaint();
    const leader = await addStaff(desk, 'shift_leader', 'S001', '8642', '刘班长');
    for (const who of [rec.session, leader.session]) {
      const before = counts(desk, ['events']);
      expect(failure(await desk.call('tickets:identity', { ticketId: ticket.id, reason: '好奇' }, who)).code).toBe('forbidden');
      expect(failure(await desk.call('privacy:reads', {}, who)).code).toBe('forbidden');
      expect(counts(desk, ['events'])).toEqual(before);
    }
    const noReason = failure(await desk.call('tickets:identity', { ticketId: ticket.id, reason: ' ' }, manager.session));
    expect(noReason.issues?.[0]?.path).toBe('reason');
    expect(auditEvents()).toHaveLength(0);

    const who = await desk.ok('tickets:identity', { ticketId: ticket.id, reason: '回访核实处理结果' }, manager.session);
    expect(who).toMatchObject({ name: '张三', unitCode: '1-2-301', phoneMasked: '138****8000' });

    // A host phone revealed for a call and the evacuation roll are in the same list.
    const [zhang] = await desk.ok('directory:search', { q: '张三', limit: 1 }, rec.session);
    await desk.ok('directory:revealPhone', { occupantId: zhang.occupantId }, rec.session);
    await desk.ok(
      'print:request',
      { jobId: crypto.randomUUID(), docType: 'onsite_roll', docId: 'now', layout: 'a4' },
      rec.session,
    );

    const list = await desk.ok('privacy:reads', {}, manager.session);
    expect(list.map((r) => [r.what, r.staffName, r.label, r.why])).toEqual([
      ['visitor_list', '小李', 'onsite_roll', ''],
      ['host_phone', '小李', '1-2-301', ''],
      ['anonymous_complainant', '陈经理', ticket.ticketNo, '回访核实处理结果'],
    ]);
    expect(list[2].at).toBe(desk.clock.now().toISOString());

    // By date: the day before holds nothing; a day of the future is refused as a range from after to.
    expect(await desk.ok('privacy:reads', { from: '2026-11-21', to: '2026-11-21' }, manager.session)).toEqual([]);
    expect((await desk.ok('privacy:reads', { from: '2026-11-22', to: '2026-11-22' }, manager.session)).length).toBe(3);
    expect(
      failure(await desk.call('privacy:reads', { from: '2026-11-23', to: '2026-11-22' }, manager.session)).issues?.[0]?.path,
    ).toBe('to');
  });

  it('recall by phone answers the masked ID number, to a receptionist as to anyone', async () => {
    const visitor = { name: '赵六', phone: '13700137000', idType: 'resident_id' as const, idNumber: '11010519491231002X' };
    await desk.ok('visits:checkIn', await checkInInput(desk, { visitor }), rec.session);
    const profile = await desk.ok('visits:recall', { phone: '13700137000' }, rec.session);
    expect(profile?.idNumberMasked).toBe('110105********002X');
    expect(JSON.stringify(profile)).not.toContain('11010519491231002X');
  });
});
