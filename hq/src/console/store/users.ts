import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import type { ConsoleRole } from '../contract/define.js';
import type { ConsoleUser } from '../contract/session.js';
import { hashPassword } from './password.js';

export type ConsoleUserRow = Selectable<HqDatabase['hq_console_users']>;

/** A password HQ accepts: 10+ characters, not all of one kind (letters only, digits only). */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'console.err.passwordShort';
  if (/^\d+$/.test(password) || /^[a-z]+$/i.test(password)) return 'console.err.passwordSimple';
  return null;
}

export async function createConsoleUser(
  db: Kysely<HqDatabase>,
  u: { login: string; name: string; password: string; role: ConsoleRole; siteIds: string[] | null; mustChangePassword?: boolean },
): Promise<ConsoleUser> {
  const id = randomUUID();
  await db
    .insertInto('hq_console_users')
    .values({
      id,
      login: u.login.trim().toLowerCase(),
      name: u.name.trim(),
      password_hash: await hashPassword(u.password),
      role: u.role,
      site_ids: u.siteIds,
      must_change_password: u.mustChangePassword ?? false,
    })
    .execute();
  return toConsoleUser((await userById(db, id))!);
}

export const userByLogin = (db: Kysely<HqDatabase>, login: string) =>
  db.selectFrom('hq_console_users').selectAll().where('login', '=', login.trim().toLowerCase()).executeTakeFirst();

export const userById = (db: Kysely<HqDatabase>, id: string) =>
  db.selectFrom('hq_console_users').selectAll().where('id', '=', id).executeTakeFirst();

export const toConsoleUser = (r: ConsoleUserRow): ConsoleUser => ({
  id: r.id,
  login: r.login,
  name: r.name,
  role: r.role as ConsoleRole,
  siteIds: r.site_ids,
  totp: r.totp_secret !== null,
  mustChangePassword: r.must_change_password,
});
