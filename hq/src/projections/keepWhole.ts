import { sql } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import type { HqDb } from './types.js';

/**
 * A fact HQ lists but does not fold (drawer entries, reminders, handover signatures, mail notices):
 * kept whole, one row per event, in the feature's `hq_*_events` table.
 */
export const keepWhole =
  (table: string) =>
  async (trx: HqDb, siteId: string, events: DomainEvent[]): Promise<void> => {
    const values = events.map((e) => sql`(${e.id}, ${siteId}, ${e.deviceId}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb)`);
    await sql`INSERT INTO ${sql.table(table)} (event_id, site_id, device_id, type, data) VALUES ${sql.join(values)}
      ON CONFLICT (site_id, event_id) DO NOTHING`.execute(trx);
  };
