import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { appendEvents, draft, lastDeviceSeq } from '../../db/events.js';
import { getMeta, getSiteIdentity } from '../../db/meta.js';
import { SITE_KINDS } from '../../shared/api/schemas.js';
import { HQ_DEVICE_ID, type EnrollRequest, type EnrollResponse } from '../../shared/sync/protocol.js';

type Db = Kysely<Database>;

/** What a desk that is already set up tells HQ when it redeems a code (HQ checks it against the code). */
export async function enrolmentDesk(db: Db): Promise<EnrollRequest['desk']> {
  const site = await getSiteIdentity(db);
  if (!site) return null;
  return {
    siteId: site.siteId,
    deviceId: site.deviceId,
    siteCode: site.siteCode,
    deviceCode: site.deviceCode,
    lastSeq: await lastDeviceSeq(db, site.deviceId),
  };
}

/** Tables with a column of that name (the events log and every read table that keeps who wrote a row). */
async function tablesWith(trx: Db, column: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
    WHERE m.type = 'table' AND c.name = ${column} AND m.name <> 'sync_state'`.execute(trx);
  return rows.map((r) => r.name);
}

/**
 * HQ assigned this desk its device id (and the site's id): inside the transaction that records the
 * enrolment, the desk's own events and rows move from its self-made ids to HQ's, and a SiteConfigured
 * event records the new identity. Sequence numbers stay, so the outbox (seq above HQ's acknowledged
 * seq) and the document numbers (which carry the desk CODE, not the id) continue unchanged. HLC
 * strings keep the old id as their tie-break node: it only orders, and changing it could reorder.
 */
export async function adoptIdentity(trx: Db, res: EnrollResponse, now: Date): Promise<void> {
  const old = await getSiteIdentity(trx);
  if (!old) return;
  if (old.deviceId !== res.deviceId) {
    for (const t of await tablesWith(trx, 'device_id'))
      await sql`UPDATE ${sql.table(t)} SET device_id = ${res.deviceId} WHERE device_id = ${old.deviceId}`.execute(trx);
  }
  if (old.siteId !== res.site.id) {
    for (const t of await tablesWith(trx, 'site_id'))
      await sql`UPDATE ${sql.table(t)} SET site_id = ${res.site.id} WHERE site_id = ${old.siteId}`.execute(trx);
  }
  const kind = (await getMeta(trx, 'site_kind')) ?? 'mixed';
  await appendEvents(trx, { siteId: res.site.id, deviceId: res.deviceId, actor: HQ_DEVICE_ID, now }, [
    draft('SiteConfigured', {
      siteId: res.site.id,
      siteCode: old.siteCode,
      siteName: (await getMeta(trx, 'site_name')) ?? old.siteName,
      siteKind: (SITE_KINDS as readonly string[]).includes(kind) ? (kind as (typeof SITE_KINDS)[number]) : 'mixed',
      deviceId: res.deviceId,
      deviceCode: old.deviceCode,
    }),
  ]);
}

/**
 * The identity a write is stamped with, read inside its transaction: a request that began before an
 * enrolment changed the device id (and waited for the database) writes under the new id, never
 * under the retired one, whose events would never be pushed.
 */
export async function liveWriter<T extends { siteId: string; deviceId: string }>(trx: Db, s: T): Promise<T> {
  const [deviceId, siteId] = [await getMeta(trx, 'device_id'), await getMeta(trx, 'site_id')];
  return deviceId && siteId && (deviceId !== s.deviceId || siteId !== s.siteId) ? { ...s, deviceId, siteId } : s;
}
