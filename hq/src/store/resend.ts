import { sql, type Kysely } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import { judgeEvent, thisBuildsCatalog, type CatalogLike } from '../../../shared/events/verdict.js';
import type { ResendRequest, ResendResponse, WireEvent } from '../../../shared/sync/protocol.js';
import { resendable } from '../../../shared/sync/resend.js';
import type { HqDatabase } from '../pg/schema.js';
import { checkedHandlers, factHandlers } from '../projections/index.js';
import { HqError, type DeviceCredential } from './auth.js';
import { authorityRefusal } from './authority.js';
import { hlcAheadRejection } from './clockCheck.js';
import { holdChecker } from './holdRules.js';
import { retryWaiting, waitFor } from './waiting.js';
import { wireEventOf, type StoredEventRow } from './storedEvent.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

interface RejectedRow extends Omit<StoredEventRow, 'device_id'> {
  reject_reason: string | null;
}

type Verdict = { status: 'ok' } | { status: 'waiting' | 'held' | 'rejected'; reason: string; detail: string };

/**
 * `POST /sync/resend`: a shift leader asks HQ to judge one of this device's rejected events again, after
 * HQ's data was fixed (a colleague added to HQ's staff, a role raised, HQ's clock set right). The stored
 * event is judged as a push would judge it now, under the site's lock: accepted, it becomes `ok` with the
 * site's NEXT version (as a confirmed held event, so desks whose cursor passed its first place get it),
 * and waiting events it may be the record of are tried again; a privileged staff change is held for HQ's
 * administrator; a record still missing makes it wait; otherwise it stays rejected with the reason now.
 * Only the device's own rejected events, and only kinds a re-send can fix (`not_resendable` otherwise).
 */
export async function resendRejected(
  db: Db,
  cred: DeviceCredential,
  req: ResendRequest,
  now: Date,
  catalog: CatalogLike = thisBuildsCatalog,
): Promise<ResendResponse> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = on`.execute(trx);
    const { rows: site } = await sql<{ version: string }>`SELECT version FROM sites WHERE id = ${cred.siteId} FOR UPDATE`.execute(
      trx,
    );
    const row = await trx
      .selectFrom('events')
      .select(['device_seq', 'id', 'type', 'v', 'hlc', 'actor', 'desk_site_id', 'payload', 'recorded_at', 'reject_reason'])
      .where('site_id', '=', cred.siteId)
      .where('device_id', '=', cred.deviceId)
      .where('id', '=', req.eventId)
      .where('status', '=', 'rejected')
      .executeTakeFirst();
    if (!row) throw new HqError(409, 'not_resendable', `HQ holds no rejected event ${req.eventId} of this desk.`);
    if (!resendable(row.reject_reason ?? ''))
      throw new HqError(
        409,
        'not_resendable',
        `${row.type} was refused for ${row.reject_reason}: judged again it would be refused the same way.`,
      );
    const e = wireEvent(cred.deviceId, row as RejectedRow);
    const verdict = await judgeAgain(trx, cred, e, now, catalog);
    const key = sql`site_id = ${cred.siteId} AND device_id = ${cred.deviceId} AND device_seq = ${e.deviceSeq}`;
    let version = Number(firstRow(site, `site ${cred.siteId}`).version);
    if (verdict.status === 'ok') {
      await sql`UPDATE events SET status = 'ok', site_version = ${++version}, reject_reason = NULL, reject_detail = NULL
        WHERE ${key}`.execute(trx);
      // What was waiting for the record this event is (a check-out for its check-in) can go now.
      version = await retryWaiting(trx, cred.siteId, version, catalog);
      await sql`UPDATE sites SET version = ${version} WHERE id = ${cred.siteId}`.execute(trx);
    } else {
      await sql`UPDATE events SET status = ${verdict.status}, reject_reason = ${verdict.reason}, reject_detail = ${verdict.detail}
        WHERE ${key}`.execute(trx);
      if (verdict.status === 'waiting')
        await sql`INSERT INTO waiting_events (device_id, device_seq, event_id, site_id, reason)
          VALUES (${cred.deviceId}, ${e.deviceSeq}, ${e.id}, ${cred.siteId}, ${verdict.reason})`.execute(trx);
    }
    return {
      eventId: e.id,
      outcome: verdict.status === 'ok' ? 'accepted' : verdict.status,
      reason: verdict.status === 'ok' ? null : verdict.reason,
      detail: verdict.status === 'ok' ? null : verdict.detail,
      hqTime: now.toISOString(),
    };
  });
}

const wireEvent = (deviceId: string, r: RejectedRow): WireEvent => wireEventOf({ ...r, device_id: deviceId });

/** The push's judgement, in its order, for one stored event (its site and device checks passed when it was pushed). */
async function judgeAgain(trx: Db, cred: DeviceCredential, e: WireEvent, now: Date, catalog: CatalogLike): Promise<Verdict> {
  const refused = (r: { reason: string; detail: string } | null): Verdict | null => (r ? { status: 'rejected', ...r } : null);
  const early =
    refused(judgeEvent(e, catalog)) ?? refused(hlcAheadRejection(e.hlc, now)) ?? refused(await authorityRefusal(trx, cred, e));
  if (early) return early;
  const taken = await sql`SELECT 1 FROM events WHERE site_id = ${cred.siteId} AND id = ${e.id} AND status = 'ok'`.execute(trx);
  if (taken.rows.length) return { status: 'rejected', reason: 'duplicate_id', detail: 'id already stored' };
  const hold = await holdChecker(trx, cred.siteId, cred.deviceId)(e);
  if (hold) return { status: 'held', reason: hold.reason, detail: hold.detail };
  const event = e as unknown as DomainEvent;
  const check = checkedHandlers.get(e.type);
  if (check) {
    const reason = await check(trx, cred.siteId, event as never);
    if (reason) {
      const wait = waitFor(reason, e);
      return wait
        ? { status: 'waiting', reason, detail: wait.detail }
        : { status: 'rejected', reason, detail: `${e.type} refused again` };
    }
  } else await factHandlers.get(e.type)?.(trx, cred.siteId, [event] as never[]);
  return { status: 'ok' };
}

/** Of the event ids a desk lists as rejected, those HQ now holds as accepted (the handshake's `settled`). */
export async function settledOf(db: Db, cred: DeviceCredential, ids: string[] | undefined): Promise<string[] | undefined> {
  if (!ids?.length) return undefined;
  const rows = await db
    .selectFrom('events')
    .select('id')
    .where('site_id', '=', cred.siteId)
    .where('device_id', '=', cred.deviceId)
    .where('id', 'in', ids)
    .where('status', '=', 'ok')
    .execute();
  return rows.map((r) => r.id);
}
