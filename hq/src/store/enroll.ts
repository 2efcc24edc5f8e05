import { sql, type Kysely, type Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { EnrollRequest, EnrollResponse } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { ENROLL_CODE_TTL_MS, HqError, deviceRow, hashSecret, newSecret, recordDeviceSite, siteOfDevice } from './auth.js';

type Trx = Transaction<HqDatabase>;
type Site = { id: string; code: string; name: string; kind: string };
type Code = { code: string; site_id: string; device_code: string; replaces: string | null };
type Desk = NonNullable<EnrollRequest['desk']>;

/**
 * Redeems a one-time code issued for (site, desk code). HQ assigns the device id: a code creates
 * exactly one new device row with a fresh id, and an id HQ already knows is never taken over by a
 * caller, so a code can neither re-key a live desk nor bring a revoked one back. A replacement code
 * (replace-device) also revokes the device it names and carries its last seq over to the new id.
 * A desk set up offline sends its identity; it adopts the answer's ids (docs/sync-protocol.md), so
 * enrolment never makes a site alias.
 */
export async function enroll(db: Kysely<HqDatabase>, req: EnrollRequest): Promise<EnrollResponse> {
  return db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enroll_codes')
      .select(['code', 'site_id', 'device_code', 'replaces', 'used_at', 'created_at'])
      .where('code', '=', req.code.trim().toUpperCase())
      .forUpdate()
      .executeTakeFirst();
    if (!code || code.used_at) throw new HqError(403, 'code_invalid', 'This enrollment code is unknown or was already used.');
    if (Date.now() - code.created_at.getTime() > ENROLL_CODE_TTL_MS)
      throw new HqError(403, 'code_invalid', 'This enrollment code has expired: ask HQ for a new one.');
    // Locked first: two desks of one site enrolling at once otherwise deadlock (each device row's foreign
    // key share-locks the site, then siteIdKey asks for the update lock).
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', code.site_id).forUpdate().executeTakeFirstOrThrow();
    if (req.desk) await checkDesk(trx, site, code, req.desk);
    const ackedSeq = code.replaces ? await takeOver(trx, site, code, req.desk) : await checkCodeFree(trx, site, code);
    const deviceId = uuidv7();
    const secret = newSecret();
    await recordDeviceSite(trx, deviceId, site.id);
    await trx
      .insertInto('devices')
      .values({
        id: deviceId,
        site_id: site.id,
        code: code.device_code,
        secret_hash: hashSecret(secret),
        last_seq: ackedSeq,
        replaces: code.replaces,
      })
      .execute();
    await trx
      .updateTable('enroll_codes')
      .set({ used_at: new Date().toISOString(), used_by: deviceId })
      .where('code', '=', code.code)
      .execute();
    return {
      deviceId,
      secret,
      site: { id: site.id, code: site.code, name: site.name, kind: site.kind },
      deviceCode: code.device_code,
      ackedSeq,
      idKey: await siteIdKey(trx, site.id, req.idKey),
    };
  });
}

/**
 * The site's ID key (HMAC for ID numbers): the first desk to enrol offers its own, which becomes the
 * site's — its records need no re-hashing — and every later desk receives it. The site row is locked,
 * so two first desks enrolling at once agree on one key.
 */
async function siteIdKey(trx: Trx, siteId: string, offered: string | undefined): Promise<string> {
  const row = await trx.selectFrom('sites').select('id_key').where('id', '=', siteId).forUpdate().executeTakeFirstOrThrow();
  if (row.id_key) return row.id_key;
  const key = offered ?? randomBytes(32).toString('hex');
  await trx.updateTable('sites').set({ id_key: key }).where('id', '=', siteId).execute();
  return key;
}

