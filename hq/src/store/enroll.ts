import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { EnrollRequest, EnrollResponse } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { HqError, hashSecret, newSecret } from './auth.js';

/**
 * Redeems a one-time code issued for (site, device code). A desk that is already set up must have
 * the same site and device codes; it keeps its own device id and its local site id becomes an alias
 * of the HQ site (its events already carry it). A fresh desk gets a new device id and sets itself up
 * from the answer. Either way the desk code must not belong to another device of the site.
 */
export async function enroll(db: Kysely<HqDatabase>, req: EnrollRequest): Promise<EnrollResponse> {
  return db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom('enroll_codes')
      .selectAll()
      .where('code', '=', req.code.trim().toUpperCase())
      .forUpdate()
      .executeTakeFirst();
    if (!code || code.used_at) throw new HqError(403, 'code_invalid', 'This enrollment code is unknown or was already used.');
    const site = await trx.selectFrom('sites').selectAll().where('id', '=', code.site_id).executeTakeFirstOrThrow();
    let deviceId = uuidv7();
    if (req.desk) {
      if (req.desk.siteCode !== site.code || req.desk.deviceCode !== code.device_code) {
        throw new HqError(
          409,
          'code_mismatch',
          `This code is for site ${site.code}, desk ${code.device_code}; this desk is site ${req.desk.siteCode}, desk ${req.desk.deviceCode}.`,
        );
      }
      const taken = await trx.selectFrom('devices').select('site_id').where('id', '=', req.desk.deviceId).executeTakeFirst();
      if (taken && taken.site_id !== site.id) throw new HqError(409, 'code_mismatch', 'This desk is enrolled with another site.');
      const alias = await trx
        .selectFrom('site_aliases')
        .select('site_id')
        .where('alias', '=', req.desk.siteId)
        .executeTakeFirst();
      if (alias && alias.site_id !== site.id) throw new HqError(409, 'code_mismatch', 'This desk belongs to another site at HQ.');
      if (!alias && req.desk.siteId !== site.id) {
        await trx.insertInto('site_aliases').values({ alias: req.desk.siteId, site_id: site.id }).execute();
      }
      deviceId = req.desk.deviceId;
    }
    // A desk code names one device of the site: its receipt, pass and register numbers carry the code,
    // so a second device under the same code (a replacement PC) would repeat the first one's numbers.
    const sameCode = await trx
      .selectFrom('devices')
      .select('id')
      .where('site_id', '=', site.id)
      .where('code', '=', code.device_code)
      .where('id', '!=', deviceId)
      .executeTakeFirst();
    if (sameCode)
      throw new HqError(
        409,
        'device_code_taken',
        `Desk code ${code.device_code} of site ${site.code} belongs to another device; a new PC gets a new desk code.`,
      );
    const secret = newSecret();
    // Re-enrolling the same desk (a new code after a revoke) replaces its secret and lifts the revoke.
    await sql`INSERT INTO devices (id, site_id, code, secret_hash) VALUES (${deviceId}, ${site.id}, ${code.device_code}, ${hashSecret(secret)})
      ON CONFLICT (id) DO UPDATE SET secret_hash = excluded.secret_hash, revoked_at = NULL`.execute(trx);
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
    };
  });
}
