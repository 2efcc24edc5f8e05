import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { IdKeys } from './idKeys.js';
import { resealed } from './pinSeal.js';
import { PIN_EVENTS } from '../../shared/domain/legacyPinHash.js';

/**
 * Every PIN hash this desk holds ends sealed under the site's current key (./pinSeal.ts): run at start
 * (an older version kept and logged them in the clear) and when the desk adopts the site's key at
 * enrolment (a desk set up offline sealed its own under its first key). Staff rows and the local event
 * log are rewritten in place, the same exception to append-only retention makes: only the seal changes,
 * never the PIN. Events already at HQ keep the copy HQ has (HQ migration 011 blanks plain ones); a desk
 * set up offline has pushed nothing before it enrols, so its events reach HQ under the site's key.
 */
export async function resealPins(db: Kysely<Database>, keys: IdKeys): Promise<number> {
  let changed = 0;
  for (const row of await db.selectFrom('staff').select(['id', 'pin_hash']).execute()) {
    const next = resealed(keys, row.id, row.pin_hash);
    if (next === null) continue;
    await db.updateTable('staff').set({ pin_hash: next }).where('id', '=', row.id).execute();
    changed++;
  }
  const events = await db.selectFrom('events').select(['seq', 'payload']).where('type', 'in', PIN_EVENTS).execute();
  for (const e of events) {
    const p = JSON.parse(e.payload) as { staffId: string; pinHash: string };
    const next = resealed(keys, p.staffId, p.pinHash);
    if (next === null) continue;
    await db
      .updateTable('events')
      .set({ payload: JSON.stringify({ ...p, pinHash: next }) })
      .where('seq', '=', e.seq)
      .execute();
    changed++;
  }
  return changed;
}
