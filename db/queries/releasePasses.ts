import type { Kysely, Selectable } from 'kysely';
import type { Database, ReleaseGateChecksTable, ReleasePassesTable } from '../schema.js';

type Db = Kysely<Database>;
export type ReleasePassRow = Selectable<ReleasePassesTable> & {
  issued_by_name: string | null;
  closed_by_name: string | null;
  arrears_approved_by_name: string | null;
};
export type GateCheckRow = Selectable<ReleaseGateChecksTable> & { by_name: string | null };

/** Passes with the names of who issued, closed and approved them (staff ids are kept on the row). */
const withNames = (db: Db) =>
  db
    .selectFrom('release_passes as p')
    .leftJoin('staff as issuer', 'issuer.id', 'p.actor')
    .leftJoin('staff as closer', 'closer.id', 'p.closed_by')
    .leftJoin('staff as approver', 'approver.id', 'p.arrears_approved_by')
    .selectAll('p')
    .select(['issuer.name as issued_by_name', 'closer.name as closed_by_name', 'approver.name as arrears_approved_by_name']);

export async function passById(db: Db, id: string): Promise<ReleasePassRow | undefined> {
  return withNames(db).where('p.id', '=', id).executeTakeFirst();
}

export async function passByRequest(db: Db, requestId: string): Promise<ReleasePassRow | undefined> {
  return withNames(db).where('p.request_id', '=', requestId).executeTakeFirst();
}

/** The gate's lookup: one unique-index probe whatever the history's size. */
export async function passByNo(db: Db, passNo: string): Promise<ReleasePassRow | undefined> {
  return withNames(db).where('p.pass_no', '=', passNo).executeTakeFirst();
}

export async function gateChecksOf(db: Db, passId: string): Promise<GateCheckRow[]> {
  return db
    .selectFrom('release_gate_checks as g')
    .leftJoin('staff', 'staff.id', 'g.actor')
    .selectAll('g')
    .select('staff.name as by_name')
    .where('g.pass_id', '=', passId)
    .orderBy('g.at')
    .execute();
}

/** Passes whose window touches the day [dayStart, dayEnd): what the gate may see today. */
export async function passesForDay(db: Db, dayStartIso: string, dayEndIso: string): Promise<ReleasePassRow[]> {
  return withNames(db)
    .where('p.valid_until', '>=', dayStartIso)
    .where('p.valid_from', '<', dayEndIso)
    .orderBy('p.valid_from')
    .limit(500)
    .execute();
}

/** Issued and not yet past their window (uses the partial index on open passes). */
export async function pendingPasses(db: Db, nowIso: string): Promise<ReleasePassRow[]> {
  return withNames(db)
    .where('p.status', '=', 'issued')
    .where('p.valid_until', '>=', nowIso)
    .orderBy('p.valid_until')
    .limit(500)
    .execute();
}

/** Issued, never used, window over since `sinceIso`: goods that never left (or left without a check). */
export async function expiredPasses(db: Db, sinceIso: string, nowIso: string): Promise<ReleasePassRow[]> {
  return withNames(db)
    .where('p.status', '=', 'issued')
    .where('p.valid_until', '<', nowIso)
    .where('p.valid_until', '>=', sinceIso)
    .orderBy('p.valid_until', 'desc')
    .limit(500)
    .execute();
}

export async function closedPasses(db: Db, status: 'released' | 'cancelled', sinceIso: string): Promise<ReleasePassRow[]> {
  return withNames(db)
    .where('p.status', '=', status)
    .where('p.closed_at', '>=', sinceIso)
    .orderBy('p.closed_at', 'desc')
    .limit(500)
    .execute();
}

/** History: by unit code (prefix, so "1-2" finds the whole entrance) and issue date. */
export async function searchPasses(
  db: Db,
  s: { unit: string; fromIso?: string; toIso?: string; limit: number },
): Promise<ReleasePassRow[]> {
  let q = withNames(db);
  if (s.unit) q = q.where('p.unit_code', '>=', s.unit.toUpperCase()).where('p.unit_code', '<', `${s.unit.toUpperCase()}\uffff`);
  if (s.fromIso) q = q.where('p.issued_at', '>=', s.fromIso);
  if (s.toIso) q = q.where('p.issued_at', '<', s.toIso);
  return q.orderBy('p.issued_at', 'desc').limit(s.limit).execute();
}
