import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../hq/src/pg/schema.js';
import { checkInInput, type TestDesk } from './desk.js';
import { occupant, passInput } from './releasePass.js';
import { complaintInput } from './tickets.js';
import { checkInVisitor, VISITOR } from './retention.js';

/** The person asking about their data: a visitor who also carried things out and complained. */
export const PERSON = { name: VISITOR.name, phone: VISITOR.phone, idNumber: VISITOR.idNumber };

/**
 * What a desk holds on PERSON after a day at the building: a visit (to 张三 of 1-2-301), a release
 * pass as 张三's agent with his consent by phone, and a walk-in complaint; another visitor's visit too.
 */
export async function personsDay(desk: TestDesk) {
  const visit = await checkInVisitor(desk);
  const other = (await desk.ok('visits:checkIn', await checkInInput(desk))).visit;
  const owner = await occupant(desk, '张三');
  const pass = await desk.ok(
    'passes:issue',
    await passInput(desk, {
      applicant: { name: PERSON.name, phone: PERSON.phone, idType: 'resident_id', idNumber: PERSON.idNumber },
      relation: 'agent',
      authority: { occupantId: owner.occupantId, method: 'phone' },
    }),
  );
  const ticket = (
    await desk.ok(
      'tickets:create',
      await complaintInput(desk, {
        occupantId: undefined,
        channel: 'walk_in',
        customer: { name: PERSON.name, phone: PERSON.phone, unitCode: '', company: '' },
      }),
    )
  ).ticket;
  return { visit, other, pass, ticket };
}

/** Whether any row of any HQ table holds the text (pg_dump in Debian is older than the embedded server). */
export async function hqHolds(db: Kysely<HqDatabase>, text: string): Promise<boolean> {
  const { rows: tables } = await sql<{ name: string }>`
    SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(db);
  for (const { name } of tables) {
    const { rows } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM ${sql.table(name)} AS t WHERE t::text LIKE ${'%' + text + '%'}`.execute(db);
    if (Number(rows[0].n) > 0) return true;
  }
  return false;
}
