import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { TestClock, type TestDesk } from '../support/desk.js';
import { consoleClient } from '../support/consoleClient.js';
import { createSite, issueEnrollCode } from '../../hq/src/store/admin.js';
import { createConsoleUser } from '../../hq/src/console/store/users.js';
import { decodeHlc, encodeHlc, tickHlc } from '../../shared/domain/hlc.js';
import type { EventPayload } from '../../shared/events/catalog.js';
import type { HqTicketDetail, HqTicketRow } from '../../hq/src/console/contract/hqtickets.js';

/**
 * Tickets from HQ (issue 21 item 6): a service manager opens a repair for a site in the console; both
 * desks of the site find it on their board after a sync; one desk dispatches and resolves it, the other
 * records the callback; after each sync the console shows the timeline and state the desks hold. Who may
 * open one, for which sites, and bad input that writes nothing; a desk cannot pass its own ticket off as HQ's.
 */
const clock = new TestClock(Date.now());
const suite = hqSuite({ clock: () => clock.now() });

async function syncAll(clients: { syncNow(): Promise<void> }[]) {
  for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();
}

const hqTicketEvents = async () =>
  Number(
    (
      await sql<{ n: string }>`SELECT count(*) AS n FROM events WHERE device_id = 'hq' AND type = 'TicketOpened'`.execute(
        suite.hq.db,
      )
    ).rows[0].n,
  );

const repair = (siteId: string, over: Record<string, unknown> = {}) => ({
  siteId,
  requestId: uuidv4(),
  kind: 'repair',
  place: 'common',
  category: 'elevator',
  problem: 'stuck',
  urgency: 'urgent',
  description: '3 号电梯困人报警后总部接到投诉，请尽快处理',
  unitCode: '1-2-301',
  ...over,
});

/** A tampered desk: a TicketOpened written straight into its log, so its own client pushes it. */
function forgeOpening(d: TestDesk, payload: EventPayload<'TicketOpened'>): string {
  const raw = d.backend.database.raw;
  const meta = (key: string) => (raw.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string }).value;
  const deviceId = meta('device_id');
  const last = raw.prepare('SELECT max(device_seq) AS s FROM events WHERE device_id = ?').get(deviceId) as { s: number };
  const newest = raw.prepare('SELECT hlc FROM events ORDER BY hlc DESC LIMIT 1').get() as { hlc: string };
  const id = uuidv7();
  raw
    .prepare(
      'INSERT INTO events (id, device_id, device_seq, hlc, type, v, actor, site_id, payload, recorded_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
    )
    .run(
      id,
      deviceId,
      last.s + 1,
      encodeHlc(tickHlc(decodeHlc(newest.hlc), d.clock.ms, deviceId)),
      'TicketOpened',
      'hq',
      meta('site_id'),
      JSON.stringify(payload),
      d.clock.now().toISOString(),
    );
  return id;
}

