import { sql, type Kysely } from 'kysely';
import { appliers } from '../../db/appliers/index.js';
import { applyEvent, rowToEvent } from '../../db/events.js';
import type { Database } from '../../db/schema.js';
import type { DomainEvent } from '../../shared/events/catalog.js';
import { judgeEvent, thisBuildsCatalog, type CatalogLike } from '../../shared/events/verdict.js';
import type { WireEvent } from '../../shared/sync/protocol.js';

type Db = Kysely<Database>;

/** Parked events by kind, as the sync page lists them. */
export interface ParkedGroup {
  type: string;
  v: number;
  reason: string;
  count: number;
}

/**
 * Applies a pulled event, or parks it when this build cannot: a type it does not know or a newer `v`
 * (a newer desk wrote it), or a payload that breaks its version's schema. Parked, it is kept whole and
 * the page goes on, so the pull cursor never stops at it. Returns whether it was applied now.
 */
export async function applyOrPark(trx: Db, e: WireEvent, catalog: CatalogLike = thisBuildsCatalog): Promise<boolean> {
  const verdict = judgeEvent(e, catalog);
  if (!verdict) return applyEvent(trx, e as unknown as DomainEvent);
  await trx
    .insertInto('parked_events')
    .values({ event_id: e.id, type: e.type, v: e.v, reason: verdict.reason, detail: verdict.detail, event: JSON.stringify(e) })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return false;
}

/**
 * Applies, in the order they were pulled, the parked events this build now can (it was updated and
 * opened the same database); the others stay parked. Returns how many were applied.
 */
export async function applyParked(trx: Db, catalog: CatalogLike = thisBuildsCatalog): Promise<number> {
  const rows = await trx.selectFrom('parked_events').select(['position', 'event']).orderBy('position').execute();
  let applied = 0;
  for (const r of rows) {
    const e = JSON.parse(r.event) as WireEvent;
    if (judgeEvent(e, catalog)) continue;
    if (await applyEvent(trx, e as unknown as DomainEvent)) {
      applied++;
      await replayClosings(trx, e);
    }
    await trx.deleteFrom('parked_events').where('position', '=', r.position).execute();
  }
  return applied;
}

/**
 * Closing events the desk's appliers skip while the record they close is missing (tickets and mail
 * hand-overs fold their steps whatever the order, these do not): once a parked opening is applied, the
 * closings pulled meanwhile are applied to it again, in HLC order. Their appliers judge by HLC and by
 * their own id, so applying one again changes nothing it already did.
 */
const CLOSINGS_OF: Record<string, { key: string; closings: string[] }> = {
  VisitorCheckedIn: { key: 'visitId', closings: ['VisitorCheckedOut', 'VisitAutoClosed'] },
  ReleasePassIssued: { key: 'passId', closings: ['ReleasePassReleased', 'ReleasePassCancelled'] },
  LogEntryAdded: { key: 'entryId', closings: ['LogItemResolved'] },
  ShiftOpened: { key: 'shiftId', closings: ['ShiftClosed'] },
  ShiftJoined: { key: 'shiftId', closings: ['ShiftLeft'] },
  MailReceived: { key: 'itemId', closings: ['MailNoticeRecorded'] },
  MailDamageRecorded: { key: 'damageId', closings: ['MailDamageConfirmed'] },
  MailDamageCorrected: { key: 'damageId', closings: ['MailDamageConfirmed'] },
};

async function replayClosings(trx: Db, e: WireEvent) {
  const of = CLOSINGS_OF[e.type];
  if (!of) return;
  const recordId = (e.payload as Record<string, string | undefined>)[of.key];
  // An event that does not name its record has no closings to replay.
  if (recordId === undefined) return;
  const rows = await trx
    .selectFrom('events')
    .selectAll()
    .where('type', 'in', of.closings)
    .where(sql<string>`json_extract(payload, '$.' || ${of.key})`, '=', recordId)
    .orderBy('hlc')
    .execute();
  for (const row of rows) {
    const closing = rowToEvent(row as never);
    await (appliers[closing.type] as (db: Db, ev: DomainEvent) => Promise<void>)(trx, closing);
  }
  if (e.type === 'ReleasePassIssued' && rows.length) await settleGateChecks(trx, recordId);
}

/**
 * The gate log marks a release as a conflict when it did not close the pass; one logged while the pass
 * was missing was marked so before the pass arrived. Once replayed, the pass's closing is known: the
 * release that closed it is no conflict, every other release of it is.
 */
async function settleGateChecks(trx: Db, passId: string) {
  const pass = await trx.selectFrom('release_passes').select('close_event_id').where('id', '=', passId).executeTakeFirst();
  await trx
    .updateTable('release_gate_checks')
    .set((eb) => ({
      conflict: eb
        .case()
        .when('id', '=', pass?.close_event_id ?? '')
        .then(0)
        .else(1)
        .end(),
    }))
    .where('pass_id', '=', passId)
    .where('outcome', 'in', ['released', 'partial'])
    .execute();
}

export async function parkedSummary(db: Db): Promise<ParkedGroup[]> {
  const rows = await db
    .selectFrom('parked_events')
    .select(['type', 'v', 'reason', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('position').as('first')])
    .groupBy(['type', 'v', 'reason'])
    .orderBy('first')
    .execute();
  return rows.map((r) => ({ type: r.type, v: r.v, reason: r.reason, count: Number(r.n) }));
}

/**
 * A push HQ answered `upgrade_required` while the pull goes on: HQ does not know an event of this newer
 * build yet and keeps it unacknowledged (so the desk keeps it queued). Recorded as the round's last error
 * (`hq_behind: …`) for the sync page; any other failure fails the round as before.
 */
export function hqNeedsUpdate(e: unknown): string {
  if ((e as { code?: string }).code !== 'upgrade_required') throw e;
  return `hq_behind: ${(e as Error).message}`.slice(0, 500);
}
