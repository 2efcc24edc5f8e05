import { deskTime, setDeskZone } from '../shared/domain/deskTime.js';
import { appendEvents, draft } from '../db/events.js';
import { getSiteIdentity } from '../db/meta.js';
import { openVisitsBefore } from '../db/queries/visits.js';
import type { Services } from './api/context.js';

/**
 * At the end of the day every visit still open is closed as "not returned" — distinct from a
 * check-out — so the on-site list starts each day true and the next shift sees who never came back.
 */
export async function closeYesterdaysVisits(services: Services): Promise<number> {
  const site = await getSiteIdentity(services.db);
  if (!site) return 0;
  setDeskZone((await services.settings()).siteTimeZone);
  const now = services.clock();
  const startOfToday = deskTime(now).startOf('day');
  const open = await openVisitsBefore(services.db, startOfToday.toISOString());
  if (open.length === 0) return 0;
  // The close is dated at the last moment of the day the visit belonged to, not when the sweep ran.
  const closedAt = startOfToday.subtract(1, 'millisecond').toISOString();
  const events = await services.db.transaction().execute((trx) =>
    appendEvents(
      trx,
      { siteId: site.siteId, deviceId: site.deviceId, actor: 'system', now, hlcCeilingMs: services.hlcCeilingMs() },
      open.map((v) => draft('VisitAutoClosed', { visitId: v.id, at: closedAt })),
    ),
  );
  services.afterWrite(events);
  services.notify({ kind: 'visits-changed' });
  return open.length;
}
