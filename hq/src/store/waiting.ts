import { sql, type Kysely } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import { fromNewerBuild, judgeEvent, thisBuildsCatalog, type CatalogLike } from '../../../shared/events/verdict.js';
import type { WireEvent } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { checkedHandlers, factHandlers } from '../projections/index.js';
import { HqError } from './auth.js';
import { authorityRefusal } from './authority.js';
import { wireEventOf, type StoredEventRow } from './storedEvent.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

/**
 * A projection's answer for an event that names a record HQ does not hold (yet): a check-out before
 * its check-in, a pickup before its intake, a ticket step before the ticket. Such an event waits.
 */
export const RECORD_MISSING = new Set([
  'unknown_visit',
  'unknown_release_pass',
  'unknown_mail_item',
  'unknown_receipt',
  'unknown_ticket',
  'unknown_log_entry',
  'unknown_damage',
]);

/** What an HQ before this change stored as rejected for a version it did not know; those wait too (migration 008). */
const VERSION_MISSING = new Set(['unknown_type', 'unknown_version']);

export interface Wait {
  reason: string;
  detail: string;
  status: 'waiting';
}

/** The push answer for an event of a newer desk build: nothing of it stored, the desk keeps it queued. */
export const hqLacksVersion = (what: string) =>
  new HqError(426, 'upgrade_required', `HQ does not know ${what} yet (a newer desk build): update HQ; the desk keeps it queued.`);

/** A projection's refusal that means "not yet": the event is stored as waiting, acknowledged, not rejected. */
export function waitFor(reason: string, e: WireEvent): Wait | null {
  if (!RECORD_MISSING.has(reason)) return null;
  return { reason, detail: `${e.type} waits at HQ for the record it names`, status: 'waiting' };
}

interface Stored {
  event: WireEvent;
  rejection: { reason: string; status?: string } | null;
}

/**
 * After a push batch is inserted (same transaction, site locked): its waiting events are recorded, then
 * every waiting event of the site is tried again in the order HQ received them. Returns the site version.
 */
export async function settleWaiting(trx: Db, siteId: string, stored: Stored[], version: number, catalog: CatalogLike) {
  const waits = stored.filter((s) => s.rejection?.status === 'waiting');
  if (waits.length)
    await sql`INSERT INTO waiting_events (device_id, device_seq, event_id, site_id, reason)
      VALUES ${sql.join(waits.map((w) => sql`(${w.event.deviceId}, ${w.event.deviceSeq}, ${w.event.id}, ${siteId}, ${w.rejection!.reason})`))}`.execute(
      trx,
    );
  // Only something newly accepted can be the record a waiting event names.
  if (!stored.some((s) => !s.rejection)) return version;
  return retryWaiting(trx, siteId, version, catalog);
}

interface WaitingRow extends StoredEventRow {
  reason: string;
}

/**
 * Tries each waiting event of the site again, oldest first. Applied, it becomes `ok` with the site's
 * NEXT version (as a confirmed held event: desks whose cursor passed its first place get it at their next
 * pull); still missing its record, it keeps waiting; refused now for another reason, it is rejected.
 */
export async function retryWaiting(trx: Db, siteId: string, version: number, catalog: CatalogLike = thisBuildsCatalog) {
  const { rows } = await sql<WaitingRow>`
    SELECT w.device_id, w.device_seq, e.id, e.type, e.v, e.hlc, e.actor, e.desk_site_id, e.payload, e.recorded_at, w.reason
    FROM waiting_events w JOIN events e ON e.site_id = w.site_id AND e.device_id = w.device_id AND e.device_seq = w.device_seq
    WHERE w.site_id = ${siteId} ORDER BY e.site_version`.execute(trx);
  for (const r of rows) {
    const outcome = await tryAgain(trx, siteId, r, catalog);
    const key = sql`site_id = ${siteId} AND device_id = ${r.device_id} AND device_seq = ${r.device_seq}`;
    if (outcome === 'waits') continue;
    if (outcome === 'applied') {
      await sql`UPDATE events SET status = 'ok', site_version = ${++version}, reject_reason = NULL, reject_detail = NULL
        WHERE ${key}`.execute(trx);
    } else {
      await sql`UPDATE events SET status = 'rejected', reject_reason = ${outcome.reason}, reject_detail = ${outcome.detail}
        WHERE ${key}`.execute(trx);
    }
    await sql`DELETE FROM waiting_events WHERE ${key}`.execute(trx);
  }
  return version;
}

type Outcome = 'applied' | 'waits' | { reason: string; detail: string };

async function tryAgain(trx: Db, siteId: string, r: WaitingRow, catalog: CatalogLike): Promise<Outcome> {
  const e = wireEventOf(r);
  if (VERSION_MISSING.has(r.reason)) {
    const verdict = judgeEvent(e, catalog);
    if (fromNewerBuild(verdict)) return 'waits';
    if (verdict) return verdict;
    const refusal = await authorityRefusal(trx, { deviceId: r.device_id, siteId }, e);
    if (refusal) return refusal;
  }
  const taken = await sql`SELECT 1 FROM events WHERE id = ${r.id} AND status = 'ok'`.execute(trx);
  if (taken.rows.length) return { reason: 'duplicate_id', detail: 'id already stored' };
  const event = e as unknown as DomainEvent;
  const check = checkedHandlers.get(r.type);
  const reason = check ? await check(trx, siteId, event as never) : null;
  if (reason && RECORD_MISSING.has(reason)) {
    if (reason !== r.reason)
      await sql`UPDATE waiting_events SET reason = ${reason}
        WHERE site_id = ${siteId} AND device_id = ${r.device_id} AND device_seq = ${r.device_seq}`.execute(trx);
    return 'waits';
  }
  if (reason) return { reason, detail: `${r.type} ${JSON.stringify(r.payload).slice(0, 200)}` };
  if (!check) await factHandlers.get(r.type)?.(trx, siteId, [event] as never[]);
  return 'applied';
}

/**
 * At HQ's start: every site's waiting events are tried again (an event whose record reached HQ by a path
 * no push retried, e.g. a rejection from before this change, is applied without waiting for a push).
 */
export async function retryAllWaiting(db: Db, catalog: CatalogLike = thisBuildsCatalog): Promise<void> {
  const sites = await sql<{ site_id: string }>`SELECT DISTINCT site_id FROM waiting_events`.execute(db);
  for (const { site_id } of sites.rows) {
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ version: string }>`SELECT version FROM sites WHERE id = ${site_id} FOR UPDATE`.execute(trx);
      const version = await retryWaiting(trx, site_id, Number(firstRow(rows, `site ${site_id}`).version), catalog);
      await sql`UPDATE sites SET version = ${version} WHERE id = ${site_id}`.execute(trx);
    });
  }
}

/** What waits at HQ for a site (`npm run hq -- waiting HY`): one line per event, oldest first. */
export async function waitingForSite(db: Db, siteId: string): Promise<string[]> {
  const { rows } = await sql<{
    event_id: string;
    device_id: string;
    device_seq: string;
    type: string;
    reason: string;
    since: Date;
  }>`
    SELECT w.event_id, w.device_id, w.device_seq, e.type, w.reason, w.since FROM waiting_events w
    JOIN events e ON e.site_id = w.site_id AND e.device_id = w.device_id AND e.device_seq = w.device_seq
    WHERE w.site_id = ${siteId} ORDER BY e.site_version`.execute(db);
  return rows.map((r) => `${r.event_id}\t${r.device_id}#${r.device_seq}\t${r.type}\t${r.reason}\tsince ${r.since.toISOString()}`);
}
