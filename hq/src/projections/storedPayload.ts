import { sql } from 'kysely';
import type { HqDb } from './types.js';

/** A stored event as the retention pass and an erasure read it to blank its personal fields. */
export type StoredEventRow = { id: string; device_id: string; device_seq: string; type: string; payload: string };

/** Projections that keep an event whole (the handover sheets): they keep the blanked copy too. */
const KEPT_WHOLE = ['hq_shift_events'];

/**
 * Replaces a stored event's payload with its blanked copy — the one exception to the event table's
 * append-only rule — and the copies projections keep whole. Text, not jsonb, in the event table: the
 * desks get back the payload with its keys in the order they wrote them.
 */
export async function rewriteStoredPayload(trx: HqDb, siteId: string, row: StoredEventRow, blank: unknown): Promise<void> {
  await sql`UPDATE events SET payload = ${JSON.stringify(blank)}::json
    WHERE site_id = ${siteId} AND device_id = ${row.device_id} AND device_seq = ${row.device_seq}`.execute(trx);
  for (const table of KEPT_WHOLE)
    await sql`UPDATE ${sql.table(table)} SET data = ${JSON.stringify(blank)}::jsonb
      WHERE site_id = ${siteId} AND event_id = ${row.id}`.execute(trx);
}
