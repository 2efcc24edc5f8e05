import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';

/**
 * Sign-in attempts are counted per login (a guesser aiming at one account) and per address (one machine
 * trying many logins), in PostgreSQL: every HQ process behind the same name counts into the same rows.
 */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Ten: an office may open the console in ten tabs at once (each in flight counts until it succeeds). */
export const MAX_ATTEMPTS_PER_LOGIN = 10;
export const MAX_ATTEMPTS_PER_ADDRESS = 30;

const keysOf = (login: string, address: string) => ({
  login: `login:${login.trim().toLowerCase()}`,
  address: `address:${address}`,
});

/**
 * Reserves one attempt on both counters before the password is even compared, in one statement per
 * counter (an upsert is atomic): a burst of parallel guesses, on one HQ process or several, gets exactly
 * the allowed number of comparisons and every later one is refused until the window has passed.
 */
export async function reserveSignInAttempt(db: Kysely<HqDatabase>, login: string, address: string, now: Date): Promise<boolean> {
  const keys = keysOf(login, address);
  const at = now.toISOString();
  const windowFrom = new Date(now.getTime() - SIGN_IN_WINDOW_MS).toISOString();
  const bump = async (key: string) => {
    const { rows } = await sql<{ attempts: number }>`
      INSERT INTO hq_console_sign_in_limits AS l (key, attempts, window_start) VALUES (${key}, 1, ${at})
      ON CONFLICT (key) DO UPDATE SET
        attempts = CASE WHEN l.window_start < ${windowFrom} THEN 1 ELSE l.attempts + 1 END,
        window_start = CASE WHEN l.window_start < ${windowFrom} THEN ${at}::timestamptz ELSE l.window_start END
      RETURNING attempts`.execute(db);
    return rows[0]!.attempts;
  };
  // Counters of past windows go (a guesser of made-up logins leaves no rows behind for long).
  await sql`DELETE FROM hq_console_sign_in_limits WHERE window_start < ${windowFrom}`.execute(db);
  const byLogin = await bump(keys.login);
  const byAddress = await bump(keys.address);
  return byLogin <= MAX_ATTEMPTS_PER_LOGIN && byAddress <= MAX_ATTEMPTS_PER_ADDRESS;
}

/**
 * An attempt that was not a guess gives its reservation back: a sign-in that succeeded clears the login's
 * count and returns the address's one (an office signing in all day is not a guesser), and so does a right
 * password still waiting for its code.
 */
export async function releaseSignInAttempt(
  db: Kysely<HqDatabase>,
  login: string,
  address: string,
  opts: { clearLogin: boolean },
): Promise<void> {
  const keys = keysOf(login, address);
  if (opts.clearLogin) await db.deleteFrom('hq_console_sign_in_limits').where('key', '=', keys.login).execute();
  else await sql`UPDATE hq_console_sign_in_limits SET attempts = greatest(attempts - 1, 0) WHERE key = ${keys.login}`.execute(db);
  await sql`UPDATE hq_console_sign_in_limits SET attempts = greatest(attempts - 1, 0) WHERE key = ${keys.address}`.execute(db);
}

/** A password reset by an admin lets the user try again at once. */
export const clearLoginAttempts = (db: Kysely<HqDatabase>, login: string) =>
  db.deleteFrom('hq_console_sign_in_limits').where('key', '=', keysOf(login, '').login).execute();