/** A desk already set up must be the code's site and desk code, and its data must not be another site's or device's. */
async function checkDesk(trx: Trx, site: Site, code: Code, desk: Desk): Promise<void> {
  // A desk from before HQ-assigned ids would keep writing under its own id, never pushed.
  if (desk.lastSeq === undefined)
    throw new HqError(426, 'upgrade_required', 'Update this desk before it enrolls: HQ now assigns its device id.');
  if (desk.siteCode !== site.code || desk.deviceCode !== code.device_code) {
    throw new HqError(
      409,
      'code_mismatch',
      `This code is for site ${site.code}, desk ${code.device_code}; this desk is site ${desk.siteCode}, desk ${desk.deviceCode}.`,
    );
  }
  // Its local site id is another HQ site's id or alias: this desk's records are that site's.
  const owner =
    (await trx.selectFrom('sites').select('id as site_id').where('id', '=', desk.siteId).executeTakeFirst()) ??
    (await trx.selectFrom('site_aliases').select('site_id').where('alias', '=', desk.siteId).executeTakeFirst());
  if (owner && owner.site_id !== site.id) throw new HqError(409, 'code_mismatch', 'This desk belongs to another site at HQ.');
  const knownSite = await siteOfDevice(trx, desk.deviceId);
  const known =
    knownSite === undefined
      ? undefined
      : await deviceRow(trx, knownSite, desk.deviceId).select(['id', 'code']).executeTakeFirst();
  if (known && known.id !== code.replaces)
    throw new HqError(
      409,
      'device_known',
      `Device ${known.id} (desk ${known.code}) is already enrolled at HQ, and a code never takes over a device id. ` +
        `To move that desk to this PC, the HQ admin issues a replacement code: npm run hq -- replace-device ${site.code} ${known.code}.`,
    );
}

/** A plain code is for a desk code no device of the site has (revoked or not): its numbers would repeat. */
async function checkCodeFree(trx: Trx, site: Site, code: Code): Promise<number> {
  const sameCode = await trx
    .selectFrom('devices')
    .select('id')
    .where('site_id', '=', site.id)
    .where('code', '=', code.device_code)
    .executeTakeFirst();
  if (sameCode)
    throw new HqError(
      409,
      'device_code_taken',
      `Desk code ${code.device_code} of site ${site.code} belongs to another device; a new PC gets a new desk code, ` +
        `or the HQ admin replaces that device: npm run hq -- replace-device ${site.code} ${code.device_code}.`,
    );
  return 0;
}

/**
 * A replacement: the old device is revoked and its last seq is the new id's, so nothing it had
 * acknowledged is asked for again or dropped. The site row is locked first, as a push locks it, so a
 * push of the old device either committed before (its seq is carried) or finds it revoked.
 * The redeeming desk must hold every event HQ has from the old device (its backup or its own PC):
 * a desk with less would repeat the old device's receipt and pass numbers.
 */
async function takeOver(trx: Trx, site: Site, code: Code, desk: Desk | null): Promise<number> {
  await sql`SELECT 1 FROM sites WHERE id = ${site.id} FOR UPDATE`.execute(trx);
  const old = await deviceRow(trx, site.id, code.replaces!).select(['id', 'last_seq']).forUpdate().executeTakeFirstOrThrow();
  const replaced = await trx
    .selectFrom('devices')
    .select('id')
    .where('site_id', '=', site.id)
    .where('replaces', '=', old.id)
    .executeTakeFirst();
  if (replaced) throw new HqError(403, 'code_invalid', `Desk ${code.device_code} was already replaced by device ${replaced.id}.`);
  const held = Number(old.last_seq);
  if (held > 0 && desk && desk.deviceId !== old.id)
    throw new HqError(
      409,
      'replacement_mismatch',
      `This replacement code is for desk ${code.device_code}'s device ${old.id}; this desk's data is device ${desk.deviceId}'s. ` +
        "Restore that desk's backup on this PC first.",
    );
  const deskSeq = desk?.lastSeq ?? 0;
  if (held > deskSeq)
    throw new HqError(
      409,
      'replacement_behind',
      `HQ holds desk ${code.device_code}'s events up to #${held}; this desk's data ends at #${deskSeq}. ` +
        `Restore desk ${code.device_code}'s latest backup on this PC, or enroll it under a new desk code.`,
    );
  await trx
    .updateTable('devices')
    .set({ revoked_at: sql<string>`coalesce(revoked_at, now())` })
    .where('site_id', '=', site.id)
    .where('id', '=', old.id)
    .execute();
  return held;
}
