import { Settings } from '../../../shared/api/schemas.js';
import { DEFAULT_SHIFT_PATTERNS } from '../../../shared/domain/shifts.js';
import { DEFAULT_TICKET_RULES } from '../../../shared/domain/ticketDeadlines.js';
import { DEFAULT_RETURN_DAYS } from '../../../shared/domain/mail.js';
import { readSettings, writeSettings } from '../../../db/queries/settings.js';
import { getSiteIdentity } from '../../../db/meta.js';
import { classifierFor, type SiteKind } from '../../../shared/domain/ticketClassifier.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { HandlerMap } from '../context.js';

export const DEFAULT_SETTINGS: Settings = {
  locale: 'zh-Hans',
  idleLockMinutes: 5,
  visitorPassLayout: 'roll80',
  visitorPassPrinter: '',
  autoPrintVisitorPass: true,
  releasePassLayout: 'roll80',
  receiptLayout: 'roll80',
  drawerVarianceLimitFen: 1000,
  mailReturnDays: DEFAULT_RETURN_DAYS,
  defaultVisitMinutes: 120,
  shiftPatterns: DEFAULT_SHIFT_PATTERNS,
  ticketRules: DEFAULT_TICKET_RULES,
  classifier: classifierFor('mixed'),
};

/** This desk's settings: stored values over defaults (a value that no longer parses falls back). */
export async function loadSettings(db: Kysely<Database>): Promise<Settings> {
  const stored = await readSettings(db);
  // The classifier defaults to the site kind's tree until a manager edits it.
  const kind = ((await getSiteIdentity(db))?.siteKind ?? 'mixed') as SiteKind;
  const defaults = { ...DEFAULT_SETTINGS, classifier: classifierFor(kind) };
  const merged = { ...defaults, ...stored };
  const parsed = Settings.safeParse(merged);
  return parsed.success ? parsed.data : defaults;
}

export const settingsHandlers: Pick<HandlerMap, 'settings:get' | 'settings:update'> = {
  async 'settings:get'(_input, ctx) {
    return ctx.services.settings();
  },
  async 'settings:update'(input, ctx) {
    await writeSettings(ctx.db, input);
    ctx.services.settingsChanged();
    return ctx.services.settings();
  },
};
