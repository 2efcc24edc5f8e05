import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';
import type { DomainEvent, EventType } from '../../../shared/events/catalog.js';
import type { Conflict } from '../../../shared/api/conflictSchemas.js';
import { gatherConflicts, type ConflictSource } from '../../../shared/conflicts/gather.js';
import { HQ_DEVICE_ID } from '../../../shared/sync/protocol.js';
import { appendMasterEvent } from './admin.js';
import { STORED_EVENT_COLUMNS, wireEventOf, type StoredEventRow } from './storedEvent.js';

type Db = Kysely<HqDatabase>;

type Row = StoredEventRow;

// Stored events passed HQ's catalog check at push: they are the domain events their type names.
const toEvent = (r: Row) => wireEventOf(r) as DomainEvent;
const COLUMNS = STORED_EVENT_COLUMNS;

/**
 * HQ's accepted events of one site as the conflict detection reads them: the desks run the same
 * detection (shared/conflicts/gather.ts) over the same events, so HQ lists what they list.
 */
async function hqConflictSource(db: Db, siteId: string): Promise<ConflictSource> {
  const [staff, devices] = await Promise.all([
    sql<{ staff_id: string; name: string }>`SELECT staff_id, name FROM hq_staff WHERE site_id = ${siteId}`
      .execute(db)
      .then((r) => r.rows),
    db.selectFrom('devices').select(['id', 'code']).where('site_id', '=', siteId).execute(),
  ]);
  const people = new Map(staff.map((s) => [s.staff_id, s.name]));
  const codes = new Map(devices.map((d) => [d.id, d.code]));
  const ok = sql`site_id = ${siteId} AND status = 'ok'`;
  return {
    async ofTypes(types: EventType[]) {
      const { rows } = await sql<Row>`SELECT ${COLUMNS} FROM events WHERE ${ok} AND type = ANY(${types})`.execute(db);
      return rows.map(toEvent);
    },
    async byField(types: EventType[], field: string, values: string[]) {
      if (!values.length) return [];
      const { rows } = await sql<Row>`SELECT ${COLUMNS} FROM events
        WHERE ${ok} AND type = ANY(${types}) AND payload->>${field} = ANY(${values})`.execute(db);
      return rows.map(toEvent);
    },
    async repeated(types: EventType[], field: string) {
      const { rows } = await sql<{ v: string }>`SELECT payload->>${field} AS v FROM events
        WHERE ${ok} AND type = ANY(${types}) GROUP BY 1 HAVING count(*) > 1`.execute(db);
      return rows.map((r) => r.v);
    },
    names: {
      desk: (deviceId) => (deviceId === HQ_DEVICE_ID ? 'HQ' : (codes.get(deviceId) ?? '')),
      person: (actor) => people.get(actor) ?? '',
    },
  };
}

/** The site's conflicts as HQ's events show them (unresolved only unless asked): the HQ console's list. */
export async function listConflicts(db: Db, siteId: string, includeResolved = false): Promise<Conflict[]> {
  const all = await gatherConflicts(await hqConflictSource(db, siteId));
  return includeResolved ? all : all.filter((c) => !c.resolution);
}

/**
 * Resolved at HQ with a note: an HQ event like its master data, so every desk of the site pulls it
 * and clears the conflict there too. Returns what to print.
 */
export async function resolveConflict(db: Db, siteId: string, conflictId: string, note: string, byName: string): Promise<string> {
  if (!note.trim()) throw new Error('A note is required: say what was done about it.');
  const c = (await listConflicts(db, siteId, true)).find((x) => x.id === conflictId);
  if (!c) throw new Error(`No conflict ${conflictId} at this site.`);
  if (c.resolution) return `already resolved by ${c.resolution.byName} at ${c.resolution.at}: ${c.resolution.note}`;
  const append = (trx: Db) =>
    appendMasterEvent(trx, siteId, 'ConflictResolved', {
      conflictId,
      kind: c.kind,
      action: 'noted',
      note: note.trim(),
      byName,
      at: new Date().toISOString(),
    });
  // The console calls this inside its write's transaction (with the audit line); the CLI opens its own.
  await (db.isTransaction ? append(db) : db.transaction().execute(append));
  return `resolved ${conflictId}`;
}

/** One conflict as CLI lines: the record, then each side (who, which desk, when, what). */
export function describeConflict(c: Conflict): string[] {
  const lines = [
    `${c.id}\t${c.kind}\t${c.subject}${c.resolution ? `\tRESOLVED by ${c.resolution.byName}: ${c.resolution.note}` : ''}`,
  ];
  for (const s of c.sides) lines.push(`  ${s.won ? 'kept' : 'lost'}\t${s.deskCode}\t${s.actorName}\t${s.at}\t${s.what}`);
  return lines;
}
