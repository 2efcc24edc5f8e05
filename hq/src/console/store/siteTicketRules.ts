import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { ClassifierTree, DeadlineRuleSchema } from '../../../../shared/api/ticketSchemas.js';
import { classifierFor, type Place, type SiteKind } from '../../../../shared/domain/ticketClassifier.js';
import { DEFAULT_TICKET_RULES, type DeadlineRule } from '../../../../shared/domain/ticketDeadlines.js';
import { DEFAULT_SITE_TIME_ZONE, isTimeZone } from '../../../../shared/domain/deskTime.js';

type Db = Kysely<HqDatabase>;

export interface SiteTicketRules {
  site: { id: string; code: string; name: string; kind: string };
  classifier: Place[];
  rules: DeadlineRule[];
  zone: string;
}

/** The latest value of one site setting in the events HQ accepted (the later HLC wins, as at the desks). */
async function latestSetting(db: Db, siteId: string, key: string): Promise<unknown> {
  const { rows } = await sql<{ value: unknown }>`
    SELECT payload->'changes'->(${key}::text) AS value FROM events
    WHERE site_id = ${siteId} AND type = 'SiteSettingsChanged' AND status = 'ok'
      AND payload->'changes'->(${key}::text) IS NOT NULL
    ORDER BY hlc DESC LIMIT 1`.execute(db);
  return rows[0]?.value;
}

/**
 * The site's intake rules as its desks hold them — classifier, deadline rules and time zone from its
 * latest settings change, else the defaults a desk of the site's kind starts with — so a ticket opened at
 * HQ is classified and timed as one taken at the site's own desk. null: no such site.
 */
export async function siteTicketRules(db: Db, siteId: string): Promise<SiteTicketRules | null> {
  const site = await db.selectFrom('sites').select(['id', 'code', 'name', 'kind']).where('id', '=', siteId).executeTakeFirst();
  if (!site) return null;
  const tree = ClassifierTree.safeParse(await latestSetting(db, siteId, 'classifier'));
  const rules = DeadlineRuleSchema.array().safeParse(await latestSetting(db, siteId, 'ticketRules'));
  const zone = await latestSetting(db, siteId, 'siteTimeZone');
  return {
    site,
    classifier: tree.success ? (tree.data as Place[]) : classifierFor(site.kind as SiteKind),
    rules: rules.success ? rules.data : DEFAULT_TICKET_RULES,
    zone: typeof zone === 'string' && isTimeZone(zone) ? zone : DEFAULT_SITE_TIME_ZONE,
  };
}
