import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import { appendMasterEvent } from '../../store/admin.js';
import { SITE_SETTING_KEYS, Settings, type SiteSettingKey, type SiteSettingsPatch } from '../../../../shared/api/schemas.js';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settingsDefaults.js';
import { classifierFor, type SiteKind } from '../../../../shared/domain/ticketClassifier.js';
import { eventCatalog } from '../../../../shared/events/catalog.js';
import { ConsoleError } from '../contract/errors.js';
import type { SiteSettingsSaved, SiteSettingsValues, SiteSettingsView, UpdateSiteSettingsInput } from '../contract/settings.js';
import { latestSettings, type LatestSetting } from './siteTicketRules.js';

type Db = Kysely<HqDatabase>;
type Input = z.output<typeof UpdateSiteSettingsInput>;

interface Known extends SiteSettingsView {
  latest: Map<string, LatestSetting>;
}

/**
 * The site's rules as its desks hold them: per key the latest synced value (any desk's or HQ's, by HLC),
 * else the default a desk of the site's kind starts with — as the desk's loadSettings merges them.
 */
async function known(db: Db, siteId: string): Promise<Known | null> {
  const site = await db.selectFrom('sites').select('kind').where('id', '=', siteId).executeTakeFirst();
  if (!site) return null;
  const latest = await latestSettings(db, siteId, SITE_SETTING_KEYS);
  const defaults = { ...DEFAULT_SETTINGS, classifier: classifierFor(site.kind as SiteKind) };
  const values: Record<string, unknown> = {};
  const basedOn: Partial<Record<SiteSettingKey, string | null>> = {};
  for (const key of SITE_SETTING_KEYS) {
    const got = latest.get(key);
    // A stored value the schema no longer takes reads as the default, as at the desk.
    const parsed = Settings.shape[key].safeParse(got?.value);
    values[key] = got && parsed.success ? parsed.data : defaults[key];
    basedOn[key] = got?.eventId ?? null;
  }
  return { values: values as SiteSettingsValues, basedOn, latest };
}

export async function siteSettingsAtHq(db: Db, siteId: string): Promise<SiteSettingsView> {
  const k = await known(db, siteId);
  if (!k) throw new ConsoleError('not_found', 'settings.err.noSite');
  return { values: k.values, basedOn: k.basedOn };
}

/**
 * The HQ admin's change: the keys whose value differs from what HQ holds become one SiteSettingsChanged
 * of HQ's pseudo-device (checked by the catalog's schema), ordered after every change it replaces so it
 * is in force at every desk; basedOn is what the admin saw, so a desk's change made meanwhile is kept
 * as the overwritten side of a conflict, never silently. Nothing differs: nothing is written.
 */
export async function updateSiteSettings(trx: Db, input: Input): Promise<SiteSettingsSaved> {
  // Serialised with the site's pushes: the values compared are the ones the event follows.
  await sql`SELECT 1 FROM sites WHERE id = ${input.siteId} FOR UPDATE`.execute(trx);
  const before = await known(trx, input.siteId);
  if (!before) throw new ConsoleError('not_found', 'settings.err.noSite');
  const changes: Record<string, unknown> = {};
  const basedOn: Record<string, string | null> = {};
  const changed: SiteSettingKey[] = [];
  const raced: SiteSettingKey[] = [];
  let after: string | undefined;
  for (const key of SITE_SETTING_KEYS) {
    const value = input[key];
    if (value === undefined || JSON.stringify(value) === JSON.stringify(before.values[key])) continue;
    changes[key] = value;
    basedOn[key] = input.basedOn[key] ?? null;
    changed.push(key);
    if (basedOn[key] !== before.basedOn[key]) raced.push(key);
    const hlc = before.latest.get(key)?.hlc;
    if (hlc && (!after || hlc > after)) after = hlc;
  }
  if (changed.length) {
    const payload = eventCatalog.SiteSettingsChanged.payload.parse({ changes: changes as SiteSettingsPatch, basedOn });
    await appendMasterEvent(trx, input.siteId, 'SiteSettingsChanged', payload, after);
  }
  return { ...(await siteSettingsAtHq(trx, input.siteId)), changed, raced };
}
