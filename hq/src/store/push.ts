import { sql, type Kysely } from 'kysely';
import type { DomainEvent, EventType } from '../../../shared/events/catalog.js';
import { fromNewerBuild, judgeEvent, thisBuildsCatalog, type CatalogLike } from '../../../shared/events/verdict.js';
import {
  SYNC_LIMITS,
  type PushRequest,
  type PushResponse,
  type Rejection,
  type WireEvent,
} from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { checkedHandlers, factHandlers } from '../projections/index.js';
import { deviceRow, HqError, type DeviceCredential } from './auth.js';
import { authorityRefusal, forgetStaffLookups, rememberHeldCreation, rememberStaffLookups } from './authority.js';
import { hlcAheadRejection } from './clockCheck.js';
import { holdChecker } from './holdRules.js';
import { withoutFullIdNumbers } from './idNumbers.js';
import { withSealedPinHash } from './pinSeal.js';
import { hqLacksVersion, settleWaiting, waitFor } from './waiting.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

interface Stored {
  event: WireEvent;
  version: number;
  /**
   * status 'held': a privileged staff change stored for an HQ administrator (holdRules.ts); 'waiting':
   * it names a record HQ does not hold yet and is applied when that arrives (waiting.ts).
   */
  rejection: { reason: string; detail: string; status?: 'held' | 'waiting' } | null;
}

/**
 * One push batch in one PostgreSQL transaction with synchronous_commit on: the answer is sent only
 * after the commit is durable, so an acknowledged event is never lost by HQ. The site row is locked
 * (`FOR UPDATE`) while versions are handed out, so versions commit in order and a pull cursor never
 * passes a version that commits later.
 */
