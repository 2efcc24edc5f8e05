import { SITE_SETTING_KEYS, Settings, type SiteSettingsPatch } from '../../../shared/api/schemas.js';
import { draft } from '../../../db/events.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain/settingsDefaults.js';
import { readSettings, readSiteSettings, settingsBasis, writeSettings } from '../../../db/queries/settings.js';
import { getSiteIdentity } from '../../../db/meta.js';
import { classifierFor, type SiteKind } from '../../../shared/domain/ticketClassifier.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HandlerMap } from '../context.js';

/**
 * The settings in force at this desk: defaults, then this desk's own values, then the site's rules as
 * the managers last set them at any desk (a value that no longer parses falls back to the defaults).
 */
export async function loadSettings(db: Kysely<Database>): Promise<Settings> {
  const stored = await readSettings(db);
  // The classifier defaults to the site kind's tree until a manager edits it.
  const kind = ((await getSiteIdentity(db))?.siteKind ?? 'mixed') as SiteKind;
  const defaults = { ...DEFAULT_SETTINGS, classifier: classifierFor(kind) };
  const merged = { ...defaults, ...stored, ...(await readSiteSettings(db)) };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}

export const settingsHandlers: Pick<HandlerMap, 'settings:get' | 'settings:update'> = {
  async 'settings:get'(_input, ctx) {
    return ctx.services.settings();
  },
  // This desk's own settings are written here; the site's rules that changed become one event that
  // every desk of the site applies.
  async 'settings:update'(input, ctx) {
    const current = await ctx.services.settings();
    // A rule this desk kept only locally (saved before site rules synced) is published on the next save.
    const siteHas = await readSiteSettings(ctx.db);
    const localOnly = await readSettings(ctx.db);
    const changes: Record<string, unknown> = {};
    const deskOnly: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (!(SITE_SETTING_KEYS as readonly string[]).includes(key)) deskOnly[key] = value;
      else if (JSON.stringify(value) !== JSON.stringify(current[key as keyof Settings])) changes[key] = value;
      else if (key in localOnly && !(key in siteHas)) changes[key] = value;
    }
    await ctx.transact(async (trx, emit) => {
      await writeSettings(trx, deskOnly);
      if (Object.keys(changes).length)
        await emit(
          draft('SiteSettingsChanged', { changes: changes as SiteSettingsPatch, basedOn: await settingsBasis(trx, changes) }),
        );
    });
    ctx.services.settingsChanged();
    return ctx.services.settings();
  },
};
