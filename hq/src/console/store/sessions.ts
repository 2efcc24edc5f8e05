import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';

/** Idle: a console left open in an office signs itself out; absolute: a stolen cookie dies within a day. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_MAX_MS = 12 * 3600_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new session for a user who just proved who they are: a fresh random token (never one the browser
 * brought: no fixation), stored only as its hash, in PostgreSQL so every HQ process knows it.
 */
export async function openSession(db: Kysely<HqDatabase>, userId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db
    .insertInto('hq_console_sessions')
    .values({
      token_hash: hashOf(token),
      user_id: userId,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
    })
    .execute();
  return token;
}

/** The user of a live session, its idle clock restarted; an idle or expired session is deleted. */
export async function sessionUser(db: Kysely<HqDatabase>, token: string | undefined, now: Date): Promise<string | null> {
  if (!token) return null;
  const hash = hashOf(token);
  const row = await db.selectFrom('hq_console_sessions').selectAll().where('token_hash', '=', hash).executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await closeSession(db, token);
    return null;
  }
  await db.updateTable('hq_console_sessions').set({ last_seen_at: now.toISOString() }).where('token_hash', '=', hash).execute();
  return row.user_id;
}

export async function closeSession(db: Kysely<HqDatabase>, token: string): Promise<void> {
  await db.deleteFrom('hq_console_sessions').where('token_hash', '=', hashOf(token)).execute();
}

/** Every session of a user ends (password reset, role change, disabled). */
export async function closeSessionsOf(db: Kysely<HqDatabase>, userId: string): Promise<void> {
  await db.deleteFrom('hq_console_sessions').where('user_id', '=', userId).execute();
}
