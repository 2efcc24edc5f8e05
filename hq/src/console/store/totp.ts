import * as OTPAuth from 'otpauth';
import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';

const PERIOD_S = 30;
const totpOf = (secret: string, label = '') =>
  new OTPAuth.TOTP({ issuer: 'LobbyDesk HQ', label, secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: PERIOD_S });

/**
 * The time step a code belongs to, when it is one of this secret's codes for the step now or the one
 * before or after (an authenticator's clock a little apart); null otherwise.
 */
export function totpStepOf(secret: string, code: string, at: Date): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: at.getTime(), window: 1 });
  return delta === null ? null : Math.floor(at.getTime() / 1000 / PERIOD_S) + delta;
}

/**
 * Accepts a code once: the step it belongs to must be later than the last step this user's codes were
 * accepted at, and that step is recorded in the same statement, so the same code (read over a shoulder,
 * or sent twice in parallel to two HQ processes) signs in at most one time within its window.
 */
export async function acceptTotp(
  db: Kysely<HqDatabase>,
  userId: string,
  secret: string,
  code: string,
  at: Date,
): Promise<boolean> {
  const step = totpStepOf(secret, code, at);
  if (step === null) return false;
  const res = await sql`
    UPDATE hq_console_users SET totp_last_step = ${step}
    WHERE id = ${userId} AND (totp_last_step IS NULL OR totp_last_step < ${step})`.execute(db);
  return Number(res.numAffectedRows ?? 0) === 1;
}

/** A new secret for an authenticator app: base32 text and the otpauth:// URI its QR code carries. */
export function newTotpSecret(login: string): { secret: string; uri: string } {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, login).toString() };
}

export const totpUri = (secret: string, login: string) => totpOf(secret, login).toString();
