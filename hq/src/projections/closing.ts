import { sql } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import type { HqDb } from './types.js';

/**
 * The closing rule (docs/sync-protocol.md): of several closing events for one record, the earliest by
 * HLC wins whatever order they arrive in; every other one is kept in the log and flagged in
 * hq_conflicts with the winner. `set` is the state the winner writes. Returns a rejection reason when
 * the record does not exist at HQ.
 */
export async function closeRecord(
  trx: HqDb,
  table: string,
  entity: string,
  siteId: string,
  entityId: string,
  event: DomainEvent,
  set: Record<string, unknown>,
): Promise<string | null> {
  const t = sql.table(table);
  const { rows } = await sql<{ close_hlc: string | null; close_event_id: string | null }>`
    SELECT close_hlc, close_event_id FROM ${t} WHERE id = ${entityId} AND site_id = ${siteId} FOR UPDATE`.execute(trx);
  const [current] = rows;
  if (!current) return `unknown_${entity}`;
  if (current.close_event_id === event.id) return null;
  const flag = (loser: string, winner: string) =>
    sql`INSERT INTO hq_conflicts (event_id, site_id, entity, entity_id, winner_event_id)
        VALUES (${loser}, ${siteId}, ${entity}, ${entityId}, ${winner})
        ON CONFLICT (site_id, event_id) DO UPDATE SET winner_event_id = excluded.winner_event_id`.execute(trx);
  if (current.close_event_id && current.close_hlc! <= event.hlc) {
    await flag(event.id, current.close_event_id);
    return null;
  }
  const assignments = Object.entries({ ...set, close_hlc: event.hlc, close_event_id: event.id }).map(
    ([k, v]) => sql`${sql.ref(k)} = ${v}`,
  );
  await sql`UPDATE ${t} SET ${sql.join(assignments)} WHERE id = ${entityId} AND site_id = ${siteId}`.execute(trx);
  if (current.close_event_id) {
    await flag(current.close_event_id, event.id);
    await sql`UPDATE hq_conflicts SET winner_event_id = ${event.id} WHERE site_id = ${siteId} AND entity_id = ${entityId} AND entity = ${entity}`.execute(
      trx,
    );
  }
  return null;
}
