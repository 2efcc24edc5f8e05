import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { checkInWithoutFullPhone } from '../../shared/domain/legacyPhone.js';
import { minimalPhone } from './idHash.js';
import type { IdKeys } from './idKeys.js';
import { oncePerFile } from '../../db/meta.js';

/**
 * A desk upgraded from a version that kept visitors' phones in full: its visit rows and its check-in
 * events get the masked phone and its keyed hash (current key), in one transaction at start. A row
 * with a hash is done, which makes it idempotent. Once per database file, as the ID numbers' scrub
 * (`SCRUBBED_PHONES` in meta): no full phone is written or pulled since.
 */
export async function scrubFullPhones(db: Kysely<Database>, keys: IdKeys): Promise<number> {
  const key = keys.current();
  return oncePerFile(db, SCRUBBED_PHONES, async (trx) => {
    const rows = await trx
      .selectFrom('visits')
      .select(['id', 'visitor_phone'])
      .where('phone_hash', '=', '')
      .where('visitor_phone', '<>', '')
      .where('visitor_phone', 'not like', '%*%')
      .execute();
    for (const r of rows) {
      const m = minimalPhone(key, r.visitor_phone);
      await trx.updateTable('visits').set({ visitor_phone: m.phone, phone_hash: m.phoneHash }).where('id', '=', r.id).execute();
    }
    const events = await sql<{ seq: number; payload: string }>`
      SELECT seq, payload FROM events WHERE type = 'VisitorCheckedIn'
        AND json_extract(payload, '$.visitor.phone') <> '' AND instr(json_extract(payload, '$.visitor.phone'), '*') = 0
        AND coalesce(json_extract(payload, '$.visitor.phoneHash'), '') = ''`.execute(trx);
    for (const e of events.rows) {
      const next = checkInWithoutFullPhone(JSON.parse(e.payload) as Record<string, unknown>, (p) => minimalPhone(key, p));
      await trx
        .updateTable('events')
        .set({ payload: JSON.stringify(next) })
        .where('seq', '=', e.seq)
        .execute();
    }
    return rows.length + events.rows.length;
  });
}

/** Meta key: when this file's visits and check-in events were found free of full phones. */
export const SCRUBBED_PHONES = 'privacy.scrubbedPhones';
