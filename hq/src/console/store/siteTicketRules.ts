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

/** One site setting as HQ knows it: the value and the event that set it (the `basedOn` of a change to it). */
export interface LatestSetting {
  value: unknown;
  eventId: string;
  hlc: string;
}

/**
 * The latest value of each named site setting in the events HQ accepted (the later HLC wins, as at the
 * desks); a key no event set is absent.
 */
export async function latestSettings(db: Db, siteId: string, keys: readonly string[]): Promise<Map<string, LatestSetting>> {
  const { rows } = await sql<{ key: string; value: unknown; event_id: string; hlc: string }>`
    SELECT DISTINCT ON (k.key) k.key, e.payload->'changes'->k.key AS value, e.id AS event_id, e.hlc
    FROM events e CROSS JOIN unnest(${[...keys]}::text[]) AS k(key)
    WHERE e.site_id = ${siteId} AND e.type = 'SiteSettingsChanged' AND e.status = 'ok'
      AND e.payload->'changes'->k.key IS NOT NULL
    ORDER BY k.key, e.hlc DESC`.execute(db);
  return new Map(rows.map((r) => [r.key, { value: r.value, eventId: r.event_id, hlc: r.hlc }]));
}

/**
 * The site's intake rules as its desks hold them — classifier, deadline rules and time zone from its
 * latest settings change, else the defaults a desk of the site's kind starts with — so a ticket opened at
 * HQ is classified and timed as one taken at the site's own desk. null: no such site.
 */
export async function siteTicketRules(db: Db, siteId: string): Promise<SiteTicketRules | null> {
  const site = await db.selectFrom('sites').select(['id', 'code', 'name', 'kind']).where('id', '=', siteId).executeTakeFirst();
  if (!site) return null;
  const latest = await latestSettings(db, siteId, ['classifier', 'ticketRules', 'siteTimeZone']);
  const tree = ClassifierTree.safeParse(latest.get('classifier')?.value);
  const rules = DeadlineRuleSchema.array().safeParse(latest.get('ticketRules')?.value);
  const zone = latest.get('siteTimeZone')?.value;
  return {
    site,
    classifier: tree.success ? (tree.data as Place[]) : classifierFor(site.kind as SiteKind),
    rules: rules.success ? rules.data : DEFAULT_TICKET_RULES,
    zone: typeof zone === 'string' && isTimeZone(zone) ? zone : DEFAULT_SITE_TIME_ZONE,
  };
}