export async function push(
  db: Db,
  cred: DeviceCredential,
  req: PushRequest,
  receivedAt: Date,
  catalog: CatalogLike = thisBuildsCatalog,
): Promise<PushResponse> {
  // A request naming another device is forged: refused whole, nothing stored.
  for (const e of req.events) {
    if (e.deviceId !== cred.deviceId)
      throw new HqError(403, 'forged_device', `Event ${e.id} claims device ${e.deviceId}; the credential is ${cred.deviceId}.`);
  }
  const sentAt = Date.parse(req.sentAt);
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL synchronous_commit = on`.execute(trx);
    const { rows } = await sql<{
      version: string;
      id_key: string | null;
    }>`SELECT version, id_key FROM sites WHERE id = ${cred.siteId} FOR UPDATE`.execute(trx);
    const siteRow = firstRow(rows, `site ${cred.siteId}`);
    let version = Number(siteRow.version);
    const device = await deviceRow(trx, cred.siteId, cred.deviceId).select(['last_seq', 'revoked_at']).executeTakeFirstOrThrow();
    // Revoked (or replaced) while this request waited for the site lock: nothing more from it.
    if (device.revoked_at) throw new HqError(403, 'revoked', 'This device was revoked at HQ.');
    let lastSeq = Number(device.last_seq);
    const aliases = new Set(
      (await trx.selectFrom('site_aliases').select('alias').where('site_id', '=', cred.siteId).execute()).map((r) => r.alias),
    );
    aliases.add(cred.siteId);
    const stored: Stored[] = [];
    let expectedSeq: number | null = null;
    // PIN hashes are stored sealed with the site's key (shared/domain/pinSeal.ts): only the site's desks open them.
    const siteKey = siteRow.id_key;
    const sorted = req.events
      .map((e) => withSealedPinHash(withoutFullIdNumbers(e), siteKey))
      .sort((a, b) => a.deviceSeq - b.deviceSeq);
    const hold = holdChecker(trx, cred.siteId, cred.deviceId);
    const facts: { type: string; events: DomainEvent[] } = { type: '', events: [] };
    const flush = async () => {
      if (facts.events.length) {
        rememberStaffLookups(trx);
        await factHandlers.get(facts.type)!(trx, cred.siteId, facts.events as never[]);
      }
      facts.events = [];
    };
    const batchIds = new Set<string>();
    const candidates = sorted.filter((e) => e.deviceSeq > lastSeq).map((e) => e.id);
    const seenIds = new Map(
      candidates.length
        ? (
            await trx
              .selectFrom('events')
              .select(['id', 'device_id'])
              .where('site_id', '=', cred.siteId)
              .where('id', 'in', candidates)
              .where('status', '=', 'ok')
              .execute()
          ).map((r) => [r.id, r.device_id])
        : [],
    );
    rememberStaffLookups(trx);
    for (const e of sorted) {
      if (e.deviceSeq <= lastSeq) continue; // already here: acknowledged again, no effect
      if (e.deviceSeq > lastSeq + 1) {
        expectedSeq = lastSeq + 1; // a gap stops the batch; the desk resends from here
        break;
      }
      // Schema check against HQ's catalog; an older `v` than the catalog's is stored as sent.
      const verdict = judgeEvent(e, catalog);
      if (fromNewerBuild(verdict)) {
        // Never rejected-and-acknowledged: the desk keeps it queued until HQ is updated.
        if (e === sorted[0]) throw hqLacksVersion(verdict!.detail);
        expectedSeq = e.deviceSeq;
        break;
      }
      lastSeq = e.deviceSeq;
      let rejection: Stored['rejection'] =
        (verdict && { reason: verdict.reason, detail: verdict.detail }) ?? hlcAheadRejection(e.hlc, receivedAt);
      if (!rejection && !aliases.has(e.siteId)) rejection = { reason: 'wrong_site', detail: `event for site ${e.siteId}` };
      if (!rejection) rejection = await authorityRefusal(trx, cred, e);
      if (!rejection && batchIds.has(e.id)) rejection = { reason: 'duplicate_id', detail: e.id };
      if (!rejection && seenIds.has(e.id))
        rejection = { reason: 'duplicate_id', detail: `id already stored from ${seenIds.get(e.id)}` };
      if (!rejection) rejection = await hold(e);
      if (rejection && 'status' in rejection && rejection.status === 'held') rememberHeldCreation(trx, cred, e);
      const event = e as unknown as DomainEvent;
      if (!rejection) {
        const check = checkedHandlers.get(e.type);
        const fact = factHandlers.get(e.type);
        if (check) {
          await flush();
          rememberStaffLookups(trx);
          const reason = await check(trx, cred.siteId, event as never);
          if (reason)
            rejection = waitFor(reason, e) ?? { reason, detail: `${e.type} ${JSON.stringify(e.payload).slice(0, 200)}` };
        } else if (fact) {
          if (facts.type !== e.type) await flush();
          facts.type = e.type;
          facts.events.push(event);
        }
      }
      if (!rejection) batchIds.add(e.id);
      stored.push({ event: e, version: ++version, rejection });
    }
    await flush();
    forgetStaffLookups(trx);
    for (let i = 0; i < stored.length; i += 500) {
      const chunk = stored.slice(i, i + 500);
      await trx
        .insertInto('events')
        .values(
          chunk.map(({ event: e, version: v, rejection }) => ({
            device_id: e.deviceId,
            device_seq: e.deviceSeq,
            id: e.id,
            site_id: cred.siteId,
            site_version: v,
            hlc: e.hlc,
            type: e.type,
            v: e.v,
            actor: e.actor,
            desk_site_id: e.siteId,
            payload: JSON.stringify(e.payload ?? null),
            recorded_at: e.recordedAt,
            status: rejection ? (rejection.status ?? ('rejected' as const)) : ('ok' as const),
            reject_reason: rejection?.reason ?? null,
            reject_detail: rejection?.detail ?? null,
          })),
        )
        .execute();
    }
    version = await settleWaiting(trx, cred.siteId, stored, version, catalog);
    await trx.updateTable('sites').set({ version }).where('id', '=', cred.siteId).execute();
    const drift = Number.isFinite(sentAt) ? sentAt - receivedAt.getTime() : null;
    await trx
      .updateTable('devices')
      .set({ last_seq: lastSeq, last_seen_at: receivedAt.toISOString(), drift_ms: drift })
      .where('site_id', '=', cred.siteId)
      .where('id', '=', cred.deviceId)
      .execute();
    const rejections: Rejection[] = stored
      .filter((s) => s.rejection && s.rejection.status !== 'waiting')
      .map((s) => ({
        eventId: s.event.id,
        deviceSeq: s.event.deviceSeq,
        reason: s.rejection!.reason,
        detail: s.rejection!.detail,
      }));
    return { ackedSeq: lastSeq, rejections, expectedSeq, hqTime: receivedAt.toISOString() };
  });
}

export const driftFlagged = (driftMs: number | null) => driftMs !== null && Math.abs(driftMs) > SYNC_LIMITS.driftFlagMs;
export type { EventType };
