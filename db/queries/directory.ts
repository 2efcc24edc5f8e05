import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export interface HostRow {
  occupantId: string;
  unitId: string;
  unitCode: string;
  name: string;
  company: string;
  role: Database['occupants']['role'];
  phone: string;
  movedOutOn: string | null;
}

const reverse = (s: string) => [...s].reverse().join('');

function hosts(db: Db) {
  return db
    .selectFrom('occupants')
    .innerJoin('units', 'units.id', 'occupants.unit_id')
    .select([
      'occupants.id as occupantId',
      'units.id as unitId',
      'units.code as unitCode',
      'occupants.name as name',
      'occupants.company as company',
      'occupants.role as role',
      'occupants.phone as phone',
      'occupants.moved_out_on as movedOutOn',
    ]);
}

export async function hostById(db: Db, occupantId: string): Promise<HostRow | undefined> {
  return hosts(db).where('occupants.id', '=', occupantId).executeTakeFirst();
}

/**
 * Finds hosts by unit code (prefix, or the room number at its end), name or company (prefix),
 * pinyin initials or full pinyin (prefix), or phone (prefix, or last digits). Every branch is a
 * range scan on an index, so the search stays fast on 100,000 occupants.
 */
export async function searchHosts(db: Db, raw: string, limit: number): Promise<HostRow[]> {
  const q = raw.trim();
  if (!q) return [];
  const lower = q.toLowerCase();
  const upper = q.toUpperCase();
  const range = (col: string, prefix: string) => ({ col, lo: prefix, hi: `${prefix}\uffff` });
  const ranges: { col: string; lo: string; hi: string }[] = [];
  if (/^\d+$/.test(q)) {
    ranges.push(range('occupants.phone', q), range('occupants.phone_rev', reverse(q)));
    ranges.push(range('units.code', q), range('units.code_rev', reverse(q)));
  } else if (/^[a-z]+$/i.test(q)) {
    ranges.push(range('occupants.initials', lower), range('occupants.pinyin', lower));
    ranges.push(range('units.code', upper), range('occupants.company', q), range('occupants.name', q));
  } else {
    ranges.push(range('occupants.name', q), range('occupants.company', q), range('units.code', upper));
    ranges.push(range('units.code_rev', reverse(upper)));
  }
  const seen = new Set<string>();
  const out: HostRow[] = [];
  for (const r of ranges) {
    const rows = await hosts(db)
      .where(r.col as 'occupants.name', '>=', r.lo)
      .where(r.col as 'occupants.name', '<', r.hi)
      .orderBy(r.col as 'occupants.name')
      .limit(limit)
      .execute();
    for (const row of rows) {
      if (seen.has(row.occupantId)) continue;
      seen.add(row.occupantId);
      out.push(row);
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export async function directoryStats(db: Db): Promise<{ units: number; occupants: number }> {
  const u = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const o = await db
    .selectFrom('occupants')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { units: Number(u.n), occupants: Number(o.n) };
}

/** Existing ids for units by code and occupants by (unit, name), so a re-import updates in place. */
export async function existingDirectoryIds(db: Db): Promise<{ units: Map<string, string>; occupants: Map<string, string> }> {
  const units = await db.selectFrom('units').select(['id', 'code']).execute();
  const occ = await db.selectFrom('occupants').select(['id', 'unit_id', 'name']).execute();
  return {
    units: new Map(units.map((u) => [u.code, u.id])),
    occupants: new Map(occ.map((o) => [`${o.unit_id}\u0000${o.name}`, o.id])),
  };
}

/** Everyone the directory lists for one unit: the owners and company contacts who may give consent. */
export async function occupantsOfUnit(db: Db, unitId: string): Promise<HostRow[]> {
  return hosts(db).where('occupants.unit_id', '=', unitId).orderBy('occupants.role').orderBy('occupants.name').execute();
}
