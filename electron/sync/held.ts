import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Rejection } from '../../shared/sync/protocol.js';

/** HQ's reasons for this desk's privileged staff changes (hq/src/store/holdRules.ts). */
const HELD = 'held_for_hq';

/**
 * Keeps the sync rejections list in step with what HQ says about this desk's held events: each
 * still waiting is listed as held, each refused with HQ's reason; one HQ no longer lists as held was
 * confirmed, and leaves the list. (The refused change itself is undone by an HQ event in the pull.)
 */
export async function recordHeld(db: Kysely<Database>, held: Rejection[], at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const listed = held.map((h) => h.eventId);
    let gone = trx.deleteFrom('sync_rejections').where('reason', '=', HELD);
    if (listed.length) gone = gone.where('event_id', 'not in', listed);
    await gone.execute();
    for (const h of held) {
      const own = await trx.selectFrom('events').select('type').where('id', '=', h.eventId).executeTakeFirst();
      await trx
        .insertInto('sync_rejections')
        .values({
          event_id: h.eventId,
          device_seq: h.deviceSeq,
          type: own?.type ?? '',
          reason: h.reason,
          detail: h.detail,
          received_at: at,
        })
        .onConflict((oc) => oc.column('event_id').doUpdateSet({ reason: h.reason, detail: h.detail }))
        .execute();
    }
  });
}
