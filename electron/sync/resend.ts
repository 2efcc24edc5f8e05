import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ResendResponse } from '../../shared/sync/protocol.js';

type Db = Kysely<Database>;

/** The handshake asks about at most this many listed rejections a round (the newest first). */
const ASK_AT_MOST = 1000;

/**
 * The ids of this desk's events it lists as rejected by HQ, for the handshake to ask which HQ has since
 * applied (pictures refused for their bytes are not events and are not asked about).
 */
export async function rejectedToAsk(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('sync_rejections')
    .select('event_id')
    .where('event_id', 'not like', 'attachment:%')
    .orderBy('device_seq', 'desc')
    .limit(ASK_AT_MOST)
    .execute();
  return rows.map((r) => r.event_id);
}

/** HQ holds these as accepted now (applied after waiting, or re-sent and taken): they leave the list. */
export async function dropSettled(db: Db, settled: string[] | undefined): Promise<void> {
  if (!settled?.length) return;
  await db.deleteFrom('sync_rejections').where('event_id', 'in', settled).execute();
}

/**
 * HQ's answer to a re-send: accepted, or waiting at HQ for the record it names, the event is no longer
 * rejected and leaves the list; held or refused again, the line says HQ's reason now.
 */
export async function recordResend(db: Db, res: ResendResponse): Promise<void> {
  if (res.outcome === 'accepted' || res.outcome === 'waiting') {
    await db.deleteFrom('sync_rejections').where('event_id', '=', res.eventId).execute();
    return;
  }
  await db
    .updateTable('sync_rejections')
    .set({ reason: res.reason ?? '', detail: res.detail ?? '' })
    .where('event_id', '=', res.eventId)
    .execute();
}
