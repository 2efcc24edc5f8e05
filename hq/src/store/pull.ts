import { sql, type Kysely } from 'kysely';
import {
  LOCAL_ONLY_EVENTS,
  SYNC_LIMITS,
  type PullRequest,
  type PullResponse,
  type WireEvent,
} from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { HqError, type DeviceCredential } from './auth.js';
import { heldForDevice } from './held.js';
import { withSealedPinHash } from './pinSeal.js';
import { STORED_EVENT_COLUMNS, wireEventOf, type StoredEventRow } from './storedEvent.js';
import { ownDeviceIds } from './lineage.js';
import { anchorAt, currentEpoch, pullStart } from './history.js';

/**
 * A page of the site's accepted events after `cursor`, except the asking desk's own (and those of the
 * devices it replaced, which it holds under its own id) and events that
 * describe one desk only. Read in one snapshot with the site's version, so an empty page can move the
 * cursor to the end. A cursor beyond the site's version means HQ was restored from an older backup:
 * the desk must reset (cursor_too_old).
 */
export async function pull(
  db: Kysely<HqDatabase>,
  cred: DeviceCredential,
  req: PullRequest,
  now = new Date(),
): Promise<PullResponse> {
  const limit = req.limit ?? SYNC_LIMITS.pullPage;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const site = await trx
        .selectFrom('sites')
        .select(['version', 'id_key'])
        .where('id', '=', cred.siteId)
        .executeTakeFirstOrThrow();
      const siteVersion = Number(site.version);
      // The cursor counts only in the history it was given in (history.ts): else from a common point.
      const from = await pullStart(trx, cred.siteId, req, siteVersion);
      if (from === null)
        throw new HqError(409, 'cursor_too_old', `Cursor ${req.cursor} is past HQ's version ${siteVersion}; reset.`);
      const own = await ownDeviceIds(trx, cred.siteId, cred.deviceId);
      const { rows } = await sql<StoredEventRow & { site_version: string }>`SELECT ${STORED_EVENT_COLUMNS}, site_version
         FROM events WHERE site_id = ${cred.siteId} AND site_version > ${from} AND status = 'ok'
           AND NOT (device_id = ANY(${own})) AND NOT (type = ANY(${[...LOCAL_ONLY_EVENTS]}))
         ORDER BY site_version LIMIT ${limit}`.execute(trx);
      const events: WireEvent[] = rows.map(wireEventOf);
      // An event stored before PIN hashes were sealed leaves sealed too (hq/src/store/pinSeal.ts).
      for (const [i, e] of events.entries()) events[i] = withSealedPinHash(e, site.id_key);
      const more = rows.length === limit;
      const last = rows.at(-1);
      const cursor = more && last ? Number(last.site_version) : siteVersion;
      const history = { epoch: await currentEpoch(trx), anchor: await anchorAt(trx, cred.siteId, cursor) };
      return {
        events,
        cursor,
        more,
        hqTime: now.toISOString(),
        held: await heldForDevice(trx, cred.siteId, cred.deviceId),
        history,
      };
    });
}
