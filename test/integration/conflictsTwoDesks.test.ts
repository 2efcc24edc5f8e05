import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { checkInInput, importSampleDirectory, TestClock, type TestDesk } from '../support/desk.js';
import { cashPayment, importSampleCharges } from '../support/fees.js';
import { mailInput, pickupInput } from '../support/mail.js';
import { repairInput } from '../support/tickets.js';
import { listConflicts } from '../../hq/src/store/conflicts.js';
import { runCli } from '../../hq/src/cli.js';
import { addStaff } from './helpers.js';

/**
 * Two desks of one building working apart (no sync between their writes) do the same thing to one
 * record: each kind of conflict then shows on both desks and at HQ under the same id, with both sides,
 * and a resolution written at either desk or at HQ clears it everywhere after a sync.
 */
const clock = new TestClock(Date.now());
const suite = hqSuite({ clock: () => clock.now() });
const KINDS = ['double_checkout', 'double_pickup', 'fee_paid_twice', 'setting_overwritten', 'ticket_lost_to_cancel'];

async function syncAll(clients: { syncNow(): Promise<void> }[]) {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
}
const idsAt = async (desk: TestDesk) => (await desk.ok('conflicts:list', {})).map((c) => c.id).sort();

describe('the conflict inbox on two desks and at HQ', () => {
  it('every kind appears on both desks and at HQ with both sides; resolving it anywhere clears it everywhere', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { siteId, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    await importSampleCharges(a);
    const visit = (await a.ok('visits:checkIn', await checkInInput(a))).visit;
    const item = await a.ok('mail:receive', await mailInput(a));
    const { ticket } = await a.ok('tickets:create', await repairInput(a));
    await syncAll(clients);
    const [host] = await b.ok('directory:search', { q: '张三' });
    expect(await idsAt(a)).toEqual([]);

    // Apart: the same month paid, the same visitor checked out, the same item handed over, the same
    // ticket cancelled at A and resolved at B a moment later, one rule changed at both.
    await a.ok('fees:pay', await cashPayment(a, host.unitId, ['2026-08']));
    await b.ok('fees:pay', await cashPayment(b, host.unitId, ['2026-08']));
    await a.ok('visits:checkOut', { visitId: visit.id });
    await b.ok('visits:checkOut', { visitId: visit.id });
    await a.ok('mail:pickUp', pickupInput(item.item.id));
    await b.ok('mail:pickUp', pickupInput(item.item.id, { signerName: '李四', relation: 'authorised' }));
    await a.ok('tickets:cancel', { ticketId: ticket.id, reason: '住户说不用修了' });
    clock.ms += 1000;
    await b.ok('tickets:step', { ticketId: ticket.id, action: 'resolve', note: '已疏通' });
    await a.ok('settings:update', { mailReturnDays: 10 });
    clock.ms += 1000;
    await b.ok('settings:update', { mailReturnDays: 21 });
    await syncAll(clients);

    const atA = await a.ok('conflicts:list', {});
    expect(atA.map((c) => c.kind).sort()).toEqual(KINDS);
    expect(await idsAt(b)).toEqual(atA.map((c) => c.id).sort());
    expect((await listConflicts(suite.hq.db, siteId)).map((c) => c.id).sort()).toEqual(atA.map((c) => c.id).sort());
    // Both sides, each with its desk, person and what it did, in the people's words.
    const fee = atA.find((c) => c.kind === 'fee_paid_twice')!;
    expect(fee.sides.map((s) => [s.deskCode, s.what, s.won])).toEqual([
      ['A1', 'HY-A1-2026-000001', true],
      ['A2', 'HY-A2-2026-000001', false],
    ]);
    expect(fee).toMatchObject({ subject: expect.stringContaining('1-2-301'), unitId: host.unitId });
    const checkout = atA.find((c) => c.kind === 'double_checkout')!;
    expect(checkout.subject).toBe(`赵六 · ${visit.passNo}`);
    // B's own administrator is a person A has not heard of (set up apart): no name rather than an id.
    expect(checkout.sides.map((s) => [s.deskCode, s.actorName])).toEqual([
      ['A1', '王经理'],
      ['A2', ''],
    ]);
    const pickup = atA.find((c) => c.kind === 'double_pickup')!;
    expect(pickup.sides.map((s) => s.what)).toEqual(['张三', '李四']);
    const lost = atA.find((c) => c.kind === 'ticket_lost_to_cancel')!;
    expect(lost.sides.map((s) => [s.deskCode, s.what])).toEqual([
      ['A1', 'cancel'],
      ['A2', 'resolve'],
    ]);
    const setting = atA.find((c) => c.kind === 'setting_overwritten')!;
    expect(setting.sides.map((s) => [s.deskCode, s.what, s.won])).toEqual([
      ['A2', '21', true],
      ['A1', '10', false],
    ]);

    // HQ's administrator sees the same list, both sides of each, from the CLI.
    const listed: string[] = [];
    expect(await runCli(suite.hq.db, ['conflicts', 'HY'], (l) => listed.push(l))).toBe(0);
    expect(listed[0]).toBe('5 conflict(s) to resolve at HY');
    expect(listed).toContain(`${fee.id}\tfee_paid_twice\t${fee.subject}`);
    expect(listed.filter((l) => l.startsWith('  lost\t'))).toHaveLength(5);

    // The handover sheet hands the unresolved ones to the next shift, each record with both desks.
    const sheet = await b.ok('shift:preview', {});
    const open = sheet.sections.find((x) => x.key === 'conflictsOpen')!;
    expect(open.lines.map((l) => l.tag).sort()).toEqual(atA.map((c) => c.subject).sort());
    expect(open.lines.find((l) => l.tag === fee.subject)?.text).toBe('A1 HY-A1-2026-000001 ↔ A2 王经理 HY-A2-2026-000001');

    // A resolves the fee and the visit with a note, reopens the ticket for its callback; B resolves
    // the pickup; HQ's administrator resolves the setting from the CLI.
    await a.ok('conflicts:resolve', { conflictId: fee.id, note: '已退还 B 台收的一笔' });
    await a.ok('conflicts:resolve', { conflictId: checkout.id, note: '同一访客，两台各登记一次' });
    await a.ok('conflicts:resolve', { conflictId: lost.id, note: '已修好，需回访', action: 'reopened' });
    await b.ok('conflicts:resolve', { conflictId: pickup.id, note: '家属代领，已电话确认' });
    const printed: string[] = [];
    expect(
      await runCli(suite.hq.db, ['resolve-conflict', 'HY', setting.id, '总部张工', '按', '21', '天执行'], (l) => printed.push(l)),
    ).toBe(0);
    expect(printed).toEqual([`resolved ${setting.id}`]);
    await syncAll(clients);

    expect(await idsAt(a)).toEqual([]);
    expect(await idsAt(b)).toEqual([]);
    expect(await listConflicts(suite.hq.db, siteId)).toEqual([]);
    expect((await a.ok('shift:preview', {})).sections.find((x) => x.key === 'conflictsOpen')?.lines).toEqual([]);
    const resolvedAtB = await b.ok('conflicts:list', { includeResolved: true });
    expect(resolvedAtB.find((c) => c.id === setting.id)?.resolution).toMatchObject({ note: '按 21 天执行', byName: '总部张工' });
    expect(resolvedAtB.find((c) => c.id === pickup.id)?.resolution?.note).toBe('家属代领，已电话确认');
    // The reopened ticket is resolved again at both desks, its callback due.
    for (const desk of [a, b]) {
      const t = await desk.ok('tickets:get', { ticketId: ticket.id });
      expect(t.ticket.state).toBe('resolved');
    }
  }, 60_000);

  it('a second resolution of the same conflict is refused and writes nothing', async () => {
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    const visit = (await a.ok('visits:checkIn', await checkInInput(a))).visit;
    await syncAll(clients);
    await a.ok('visits:checkOut', { visitId: visit.id });
    await b.ok('visits:checkOut', { visitId: visit.id });
    await syncAll(clients);
    const [c] = await a.ok('conflicts:list', {});
    const input = { conflictId: c.id, note: '已核实' };
    // A receptionist neither sees the inbox nor resolves from it: the backend refuses, not only the menu.
    const clerk = await addStaff(a, 'receptionist', 'R001', '1357', '周前台');
    expect(await a.call('conflicts:list', {}, clerk.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await a.call('conflicts:resolve', input, clerk.session)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const both = await Promise.all([a.call('conflicts:resolve', input), a.call('conflicts:resolve', input)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(a.backend.database.raw.prepare("SELECT COUNT(*) FROM events WHERE type = 'ConflictResolved'").pluck().get()).toBe(1);
    expect(await a.call('conflicts:resolve', { conflictId: c.id, note: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  }, 60_000);
});
