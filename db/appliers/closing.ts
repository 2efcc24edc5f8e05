import type { Kysely } from 'kysely';
import type { DomainEvent } from '../../shared/events/catalog.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/**
 * Whether closing event `e` wins the record now: of several closing events for one record (a visit
 * checked out at two desks, a pass released at two gates), the earliest by HLC wins whatever order
 * they arrive in, and each other one is kept in the log and flagged in sync_conflicts. The caller
 * writes the winner's state (with close_hlc / close_event_id) when this returns true. A record closed
 * before sync existed (no close_hlc) keeps its close.
 */
export async function closingWins(
  db: Db,
  entity: 'visit' | 'release_pass',
  entityId: string,
  current: { close_hlc: string | null; close_event_id: string | null; closed: boolean },
  e: DomainEvent,
): Promise<boolean> {
  if (!current.closed) return true;
  if (current.close_event_id === e.id) return false; // this very event already closed it
  if (!current.close_event_id || current.close_hlc === null || current.close_hlc <= e.hlc) {
    await flag(db, e.id, entity, entityId, current.close_event_id ?? 'unknown');
    return false;
  }
  await flag(db, current.close_event_id, entity, entityId, e.id);
  await db
    .updateTable('sync_conflicts')
    .set({ winner_event_id: e.id })
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .execute();
  return true;
}

function flag(db: Db, loser: string, entity: string, entityId: string, winner: string) {
  return db
    .insertInto('sync_conflicts')
    .values({ event_id: loser, entity, entity_id: entityId, winner_event_id: winner })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ winner_event_id: winner }))
    .execute();
}
