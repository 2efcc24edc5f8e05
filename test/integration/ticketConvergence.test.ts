import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvent, rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { complaintInput } from '../support/tickets.js';

const ticketEvents = (desk: TestDesk) =>
  (
    desk.backend.database.raw.prepare("SELECT * FROM events WHERE type LIKE 'Ticket%' ORDER BY seq").all() as Database['events'][]
  ).map(rowToEvent);
const ticketRows = (desk: TestDesk) => ({
  tickets: desk.backend.database.raw.prepare('SELECT * FROM tickets ORDER BY id').all(),
  steps: desk.backend.database.raw.prepare('SELECT * FROM ticket_steps ORDER BY id').all(),
  deadlines: desk.backend.database.raw.prepare('SELECT * FROM ticket_deadlines ORDER BY ticket_id, n').all(),
});

describe('tickets: steps pulled from another desk in any order converge', () => {
  let a: TestDesk;
  let b: TestDesk;
  beforeAll(async () => {
    a = await openTestDesk();
    b = await openTestDesk();
    await importSampleDirectory(a);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('the same events applied backwards (steps before the opening) give the same tickets, steps and deadlines', async () => {
    const { ticket } = await a.ok('tickets:create', await complaintInput(a));
    await a.ok('tickets:dispatch', { ticketId: ticket.id, department: '客服部' });
    await a.ok('tickets:step', { ticketId: ticket.id, action: 'resolve' });
    await a.ok('tickets:callback', { ticketId: ticket.id, outcome: 'not_satisfied', note: '未道歉' });
    await a.ok('tickets:step', { ticketId: ticket.id, action: 'resolve' });
    await a.ok('tickets:callback', { ticketId: ticket.id, outcome: 'satisfied' });
    const events = ticketEvents(a);
    for (const e of [...events].reverse()) await b.backend.database.db.transaction().execute((trx) => applyEvent(trx, e));
    const left = ticketRows(a);
    expect(ticketRows(b)).toEqual(left);
    expect(left.tickets).toMatchObject([{ state: 'callback_done', reopen_count: 1 }]);
  });

  it('a step illegal at its HLC position (a close racing a reopen from another desk) is kept and flagged', async () => {
    const [ticket] = a.backend.database.raw.prepare('SELECT id FROM tickets').all() as { id: string }[];
    await a.ok('tickets:step', { ticketId: ticket.id, action: 'close' });
    const close = ticketEvents(a).pop()!;
    // Desk B reopened the same ticket (same HLC moment, earlier in order): then A's close is illegal there.
    const reopen = {
      ...close,
      id: '00000000-0000-7000-8000-000000000001',
      deviceId: 'other',
      deviceSeq: 1,
      type: 'TicketReopened' as const,
      hlc: close.hlc.replace(/.$/, '0'),
      payload: { ticketId: ticket.id, at: (close.payload as { at: string }).at, reason: '另一前台复开' },
    };
    await a.backend.database.db.transaction().execute((trx) => applyEvent(trx, reopen as never));
    const d = await a.ok('tickets:get', { ticketId: ticket.id });
    expect(d.ticket).toMatchObject({ state: 'reopened', reopenCount: 2, flaggedCount: 1 });
    expect(d.steps.filter((s) => s.flagged).map((s) => s.sort)).toEqual(['close']);
    expect(d.steps).toHaveLength(7);
  });
});
