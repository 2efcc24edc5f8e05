import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { hqSuite } from '../support/hqSuite.js';
import { enrollDesks } from '../support/sync.js';
import { importSampleDirectory } from '../support/desk.js';
import { complaintInput } from '../support/tickets.js';

/**
 * Issue 16 item 4: the audit record of a sensitive read is an event like any other — HQ accepts and
 * keeps it, and the access log at another desk of the site lists it.
 */
const suite = hqSuite();

describe('the audit of sensitive reads across the site', () => {
  it("HQ lists the anonymous complaint without its unit; a manager's opening of an anonymous complainant at desk A is stored at HQ and listed at desk B", async () => {
    const a = await suite.openDesk({ deviceCode: 'A1' });
    const b = await suite.openDesk({ deviceCode: 'A2' });
    const { clients } = await enrollDesks(suite.hq, [a, b], suite.hq.url, 'HY', { backendClient: true });
    await importSampleDirectory(a);
    const { ticket } = await a.ok('tickets:create', await complaintInput(a, { anonymous: true, channel: 'walk_in' }));
    await a.ok('tickets:identity', { ticketId: ticket.id, reason: '回访核实' });
    for (let round = 0; round < 2; round++) for (const c of clients) await c.syncNow();

    const { rows } = await sql<{ status: string; payload: unknown }>`
      SELECT status, payload FROM events WHERE type = 'PersonalDataRead'`.execute(suite.hq.db);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('ok');
    expect(rows[0].payload).toMatchObject({ what: 'anonymous_complainant', ref: ticket.id, why: '回访核实' });
    expect(JSON.stringify(rows[0].payload)).not.toContain('张三');

    // HQ's ticket list (what it shows and exports) holds neither the unit nor the name.
    const listed = await sql<{ unit_code: string; customer_name: string }>`
      SELECT unit_code, customer_name FROM hq_tickets WHERE id = ${ticket.id}`.execute(suite.hq.db);
    expect(listed.rows).toEqual([{ unit_code: '', customer_name: '' }]);

    const atB = await b.ok('privacy:reads', {});
    expect(atB.map((r) => [r.what, r.label, r.why])).toEqual([['anonymous_complainant', ticket.ticketNo, '回访核实']]);
  });
});
