import type { Kysely, Selectable } from 'kysely';
import type { Database, VisitsTable } from '../schema.js';

type Db = Kysely<Database>;
export type VisitRow = Selectable<VisitsTable> & { actor_name: string | null };

const withActor = (db: Db) =>
  db.selectFrom('visits').leftJoin('staff', 'staff.id', 'visits.actor').selectAll('visits').select('staff.name as actor_name');

export async function visitById(db: Db, id: string): Promise<VisitRow | undefined> {
  return withActor(db).where('visits.id', '=', id).executeTakeFirst();
}

export async function visitByRequest(db: Db, requestId: string): Promise<VisitRow | undefined> {
  return withActor(db).where('visits.request_id', '=', requestId).executeTakeFirst();
}

export async function visitByPassNo(db: Db, passNo: string): Promise<VisitRow | undefined> {
  return withActor(db).where('visits.pass_no', '=', passNo).executeTakeFirst();
}

/** Everyone in the building now, longest-present first (uses the partial on-site index). */
export async function visitsOnSite(db: Db): Promise<VisitRow[]> {
  return withActor(db).where('visits.status', '=', 'on_site').orderBy('visits.checked_in_at').execute();
}

/** Visits closed automatically as "not returned" since a moment (the next shift must see them). */
export async function visitsNotReturnedSince(db: Db, sinceIso: string): Promise<VisitRow[]> {
  return withActor(db)
    .where('visits.status', '=', 'not_returned')
    .where('visits.checked_out_at', '>=', sinceIso)
    .orderBy('visits.checked_out_at', 'desc')
    .execute();
}

/** Open visits that began before a moment (yesterday's, at the end of the day). */
export async function openVisitsBefore(db: Db, beforeIso: string): Promise<{ id: string }[]> {
  return db.selectFrom('visits').select('id').where('status', '=', 'on_site').where('checked_in_at', '<', beforeIso).execute();
}

export interface VisitSearch {
  text: string;
  fromIso?: string;
  toIso?: string;
  limit: number;
  /** The search text's hashes as an ID number (the desk keeps only the masked form). */
  idHashes?: string[];
  /** …and as a phone. */
  phoneHashes?: string[];
}

/** History search: the text matches visitor name, phone, ID number, host name/unit/company, plate or pass. */
export async function searchVisits(db: Db, s: VisitSearch): Promise<VisitRow[]> {
  let q = withActor(db);
  if (s.fromIso) q = q.where('visits.checked_in_at', '>=', s.fromIso);
  if (s.toIso) q = q.where('visits.checked_in_at', '<', s.toIso);
  if (s.text) {
    const like = `%${s.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const hashes = s.idHashes ?? [];
    q = q.where((eb) =>
      eb.or([
        ...[
          'visitor_name',
          'visitor_phone',
          'id_number_masked',
          'host_name',
          'host_unit_code',
          'host_company',
          'plate',
          'pass_no',
        ].map((col) => eb(eb.fn('lower', [eb.ref(`visits.${col}` as 'visits.visitor_name')]), 'like', like.toLowerCase())),
        ...(hashes.length ? [eb('visits.id_hash', 'in', hashes)] : []),
        ...(s.phoneHashes?.length ? [eb('visits.phone_hash', 'in', s.phoneHashes)] : []),
      ]),
    );
  }
  return q.orderBy('visits.checked_in_at', 'desc').limit(s.limit).execute();
}

/** The most recent visits of one visitor, by the phone's or the ID number's hash (any of the desk's keys), newest first. */
export async function visitsOfVisitor(db: Db, by: { phoneHashes?: string[]; idHashes?: string[] }): Promise<VisitRow[]> {
  let q = withActor(db);
  if (by.idHashes?.length) q = q.where('visits.id_hash', 'in', by.idHashes);
  else if (by.phoneHashes?.length) q = q.where('visits.phone_hash', 'in', by.phoneHashes);
  else return [];
  return q.orderBy('visits.checked_in_at', 'desc').limit(20).execute();
}

export async function countVisitsOnSite(db: Db): Promise<number> {
  const r = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'on_site')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
