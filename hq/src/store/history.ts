import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PullHistory, PullRequest } from '../../../shared/sync/protocol.js';
import type { HqDatabase } from '../pg/schema.js';
import { firstRow } from '../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;
type Epoch = { epoch: string; n: number; parent: string | null; site_versions: Record<string, number> };

const epochs = async (db: Db): Promise<Epoch[]> =>
  (await db.selectFrom('hq_epochs').select(['epoch', 'n', 'parent', 'site_versions']).orderBy('n', 'desc').execute()).map(
    (e) => ({ ...e, site_versions: typeof e.site_versions === 'string' ? JSON.parse(e.site_versions) : e.site_versions }),
  );

/** HQ's history epoch now; made on first use where the table is empty (a test HQ emptied between tests). */
export async function currentEpoch(db: Db): Promise<string> {
  const [current] = await epochs(db);
  if (current) return current.epoch;
  await db
    .insertInto('hq_epochs')
    .values({ epoch: randomUUID(), n: 1, parent: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return firstRow(await epochs(db), 'HQ history epochs').epoch;
}

/**
 * The last accepted event of the site at or below `version`. Stable for a history: an event is never
 * moved below a cursor already given (a held event confirmed later gets the site's next version), so
 * the same cursor names the same anchor until HQ's history is replaced by a restore.
 */
export async function anchorAt(db: Db, siteId: string, version: number): Promise<PullHistory['anchor']> {
  if (version <= 0) return null;
  const { rows } = await sql<{ id: string; site_version: string }>`
    SELECT id, site_version FROM events WHERE site_id = ${siteId} AND site_version <= ${version} AND status = 'ok'
    ORDER BY site_version DESC LIMIT 1`.execute(db);
  return rows[0] ? { version: Number(rows[0].site_version), id: rows[0].id } : null;
}

const sameAnchor = (a: PullHistory['anchor'], b: PullHistory['anchor']) =>
  a === null || b === null ? a === b : a.version === b.version && a.id === b.id;

/**
 * Where a pull really starts. A desk that says which history its cursor counts in gets the cursor back
 * when HQ holds that history up to it (same epoch, same anchor, not beyond HQ's version). A cursor of an
 * older epoch starts at most at each restore mark in between (the versions below a mark are the
 * backup's, which both histories share). Anything HQ cannot prove common — an epoch it never had, an
 * anchor that differs (a restore nobody marked) — starts from 0: the desk re-applies idempotently.
 * A desk without `history` (an older build) keeps the old rule: only a cursor past HQ's version is
 * refused (`cursor_too_old`, returned as null here).
 */
export async function pullStart(db: Db, siteId: string, req: PullRequest, siteVersion: number): Promise<number | null> {
  if (!req.history) return req.cursor > siteVersion ? null : req.cursor;
  if (req.cursor === 0) return 0;
  const all = await epochs(db);
  const byEpoch = new Map(all.map((e) => [e.epoch, e]));
  let start = req.cursor;
  let at: Epoch | undefined = all[0];
  while (at && at.epoch !== req.history.epoch) {
    start = Math.min(start, at.site_versions[siteId] ?? 0);
    at = at.parent ? byEpoch.get(at.parent) : undefined;
  }
  if (!at) return 0;
  if (start < req.cursor) return start;
  const anchor = start <= siteVersion ? await anchorAt(db, siteId, start) : undefined;
  return anchor !== undefined && sameAnchor(anchor, req.history.anchor) ? start : 0;
}

/**
 * After a restore from backup, before HQ serves desks: a new epoch whose parent is the restored one,
 * with each site's version now (the end of what the backup holds). Desks whose cursor counts in the old
 * epoch pull again from there; the site lock orders it with any push.
 */
export async function markRestore(
  db: Db,
): Promise<{ epoch: string; parent: string; sites: { code: string; version: number }[] }> {
  const parent = await currentEpoch(db);
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string; code: string; version: string }>`
      SELECT id, code, version FROM sites ORDER BY code FOR UPDATE`.execute(trx);
    const top = firstRow(await epochs(trx), 'HQ history epochs');
    const epoch = randomUUID();
    const versions = Object.fromEntries(rows.map((r) => [r.id, Number(r.version)]));
    await trx
      .insertInto('hq_epochs')
      .values({ epoch, n: top.n + 1, parent: top.epoch, site_versions: JSON.stringify(versions) })
      .execute();
    return { epoch, parent, sites: rows.map((r) => ({ code: r.code, version: Number(r.version) })) };
  });
}
