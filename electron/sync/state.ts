import type { Kysely } from 'kysely';
import { rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import type { CatalogLike } from '../../shared/events/verdict.js';
import { LOCAL_ONLY_EVENTS, type PullHistory, type Rejection, type WireEvent } from '../../shared/sync/protocol.js';
import { savePullHistory } from './history.js';
import { applyOrPark, applyParked } from './parking.js';
import { applyInSlices, type SliceOptions } from './slices.js';

type Db = Kysely<Database>;

export const syncState = (db: Db) => db.selectFrom('sync_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

/** The outbox: this desk's events HQ has not acknowledged, in deviceSeq order, bounded by count and bytes. */
export async function outbox(
  db: Db,
  deviceId: string,
  ackedSeq: number,
  maxEvents: number,
  maxBytes: number,
): Promise<WireEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('device_seq', '>', ackedSeq)
    .orderBy('device_seq')
    .limit(maxEvents)
    .execute();
  const out: WireEvent[] = [];
  let bytes = 0;
  for (const r of rows) {
    bytes += r.payload.length + 300;
    if (out.length > 0 && bytes > maxBytes) break;
    out.push(rowToEvent(r as never) as WireEvent);
  }
  return out;
}

/** Records HQ's acknowledgement and its rejections together (a rejection is acknowledged too). */
export async function recordPush(db: Db, ackedSeq: number, rejections: Rejection[], types: Map<string, string>, at: string) {
  await db.transaction().execute(async (trx) => {
    for (const r of rejections) {
      await trx
        .insertInto('sync_rejections')
        .values({
          event_id: r.eventId,
          device_seq: r.deviceSeq,
          type: types.get(r.eventId) ?? '',
          reason: r.reason,
          detail: r.detail,
          received_at: at,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    // Acknowledgements only move forward: a late answer to an older request never moves it back.
    await trx
      .updateTable('sync_state')
      .set({ acked_seq: ackedSeq })
      .where('id', '=', 1)
      .where('acked_seq', '<', ackedSeq)
      .execute();
  });
}

/**
 * A pulled page, applied in short slices (slices.ts) so desk calls run while a backlog arrives; the
 * new cursor and its history (history.ts) commit with the page's last slice. A crash mid-page re-pulls
 * the page, and re-applying changes nothing (applyEvent skips known ids). Parked events this build can
 * apply now go first (they were pulled before the page); what it cannot apply is parked (parking.ts).
 */
export async function applyPage(
  db: Db,
  events: WireEvent[],
  cursor: number,
  opts: { history?: PullHistory; catalog?: CatalogLike; slices?: SliceOptions } = {},
): Promise<number> {
  const unparked = await db.transaction().execute((trx) => applyParked(trx, opts.catalog));
  const applied = await applyInSlices(
    db,
    events,
    (trx, e) => (LOCAL_ONLY_EVENTS.has(e.type) ? Promise.resolve(false) : applyOrPark(trx, e, opts.catalog)),
    async (trx) => {
      await trx.updateTable('sync_state').set({ cursor }).where('id', '=', 1).execute();
      await savePullHistory(trx, opts.history);
    },
    opts.slices,
  );
  return unparked + applied;
}

export async function waitingSummary(db: Db, deviceId: string, ackedSeq: number) {
  const row = await db
    .selectFrom('events')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('recorded_at').as('oldest')])
    .where('device_id', '=', deviceId)
    .where('device_seq', '>', ackedSeq)
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.n), oldestWaitingAt: (row.oldest as string | null) ?? null };
}
