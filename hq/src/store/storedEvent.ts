import { sql } from 'kysely';
import type { WireEvent } from '../../../shared/sync/protocol.js';

/**
 * A desk's event as HQ's `events` table keeps it: the columns it travelled with. `device_seq` comes back
 * from PostgreSQL as text (bigint); `desk_site_id` is the site the desk wrote, not HQ's key.
 */
export interface StoredEventRow {
  id: string;
  device_id: string;
  device_seq: string;
  hlc: string;
  type: string;
  v: number;
  actor: string;
  desk_site_id: string;
  payload: unknown;
  recorded_at: string;
}

/** The columns of a `StoredEventRow`, for a SELECT from `events`. */
export const STORED_EVENT_COLUMNS = sql`id, device_id, device_seq, hlc, type, v, actor, desk_site_id, payload, recorded_at`;

/** The event as it goes over the wire (and as projections and the catalog read it). */
export function wireEventOf(r: StoredEventRow): WireEvent {
  return {
    id: r.id,
    deviceId: r.device_id,
    deviceSeq: Number(r.device_seq),
    hlc: r.hlc,
    type: r.type,
    v: r.v,
    actor: r.actor,
    siteId: r.desk_site_id,
    payload: r.payload,
    recordedAt: r.recorded_at,
  };
}
