import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');
/**
 * An enrolment code is redeemed within this long of being issued, or never: a code written on a note and
 * forgotten must not enrol some PC weeks later (the console shows the expiry beside the code).
 */
export const ENROLL_CODE_TTL_MS = 72 * 3600_000;

/** One-time enrollment codes: 10 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export function newEnrollCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export class HqError extends Error {
  constructor(
    readonly status: number,
    readonly code: import('../../../shared/sync/protocol.js').SyncErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DeviceCredential {
  deviceId: string;
  siteId: string;
}

/**
 * The site of a device, from the device → site lookup (`device_sites`, written at enrolment): a
 * request names its device only, and `devices` is keyed by site (HQ migration 011).
 */
export async function siteOfDevice(db: Kysely<HqDatabase>, deviceId: string): Promise<string | undefined> {
  const row = await db.selectFrom('device_sites').select('site_id').where('device_id', '=', deviceId).executeTakeFirst();
  return row?.site_id;
}

/** The `devices` row by its key (site, device), to select from. */
export const deviceRow = (db: Kysely<HqDatabase>, siteId: string, deviceId: string) =>
  db.selectFrom('devices').where('site_id', '=', siteId).where('id', '=', deviceId);

/** Records a new device's site before its `devices` row (whose key it is part of). */
export async function recordDeviceSite(db: Kysely<HqDatabase>, deviceId: string, siteId: string): Promise<void> {
  await db.insertInto('device_sites').values({ device_id: deviceId, site_id: siteId }).execute();
}

/** Checks the device id and secret; a revoked device is refused even with the right secret. */
export async function authenticate(
  db: Kysely<HqDatabase>,
  deviceId: string | undefined,
  secret: string | undefined,
): Promise<DeviceCredential> {
  if (!deviceId || !secret) throw new HqError(401, 'unauthorized', 'Missing device credential.');
  const siteId = await siteOfDevice(db, deviceId);
  const row =
    siteId === undefined
      ? undefined
      : await deviceRow(db, siteId, deviceId).select(['id', 'site_id', 'secret_hash', 'revoked_at']).executeTakeFirst();
  const given = Buffer.from(hashSecret(secret));
  if (!row || !timingSafeEqual(given, Buffer.from(row.secret_hash)))
    throw new HqError(401, 'unauthorized', 'Unknown device or wrong secret.');
  if (row.revoked_at)
    throw new HqError(
      403,
      'revoked',
      'This device was revoked at HQ, for good; the HQ admin moves its desk to a new device with replace-device.',
    );
  return { deviceId: row.id, siteId: row.site_id };
}