describe('console: tickets from HQ', () => {
  it('reaches both desks of the site, comes back resolved and called back; roles, scope and bad input write nothing', async () => {
    const db = suite.hq.db;
    const a = await suite.openDesk({ deviceCode: 'A1', clock });
    const b = await suite.openDesk({ deviceCode: 'A2', clock });
    const { siteId: hy, clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    const xb = await createSite(db, { code: 'XB', name: '西部园区', kind: 'office' });
    await createConsoleUser(db, { login: 'kf', name: '客服王', password: 'Service-2026x', role: 'service', siteIds: [hy] });
    await createConsoleUser(db, { login: 'cw', name: '财务李', password: 'Finance-2026x', role: 'finance', siteIds: null });
    await createConsoleUser(db, { login: 'sj', name: '审计赵', password: 'Auditor-2026x', role: 'auditor', siteIds: null });
    const kf = consoleClient(suite.hq);
    expect((await kf('session.signIn', { login: 'kf', password: 'Service-2026x' })).body.ok).toBe(true);

    // The form's choices are the site's classifier, by name.
    const clsAnswer = await kf('hqtickets.classifier', { siteId: hy });
    expect(clsAnswer.body.error).toBeUndefined();
    const cls = clsAnswer.body.value as { places: { code: string; zh: string }[] };
    expect(cls.places.find((p) => p.code === 'common')?.zh).toBe('公共区域');

    // Bad input: each at its field, nothing written (no event, no audit line).
    const badAt = async (input: Record<string, unknown>) => {
      const r = await kf('hqtickets.create', input);
      expect(r.body.ok).toBe(false);
      return r.body.error!.issues!.map((i) => `${i.path}:${i.message}`);
    };
    expect(await badAt(repair(hy, { description: '  ' }))).toEqual(['description:hqtickets.err.required']);
    expect(await badAt(repair(hy, { urgency: null }))).toEqual(['urgency:hqtickets.err.urgencyRequired']);
    expect(await badAt(repair(hy, { kind: 'complaint', urgency: null }))).toEqual(['severity:hqtickets.err.severityRequired']);
    expect(await badAt(repair(hy, { problem: 'no_such_problem' }))).toEqual(['problem:hqtickets.err.unknownProblem']);
    expect(await badAt(repair(hy, { unitCode: 'x'.repeat(31) }))).toEqual(['unitCode:hqtickets.err.tooLong']);
    expect(await badAt(repair(hy, { kind: 'message' }))).toEqual(['kind:hqtickets.err.kind']);
    expect(await hqTicketEvents()).toBe(0);
    const audits = () => db.selectFrom('hq_console_audit').select('action').where('action', '=', 'hqtickets.create').execute();
    expect(await audits()).toEqual([]);

    // Finance and the auditor may not open one; a site outside the manager's scope is refused, read or write.
    for (const [login, password] of [
      ['cw', 'Finance-2026x'],
      ['sj', 'Auditor-2026x'],
    ]) {
      const c = consoleClient(suite.hq);
      await c('session.signIn', { login, password });
      expect((await c('hqtickets.create', repair(hy))).body.error?.code).toBe('forbidden');
    }
    expect(
      (await kf('hqtickets.create', repair(xb, { place: 'office', category: 'aircon', problem: 'other' }))).body.error?.code,
    ).toBe('forbidden');
    expect((await kf('hqtickets.list', { siteId: xb })).body.error?.code).toBe('forbidden');
    expect(await hqTicketEvents()).toBe(0);

    // Opened; a second click of the same submission is the same ticket.
    const input = repair(hy);
    const created = (await kf('hqtickets.create', input)).body.value as HqTicketRow;
    expect(created).toMatchObject({ channel: 'hq', fromHq: true, state: 'registered', kind: 'repair', unitCode: '1-2-301' });
    expect(created.ticketNo).toMatch(/^HY-HQ-T\d{6}-0001$/);
    expect(((await kf('hqtickets.create', input)).body.value as HqTicketRow).id).toBe(created.id);
    expect(await hqTicketEvents()).toBe(1);
    expect(await audits()).toHaveLength(2);
    // Under HQ's own identity, never a desk's.
    const stored = await db.selectFrom('events').select(['device_id', 'actor']).where('type', '=', 'TicketOpened').execute();
    expect(stored).toEqual([{ device_id: 'hq', actor: 'hq' }]);

    await syncAll(clients);
    // Not on site within the urgent repair's 10 minutes: overdue at HQ (looked at 11 minutes on, before the desks go on).
    clock.ms += 11 * 60_000;
    const late = (await kf('hqtickets.list', { siteId: hy })).body.value as { tickets: HqTicketRow[] };
    expect(late.tickets.find((t) => t.id === created.id)).toMatchObject({ overdue: true, nextDueAt: created.nextDueAt });
    clock.ms -= 11 * 60_000;
    for (const desk of [a, b]) {
      const board = await desk.ok('tickets:board', {});
      const t = board.open.find((x) => x.id === created.id);
      expect(t).toMatchObject({ ticketNo: created.ticketNo, channel: 'hq', receiverName: '客服王', state: 'registered' });
      expect(t!.description).toBe(input.description);
      expect(t!.label).toBe('公共区域 / 电梯 / 困人');
      // An urgent repair is due on site within 10 minutes at the desk as at HQ.
      expect(t!.nextDueAt).toBe(created.nextDueAt);
    }

    // Desk A dispatches and resolves; the console and desk B see it resolved.
    await a.ok('tickets:dispatch', { ticketId: created.id, department: '工程部', assignee: '李师傅' });
    clock.ms += 60_000;
    await a.ok('tickets:step', { ticketId: created.id, action: 'resolve', note: '已放人，电梯复位' });
    await syncAll(clients);
    const get = async () => (await kf('hqtickets.get', { siteId: hy, ticketId: created.id })).body.value as HqTicketDetail;
    let detail = await get();
    expect(detail.ticket.state).toBe('resolved');
    expect(detail.ticket.openedBy).toBe('客服王');
    expect(detail.steps.map((s) => [s.sort, s.desk, s.by])).toEqual([
      ['opened', 'HQ', '客服王'],
      ['dispatch', 'A1', '王经理'],
      ['resolve', 'A1', '王经理'],
    ]);
    expect(detail.steps[1].text).toBe('工程部 · 李师傅');
    expect(detail.steps[2].text).toBe('已放人，电梯复位');
    expect((await b.ok('tickets:get', { ticketId: created.id })).ticket.state).toBe('resolved');

    // Desk B calls back: closed for the callback at HQ too, still listed among the site's open tickets until closed.
    await b.ok('tickets:callback', { ticketId: created.id, outcome: 'satisfied', note: '住户满意' });
    await syncAll(clients);
    detail = await get();
    expect(detail.ticket.state).toBe('callback_done');
    expect(detail.steps.at(-1)).toMatchObject({ sort: 'callback_satisfied', desk: 'A2' });
    const open = ((await kf('hqtickets.list', { siteId: hy })).body.value as { zone: string; tickets: HqTicketRow[] }).tickets;
    expect(open.map((t) => t.id)).toContain(created.id);
    const list = (await kf('hqtickets.list', { siteId: hy, show: 'fromHq' })).body.value as {
      zone: string;
      tickets: HqTicketRow[];
    };
    expect(list.zone).toBe('Asia/Shanghai');
    const mine = list.tickets;
    expect(mine.map((t) => [t.ticketNo, t.state])).toEqual([[created.ticketNo, 'callback_done']]);
    // The auditor reads it.
    const sj = consoleClient(suite.hq);
    await sj('session.signIn', { login: 'sj', password: 'Auditor-2026x' });
    expect(((await sj('hqtickets.get', { siteId: hy, ticketId: created.id })).body.value as HqTicketDetail).ticket.id).toBe(
      created.id,
    );

    // The classifier is the site's own: a problem a desk's manager added is offered and taken at HQ.
    const { places } = await a.ok('tickets:classifier', {});
    const tree = structuredClone(places);
    tree
      .find((p) => p.code === 'common')!
      .categories.find((c) => c.code === 'elevator')!
      .problems.push({
        code: 'door_fault',
        zh: '电梯门故障',
        en: 'Lift door fault',
        callback: 'safety',
      });
    await a.ok('settings:update', { classifier: tree });
    expect(await badAt(repair(hy, { problem: 'door_fault' }))).toEqual(['problem:hqtickets.err.unknownProblem']);
    await syncAll(clients);
    const second = (await kf('hqtickets.create', repair(hy, { problem: 'door_fault' }))).body.value as HqTicketRow;
    expect(second).toMatchObject({
      label: '公共区域 / 电梯 / 电梯门故障',
      ticketNo: created.ticketNo.replace(/-0001$/, '-0002'),
    });

    // A desk cannot pass a ticket off as HQ's: an opening with HQ's number is rejected, and no desk may be HQ;
    // Nor under its own number in HQ's name: 'hq' is no person of the site.
    const opened = (await a.ok('tickets:get', { ticketId: created.id })).ticket;
    const hqPayload = (
      await db.selectFrom('events').select('payload').where('type', '=', 'TicketOpened').executeTakeFirstOrThrow()
    ).payload as EventPayload<'TicketOpened'>;
    const forge = (ticketNo: string) => forgeOpening(a, { ...hqPayload, ticketId: uuidv7(), requestId: uuidv7(), ticketNo });
    const forged = [forge(opened.ticketNo.replace(/-0001$/, '-0003')), forge(opened.ticketNo.replace('-HQ-', '-A1-'))];
    await syncAll(clients);
    const verdicts = await Promise.all(
      forged.map((id) => db.selectFrom('events').select(['status', 'reject_reason']).where('id', '=', id).executeTakeFirst()),
    );
    expect(verdicts).toEqual([
      { status: 'rejected', reject_reason: 'foreign_number' },
      { status: 'rejected', reject_reason: 'unknown_actor' },
    ]);
    expect((await b.ok('tickets:board', {})).open.map((t) => t.ticketNo)).not.toContain(
      opened.ticketNo.replace(/-0001$/, '-0003'),
    );
    await expect(issueEnrollCode(db, hy, 'HQ')).rejects.toThrow(/HQ/);
  }, 120_000);
});
