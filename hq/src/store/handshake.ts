import type { Kysely } from 'kysely';
import type {
  AttachmentsHeldRequest,
  AttachmentsHeldResponse,
  HandshakeRequest,
  HandshakeResponse,
} from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { authenticate, deviceRow, hashSecret, HqError, recordDeviceSite, siteOfDevice, type DeviceCredential } from './auth.js';
import { settledOf } from './resend.js';
import { recordHealth } from './deviceHealth.js';

type Db = Kysely<HqDatabase>;

/** Knocks kept per site: enough for every desk a restore forgot, not a table a script can fill. */
const KNOCKS_PER_SITE = 50;

/**
 * The start of every round: HQ's last seq of this device, which the desk takes as its acknowledged
 * seq (so a restored HQ gets back what it lost, even from an idle desk). A device id HQ has no row
 * for is answered `unknown_device`, and the call is kept as a knock (the secret only as its hash) for
 * `readmit`, when the desk names a site HQ has.
 */
export async function handshake(
  db: Db,
  deviceId: string | undefined,
  secret: string | undefined,
  req: HandshakeRequest,
  now: Date,
): Promise<HandshakeResponse> {
  let cred: DeviceCredential;
  try {
    cred = await authenticate(db, deviceId, secret);
  } catch (e) {
    if (!(e instanceof HqError) || e.code !== 'unauthorized' || !deviceId || !secret) throw e;
    if ((await siteOfDevice(db, deviceId)) !== undefined) throw e;
    if (req.desk) await knock(db, deviceId, hashSecret(secret), req.desk);
    throw new HqError(
      401,
      'unknown_device',
      `HQ has no record of device ${deviceId}: HQ may have been restored from a backup older than this desk's enrolment.`,
    );
  }
  const device = await deviceRow(db, cred.siteId, cred.deviceId).select('last_seq').executeTakeFirstOrThrow();
  // Which release the desk runs (issue 19), for `hq devices`.
  if (req.appVersion)
    await db
      .updateTable('devices')
      .set({ app_version: req.appVersion })
      .where('site_id', '=', cred.siteId)
      .where('id', '=', cred.deviceId)
      .execute();
  if (req.health) await recordHealth(db, cred.siteId, cred.deviceId, req.health, now);
  // Which of the rejections the desk lists HQ has since applied (waiting, then applied; re-sent and accepted).
  const settled = await settledOf(db, cred, req.rejected);
  return { ackedSeq: Number(device.last_seq), hqTime: now.toISOString(), ...(settled ? { settled } : {}) };
}

async function knock(db: Db, deviceId: string, secretHash: string, desk: NonNullable<HandshakeRequest['desk']>) {
  const site = await db.selectFrom('sites').select('id').where('id', '=', desk.siteId).executeTakeFirst();
  if (!site) return;
  await db
    .insertInto('device_knocks')
    .values({ device_id: deviceId, site_id: site.id, device_code: desk.deviceCode, secret_hash: secretHash })
    .onConflict((oc) =>
      oc.column('device_id').doUpdateSet({
        site_id: site.id,
        device_code: desk.deviceCode,
        secret_hash: secretHash,
        last_at: new Date().toISOString(),
      }),
    )
    .execute();
  const keep = db
    .selectFrom('device_knocks')
    .select('device_id')
    .where('site_id', '=', site.id)
    .orderBy('last_at', 'desc')
    .limit(KNOCKS_PER_SITE);
  await db.deleteFrom('device_knocks').where('site_id', '=', site.id).where('device_id', 'not in', keep).execute();
}

/** Of the pictures a desk asks about, those HQ holds for its site (the rest it uploads again). */
export async function attachmentsHeld(
  db: Db,
  cred: DeviceCredential,
  req: AttachmentsHeldRequest,
  now: Date,
): Promise<AttachmentsHeldResponse> {
  if (req.sha256.length === 0) return { held: [], hqTime: now.toISOString() };
  const rows = await db
    .selectFrom('attachments')
    .select('sha256')
    .where('site_id', '=', cred.siteId)
    .where('sha256', 'in', req.sha256)
    .execute();
  return { held: rows.map((r) => r.sha256), hqTime: now.toISOString() };
}

/**
 * `readmit HY A3 [deviceId]`: a desk enrolled after the backup HQ was restored from calls with an
 * identity HQ lost. It is taken back as it was — its device id, its secret (HQ kept the hash of what
 * it presented), its desk code — with seq 0 at HQ, so its next round re-sends all of its events under
 * the seq numbers it wrote them with. Refused when the desk code is another live device's, or when more
 * than one unknown device called as that desk (then the id says which one).
 */
export async function readmitDevice(db: Db, siteCode: string, deviceCode: string, deviceId?: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const site = await trx.selectFrom('sites').select(['id', 'code']).where('code', '=', siteCode).executeTakeFirst();
    if (!site) throw new Error(`No site with code ${siteCode}.`);
    let q = trx.selectFrom('device_knocks').selectAll().where('site_id', '=', site.id).where('device_code', '=', deviceCode);
    if (deviceId) q = q.where('device_id', '=', deviceId);
    const knocks = await q.orderBy('last_at', 'desc').execute();
    const [k] = knocks;
    if (!k)
      throw new Error(
        `No unknown desk ${deviceCode} has called HQ for site ${siteCode}${deviceId ? ` as ${deviceId}` : ''}: let it sync once (sync page: "sync now"), then run this again.`,
      );
    if (knocks.length > 1)
      throw new Error(
        `${knocks.length} unknown devices called as ${siteCode} ${deviceCode}: ${knocks.map((k) => `${k.device_id} (last ${k.last_at.toISOString()})`).join(', ')}. Name the one this desk's sync page shows: readmit ${siteCode} ${deviceCode} <deviceId>.`,
      );
    const taken = await trx
      .selectFrom('devices')
      .select('id')
      .where('site_id', '=', site.id)
      .where('code', '=', deviceCode)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (taken)
      throw new Error(
        `Desk code ${deviceCode} of ${siteCode} is device ${taken.id} at HQ: nothing readmitted (revoke it first if it is this desk's lost enrolment).`,
      );
    await recordDeviceSite(trx, k.device_id, site.id);
    await trx
      .insertInto('devices')
      .values({ id: k.device_id, site_id: site.id, code: deviceCode, secret_hash: k.secret_hash, last_seq: 0 })
      .execute();
    await trx.deleteFrom('device_knocks').where('device_id', '=', k.device_id).execute();
    return `readmitted ${siteCode} ${deviceCode} as device ${k.device_id}: its next sync re-sends all of its events`;
  });
}
