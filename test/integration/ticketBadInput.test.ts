import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleDirectory, openTestDesk, type TestDesk } from '../support/desk.js';
import { complaintInput, repairInput } from '../support/tickets.js';
import { expectFieldError, snapshot } from './helpers.js';
import type { ProcInput } from '../../shared/api/contract.js';

const TABLES = ['events', 'tickets', 'ticket_steps', 'ticket_deadlines', 'print_jobs', 'counters'];

describe('tickets: bad input gets a message at the field and writes nothing', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await openTestDesk();
    await importSampleDirectory(desk);
  });
  afterAll(() => desk.close());

  const refused = async (input: ProcInput<'tickets:create'>, path: string, message: string) => {
    const before = snapshot(desk, TABLES);
    expectFieldError(await desk.call('tickets:create', input), path, message);
    expect(snapshot(desk, TABLES)).toEqual(before);
  };

  it('missing required fields per kind', async () => {
    await refused(await complaintInput(desk, { severity: undefined }), 'severity', 'err.ticket.severityRequired');
    await refused(await repairInput(desk, { urgency: undefined }), 'urgency', 'err.ticket.urgencyRequired');
    await refused(
      await complaintInput(desk, { kind: 'message', severity: undefined }),
      'targetOccupantId',
      'err.ticket.targetRequired',
    );
    await refused(await complaintInput(desk, { description: '  ' }), 'description', 'err.required');
    await refused(
      await complaintInput(desk, { occupantId: null, customer: { name: '', unitCode: '3-3-101' } }),
      'customer.name',
      'err.ticket.customerRequired',
    );
    await refused(
      await complaintInput(desk, { occupantId: null, customer: { name: '来电人' } }),
      'customer.unitCode',
      'err.required',
    );
    await refused(await complaintInput(desk, { problem: 'no_such_problem' }), 'problem', 'err.ticket.unknownProblem');
  });

  it('fields that do not belong to the kind', async () => {
    await refused(await repairInput(desk, { severity: 'major' }), 'severity', 'err.ticket.severityOnRepair');
    await refused(await complaintInput(desk, { urgency: 'urgent' }), 'urgency', 'err.ticket.notForKind');
    await refused(await repairInput(desk, { anonymous: true }), 'anonymous', 'err.ticket.notForKind');
  });

  it('a charge on a free repair, a paid repair without an agreed charge', async () => {
    await refused(
      await repairInput(desk, { paid: false, chargeFen: 5000, chargeAgreed: false }),
      'chargeFen',
      'err.ticket.chargeOnFree',
    );
    await refused(await repairInput(desk, { chargeFen: 0 }), 'chargeFen', 'err.ticket.chargeRequired');
    await refused(await repairInput(desk, { chargeAgreed: false }), 'chargeAgreed', 'err.ticket.chargeNotAgreed');
    await refused(await repairInput(desk, { chargeFen: -1 }), 'chargeFen', 'err.range');
  });

  it('a promised reply in the past', async () => {
    await refused(
      await complaintInput(desk, { kind: 'inquiry', severity: undefined, promisedReplyAt: '2026-11-22T08:00:00+08:00' }),
      'promisedReplyAt',
      'err.ticket.pastTime',
    );
  });

  it('a deferral date in the past, today, or more than a year ahead', async () => {
    const { ticket } = await desk.ok('tickets:create', await repairInput(desk));
    const before = snapshot(desk, TABLES);
    for (const [until, message] of [
      ['2026-11-21', 'err.ticket.deferPast'],
      ['2026-11-22', 'err.ticket.deferPast'],
      ['2027-11-24', 'err.ticket.deferTooFar'],
      ['2026-13-01', 'err.date'],
    ] as const) {
      expectFieldError(await desk.call('tickets:defer', { ticketId: ticket.id, until, reason: '等配件' }), 'until', message);
    }
    expectFieldError(
      await desk.call('tickets:defer', { ticketId: ticket.id, until: '2026-11-30', reason: '' }),
      'reason',
      'err.required',
    );
    expectFieldError(
      await desk.call('tickets:callback', { ticketId: ticket.id, outcome: 'not_satisfied' }),
      'note',
      'err.ticket.reasonRequired',
    );
    expect(snapshot(desk, TABLES)).toEqual(before);
    const d = await desk.ok('tickets:defer', { ticketId: ticket.id, until: '2027-11-20', reason: '等配件' });
    expect(d.ticket).toMatchObject({ state: 'deferred', deferredUntil: '2027-11-20' });
  });
});
