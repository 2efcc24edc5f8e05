import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../pg/schema.js';

/**
 * The device and every device it replaced, newest first (replace-device). The desk that took over
 * re-stamped the old device's events to its own id, so they are its own work and never pulled back.
 */
export async function ownDeviceIds(db: Kysely<HqDatabase>, siteId: string, deviceId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH RECURSIVE chain(id, replaces, depth) AS (
      SELECT id, replaces, 0 FROM devices WHERE site_id = ${siteId} AND id = ${deviceId}
      UNION ALL
      SELECT d.id, d.replaces, c.depth + 1 FROM devices d JOIN chain c ON d.site_id = ${siteId} AND d.id = c.replaces
      WHERE c.depth < 1000
    )
    SELECT id FROM chain ORDER BY depth`.execute(db);
  return rows.length ? rows.map((r) => r.id) : [deviceId];
}
