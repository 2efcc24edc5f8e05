import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { DEFAULT_SITE_TIME_ZONE, isTimeZone, monthBounds } from '../../../../shared/domain/deskTime.js';

type Db = Kysely<HqDatabase>;

/** A site a report covers, with its clock: months and days are the site's calendar, as at its desks. */
export interface ReportSite {
  siteId: string;
  code: string;
  name: string;
  zone: string;
  fromIso: string;
  toIso: string;
}

/**
 * The sites of a report (in code order) with the month's bounds on each site's clock. The zone is the
 * site's setting as its desks last changed it (the later HLC wins, as at the desks), else the default.
 */
export async function reportSites(db: Db, siteIds: readonly string[], month: string): Promise<ReportSite[]> {
  if (siteIds.length === 0) return [];
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'code', 'name'])
    .where('id', 'in', [...siteIds])
    .orderBy('code')
    .execute();
  const { rows } = await sql<{ site_id: string; zone: string }>`
    SELECT DISTINCT ON (site_id) site_id, payload->'changes'->>'siteTimeZone' AS zone FROM events
    WHERE type = 'SiteSettingsChanged' AND status = 'ok' AND site_id IN (${sql.join([...siteIds])})
      AND payload->'changes'->>'siteTimeZone' IS NOT NULL
    ORDER BY site_id, hlc DESC`.execute(db);
  const zones = new Map(rows.map((r) => [r.site_id, r.zone]));
  return sites.map((s) => {
    const z = zones.get(s.id);
    const zone = z && isTimeZone(z) ? z : DEFAULT_SITE_TIME_ZONE;
    return { siteId: s.id, code: s.code, name: s.name, zone, ...monthBounds(month, zone) };
  });
}

/** Every site id HQ holds (a user scoped to all sites). */
export const allSiteIds = async (db: Db): Promise<string[]> =>
  (await db.selectFrom('sites').select('id').orderBy('code').execute()).map((s) => s.id);
