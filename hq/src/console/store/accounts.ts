import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import type { AccountRow } from '../contract/accounts.js';
import { ConsoleError, fieldError } from '../contract/errors.js';
import type { SiteScope } from '../handlers/context.js';
import { toConsoleUser, userById, type ConsoleUserRow } from './users.js';

type Db = Kysely<HqDatabase>;

export const toAccountRow = (r: ConsoleUserRow): AccountRow => ({
  ...toConsoleUser(r),
  disabled: r.disabled_at !== null,
  lastSignInAt: r.last_sign_in_at?.toISOString() ?? null,
});

export async function listAccounts(db: Db): Promise<AccountRow[]> {
  const rows = await db.selectFrom('hq_console_users').selectAll().orderBy('login').execute();
  return rows.map(toAccountRow);
}

/** The row of a user an admin acts on; a user outside the admin's own sites is not theirs to manage. */
export async function accountFor(db: Db, id: string, scope: SiteScope): Promise<ConsoleUserRow> {
  const row = await userById(db, id);
  if (!row) throw new ConsoleError('not_found', 'accounts.err.noSuchUser');
  if (!withinScope(row.site_ids, scope)) throw new ConsoleError('forbidden', 'console.err.siteForbidden');
  return row;
}

const withinScope = (siteIds: string[] | null, scope: SiteScope) =>
  scope.siteIds === null || (siteIds !== null && siteIds.every((s) => scope.may(s)));

/**
 * The sites given to a user are sites HQ has, and within the admin's own (an admin of two sites cannot
 * make a user of every site).
 */
export async function checkSiteIds(db: Db, siteIds: string[] | null, scope: SiteScope): Promise<void> {
  if (siteIds === null) {
    if (scope.siteIds !== null) throw fieldError('siteIds', 'accounts.err.scopeWider');
    return;
  }
  const known = await db.selectFrom('sites').select('id').where('id', 'in', siteIds).execute();
  if (known.length !== new Set(siteIds).size || !siteIds.every((s) => scope.may(s)))
    throw fieldError('siteIds', 'accounts.err.unknownSite');
}

/**
 * At least one enabled admin of every site must remain after a change of `userId` to `after`. The admins'
 * rows are locked first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAdminRemains(
  db: Db,
  userId: string,
  after: { role: string; siteIds: string[] | null; disabled: boolean },
  refusal: ConsoleError,
): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM hq_console_users WHERE role = 'admin' AND site_ids IS NULL AND disabled_at IS NULL
    ORDER BY id FOR UPDATE`.execute(db);
  const wasAdmin = rows.some((r) => r.id === userId);
  const stillAdmin = after.role === 'admin' && after.siteIds === null && !after.disabled;
  if (wasAdmin && !stillAdmin && rows.length === 1) throw refusal;
}

export async function accountRow(db: Db, id: string): Promise<AccountRow> {
  return toAccountRow((await userById(db, id))!);
}
