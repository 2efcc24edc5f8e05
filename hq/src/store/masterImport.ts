import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { ImportProblem } from '../../../shared/api/directoryRow.js';
import type { EventPayload } from '../../../shared/events/catalog.js';
import { directoryPayload, parseDirectoryFile, type KnownDirectoryIds } from '../../../shared/import/directoryFile.js';
import { chargeKey, parseChargesFile } from '../../../shared/import/chargesFile.js';
import type { HqDatabase } from '../pg/schema.js';
import { writeMasterEvent } from './admin.js';

type Db = Kysely<HqDatabase>;
type Imported = EventPayload<'DirectoryImported'>;

/** The outcome of an import at HQ: what was written, or every problem by line and nothing written. */
export type ImportResult<Counts = Record<string, number>> =
  { ok: true; summary: string; counts: Counts } | { ok: false; problems: ImportProblem[] };

/** The site's directory as HQ knows it: every accepted directory import folded in order, later rows winning. */
export async function siteDirectory(db: Db, siteId: string) {
  const { rows } = await sql<{ payload: Imported }>`
    SELECT payload FROM events WHERE site_id = ${siteId} AND type = 'DirectoryImported' AND status = 'ok'
    ORDER BY site_version`.execute(db);
  const known: KnownDirectoryIds = { units: new Map(), occupants: new Map() };
  const units = new Map<string, { id: string; area: number | null }>();
  for (const { payload } of rows) {
    const p = typeof payload === 'string' ? (JSON.parse(payload) as Imported) : payload;
    for (const u of p.units) {
      known.units.set(u.code, u.id);
      units.set(u.code, { id: u.id, area: u.areaM2 });
    }
    for (const o of p.occupants) known.occupants.set(`${o.unitId}\u0000${o.name}`, o.id);
  }
  return { known, units };
}

/**
 * Imports the occupant directory at HQ from the desk's file formats; it flows down to every desk of
 * the site as master data. Units and occupants HQ already knows keep their ids.
 */
export async function importDirectory(
  db: Db,
  siteId: string,
  fileName: string,
  bytes: Buffer,
): Promise<ImportResult<{ units: number; occupants: number; created: number }>> {
  const { good, problems } = await parseDirectoryFile(fileName, bytes);
  if (problems.length) return { ok: false, problems };
  const { known } = await siteDirectory(db, siteId);
  const { payload, created } = directoryPayload(good, known);
  await writeMasterEvent(db, siteId, 'DirectoryImported', { importId: uuidv7(), fileName, ...payload });
  return {
    ok: true,
    summary: `${payload.units.length} units, ${payload.occupants.length} occupants (${created} new, ${payload.occupants.length - created} updated)`,
    counts: { units: payload.units.length, occupants: payload.occupants.length, created },
  };
}

/** Imports charges (应收) at HQ against the site's directory; a month already charged is refused. */
export async function importCharges(
  db: Db,
  siteId: string,
  fileName: string,
  bytes: Buffer,
): Promise<ImportResult<{ charges: number; units: number; totalFen: number }>> {
  const { units } = await siteDirectory(db, siteId);
  const { rows } = await sql<{ unit_code: string; item: string; period: string }>`
    SELECT unit_code, item, period FROM hq_fee_charges WHERE site_id = ${siteId}`.execute(db);
  const alreadyCharged = new Set(rows.map((c) => chargeKey(c.unit_code, c.item, c.period)));
  const { charges, problems } = await parseChargesFile(fileName, bytes, units, alreadyCharged);
  if (problems.length) return { ok: false, problems };
  await writeMasterEvent(db, siteId, 'ChargesRaised', { batchId: uuidv7(), source: 'import', fileName, charges });
  const total = charges.reduce((n, c) => n + c.amountFen, 0);
  return {
    ok: true,
    summary: `${charges.length} charges, ¥${(total / 100).toFixed(2)}`,
    counts: { charges: charges.length, units: new Set(charges.map((c) => c.unitId)).size, totalFen: total },
  };
}
