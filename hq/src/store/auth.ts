import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');
export const newSecret = () => randomBytes(32).toString('base64url');
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

/** Checks the device id and secret; a revoked device is refused even with the right secret. */
export async function authenticate(
  db: Kysely<HqDatabase>,
  deviceId: string | undefined,
  secret: string | undefined,
): Promise<DeviceCredential> {
  if (!deviceId || !secret) throw new HqError(401, 'unauthorized', 'Missing device credential.');
  const row = await db
    .selectFrom('devices')
    .select(['id', 'site_id', 'secret_hash', 'revoked_at'])
    .where('id', '=', deviceId)
    .executeTakeFirst();
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
