import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { decodeHlc, encodeHlc, tickHlc } from '../shared/domain/hlc.js';
import { eventCatalog, type DomainEvent, type EventPayload, type EventType } from '../shared/events/catalog.js';
import type { Database } from './schema.js';
import { appliers } from './appliers/index.js';

type Db = Kysely<Database>;

export interface WriteContext {
  siteId: string;
  deviceId: string;
  /** Staff id of whoever did it ('system' for the desk's own housekeeping). */
  actor: string;
  now: Date;
  /**
   * HQ's time plus the HLC allowance, when this desk knows HQ's time: stamps in the log beyond it (a
   * pulled event from a desk whose clock ran ahead, or this desk's own from before it knew) are not
   * carried on by the clock.
   */
  hlcCeilingMs?: number;
}

export interface EventDraft<T extends EventType = EventType> {
  type: T;
  payload: EventPayload<T>;
}

export const draft = <T extends EventType>(type: T, payload: EventPayload<T>): EventDraft<T> => ({ type, payload });

/**
 * The write path: inside the caller's transaction, give each draft an id (UUIDv7), the next gapless
 * device sequence and a hybrid-logical-clock stamp, append it to the log and apply it to the read
 * tables. Either all of it commits or none of it does. Each payload is checked against the catalog first.
 */
export async function appendEvents(trx: Db, ctx: WriteContext, drafts: EventDraft[]): Promise<DomainEvent[]> {
  // The log is the only record of the sequence and the clock: nothing beside it can disagree with it.
  let seq = await lastDeviceSeq(trx, ctx.deviceId);
  const ceiling = ctx.hlcCeilingMs ?? Infinity;
  let newestQuery = trx.selectFrom('events').select('hlc');
  // Encoded stamps sort like the clock: everything below the first stamp of the next millisecond.
  if (Number.isFinite(ceiling))
    newestQuery = newestQuery.where('hlc', '<', encodeHlc({ wallMs: ceiling + 1, counter: 0, node: '' }));
  const newest = await newestQuery.orderBy('hlc', 'desc').limit(1).executeTakeFirst();
  let hlc = newest ? decodeHlc(newest.hlc) : null;
  const written: DomainEvent[] = [];
  for (const d of drafts) {
    // A payload off its schema is this build's own bug: nothing of the write commits, and HQ never sees it.
    const valid = eventCatalog[d.type].payload.safeParse(d.payload);
    if (!valid.success) throw new Error(`${d.type}: payload does not match the event catalog: ${valid.error.message}`);
    hlc = tickHlc(hlc, ctx.now.getTime(), ctx.deviceId, ceiling);
    const event: DomainEvent = {
      id: uuidv7(),
      deviceId: ctx.deviceId,
      deviceSeq: ++seq,
      hlc: encodeHlc(hlc),
      type: d.type,
      v: eventCatalog[d.type].v,
      actor: ctx.actor,
      siteId: ctx.siteId,
      payload: d.payload,
      recordedAt: ctx.now.toISOString(),
    };
    await applyEvent(trx, event);
    written.push(event);
  }
  return written;
}

/** This desk's last sequence number; the sequence is gapless, so it is also its number of events. */
export async function lastDeviceSeq(db: Db, deviceId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select('device_seq')
    .where('device_id', '=', deviceId)
    .orderBy('device_seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.device_seq ?? 0;
}

/**
 * Appends one event to the log and applies it, unless its id was seen before: applying an event
 * twice changes nothing. Used for local writes and for events pulled from HQ alike.
 */
export async function applyEvent(trx: Db, event: DomainEvent): Promise<boolean> {
  const inserted = await trx
    .insertInto('events')
    .values({
      id: event.id,
      device_id: event.deviceId,
      device_seq: event.deviceSeq,
      hlc: event.hlc,
      type: event.type,
      v: event.v,
      actor: event.actor,
      site_id: event.siteId,
      payload: JSON.stringify(event.payload),
      recorded_at: event.recordedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  const apply = appliers[event.type] as (db: Db, e: DomainEvent) => Promise<void>;
  await apply(trx, event);
  return true;
}

export function rowToEvent(row: Database['events']): DomainEvent {
  return {
    id: row.id,
    deviceId: row.device_id,
    deviceSeq: row.device_seq,
    hlc: row.hlc,
    type: row.type as EventType,
    v: row.v,
    actor: row.actor,
    siteId: row.site_id,
    payload: JSON.parse(row.payload),
    recordedAt: row.recorded_at,
  } as DomainEvent;
}
