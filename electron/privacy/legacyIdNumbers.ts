import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { eventWithoutFullIdNumber } from '../../shared/domain/legacyIdNumber.js';
import { minimalId } from './idHash.js';
import type { IdKeys } from './idKeys.js';
import { oncePerFile } from '../../db/meta.js';

type Db = Kysely<Database>;
/**
 * A desk upgraded from a version that kept full ID numbers: its rows (migration 015 renamed the
 * column, the values are still full) and its events (the one exception to append-only, as in the
 * retention pass) are masked and hashed with the current key, in one transaction at start. A masked
 * form always holds a '*' and a full number does not: that tells the rows apart, and makes it idempotent.
 * Done once per database file (`SCRUBBED_ID_NUMBERS` in meta, written in the same transaction): this
 * version writes no full number and HQ sends none, so only a file an older version wrote can hold one,
 * and a desk of millions of events does not scan them all at every start.
 */
export async function scrubFullIdNumbers(db: Db, keys: IdKeys): Promise<number> {
  const key = keys.current();
  return oncePerFile(db, SCRUBBED_ID_NUMBERS, async (trx) => {
    let changed = 0;
    for (const table of ['visits', 'deny_list', 'release_passes'] as const) {
      const rows = await trx
        .selectFrom(table)
        .select(['id', 'id_number_masked'])
        .where('id_hash', '=', '')
        .where('id_number_masked', '<>', '')
        .where('id_number_masked', 'not like', '%*%')
        .execute();
      for (const r of rows) {
        const m = minimalId(key, r.id_number_masked);
        await trx
          .updateTable(table)
          .set({ id_number_masked: m.idNumberMasked, id_hash: m.idHash })
          .where('id', '=', r.id)
          .execute();
      }
      changed += rows.length;
    }
    const events = await sql<{ seq: number; type: string; payload: string }>`
      SELECT seq, type, payload FROM events WHERE
        (type = 'VisitorCheckedIn' AND json_type(payload, '$.visitor.idNumber') IS NOT NULL)
        OR (type = 'ReleasePassIssued' AND json_type(payload, '$.applicant.idNumber') IS NOT NULL)
        OR (type = 'DenyEntryAdded' AND json_type(payload, '$.idNumber') IS NOT NULL)`.execute(trx);
    for (const e of events.rows) {
      const next = eventWithoutFullIdNumber(e.type, JSON.parse(e.payload) as Record<string, unknown>, (n) => minimalId(key, n));
      await trx
        .updateTable('events')
        .set({ payload: JSON.stringify(next) })
        .where('seq', '=', e.seq)
        .execute();
    }
    return changed + events.rows.length;
  });
}

/** Meta key: when this file's rows and events were found free of full ID numbers. */
export const SCRUBBED_ID_NUMBERS = 'privacy.scrubbedIdNumbers';
