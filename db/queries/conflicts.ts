import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { rowToEvent } from '../events.js';
import type { DomainEvent, EventType } from '../../shared/events/catalog.js';
import type { ConflictSource } from '../../shared/conflicts/gather.js';
import { HQ_DEVICE_ID } from '../../shared/sync/protocol.js';
import { eventAuthority } from '../../shared/events/authority.js';
import { getSiteIdentity } from '../meta.js';

type Db = Kysely<Database>;

// Payload fields are named by code (gather.ts), never by input: still, only plain names reach the SQL.
const path = (field: string) => {
  if (!/^[A-Za-z]+$/.test(field)) throw new Error(`not a payload field: ${field}`);
  return `$.${field}`;
};

/** The desk's events log as the conflict detection reads it, with the names it shows. */
export async function deskConflictSource(db: Db): Promise<ConflictSource> {
  const [staff, codes] = await Promise.all([db.selectFrom('staff').select(['id', 'name']).execute(), deskCodes(db)]);
  const people = new Map(staff.map((s) => [s.id, s.name]));
  const many = async (q: Promise<unknown[]>): Promise<DomainEvent[]> => (await q).map((r) => rowToEvent(r as Database['events']));
  return {
    ofTypes: (types: EventType[]) => many(db.selectFrom('events').selectAll().where('type', 'in', types).execute()),
    byField: (types: EventType[], field: string, values: string[]) =>
      values.length === 0
        ? Promise.resolve([])
        : many(
            db
              .selectFrom('events')
              .selectAll()
              .where('type', 'in', types)
              .where(sql<string>`json_extract(payload, ${path(field)})`, 'in', values)
              .execute(),
          ),
    repeated: async (types: EventType[], field: string) => {
      const rows = await db
        .selectFrom('events')
        .select(sql<string>`json_extract(payload, ${path(field)})`.as('v'))
        .where('type', 'in', types)
        .groupBy('v')
        .having(sql`count(*)`, '>', 1)
        .execute();
      return rows.map((r) => r.v);
    },
    names: {
      desk: (deviceId) => (deviceId === HQ_DEVICE_ID ? 'HQ' : (codes.get(deviceId) ?? '')),
      person: (actor) => people.get(actor) ?? '',
    },
  };
}

/**
 * Each desk's code as this desk can know it: a desk's pushed events carry no code, but every number it
 * issues starts `{SITE}-{DEVICE}-` (HQ refuses any other, shared/events/authority.ts), so one such
 * event per desk names it.
 */
async function deskCodes(db: Db): Promise<Map<string, string>> {
  const issuing = (Object.keys(eventAuthority) as EventType[]).filter((t) => eventAuthority[t].issues);
  const rows = await db
    .selectFrom('events')
    .select(['device_id', 'type', sql<string>`max(payload)`.as('payload')])
    .where('type', 'in', issuing)
    .groupBy(['device_id', 'type'])
    .execute();
  const codes = new Map<string, string>();
  const self = await getSiteIdentity(db);
  if (self) codes.set(self.deviceId, self.deviceCode);
  for (const r of rows) {
    const issues = eventAuthority[r.type as EventType].issues as (p: unknown) => string[];
    const code = issues(JSON.parse(r.payload))[0]?.split('-')[1];
    if (code && !codes.has(r.device_id)) codes.set(r.device_id, code);
  }
  return codes;
}
