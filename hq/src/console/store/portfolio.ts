import type { Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { deskDay } from '../../../../shared/domain/deskTime.js';
import { reportSites } from './reportSites.js';
import { feesReport, type FeeFigures } from './reportFees.js';
import { siteDesks, waitingAtHq, type SiteDesks } from './portfolioDesks.js';
import { siteActivity, type SiteActivity } from './portfolioActivity.js';
import { firstRow } from '../../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

export interface PortfolioRow extends SiteActivity {
  siteId: string;
  code: string;
  name: string;
  zone: string;
  /** The site's calendar day and month now (its own clock): what "today" and "this month" mean on the row. */
  today: string;
  month: string;
  desks: SiteDesks;
  waitingAtHq: { count: number; oldestAt: string | null };
  /** This month's collection rates and arrears by age, from the monthly report (the desks' rules). */
  collection: FeeFigures['collection'];
  arrears: FeeFigures['arrears'];
}

/**
 * One row per site: its desks, what waits, this month's fees by the monthly report's own computation
 * (feesReport), its tickets, today's major complaints, conflicts and rejections. Each site on its own
 * clock: a site whose day or month differs from another's (another zone) gets its own.
 */
export async function portfolio(db: Db, siteIds: readonly string[], now: Date): Promise<PortfolioRow[]> {
  const placeholder = deskDay(now).slice(0, 7);
  const zoned = await reportSites(db, siteIds, placeholder);
  const rows: PortfolioRow[] = [];
  for (const s of zoned) {
    const today = deskDay(now, s.zone);
    const month = today.slice(0, 7);
    const [site] = month === placeholder ? [s] : await reportSites(db, [s.siteId], month);
    if (!site) continue; // removed since the first read: no row for it
    const [fees, desks, waiting, activity] = await Promise.all([
      feesReport(db, [site], month),
      siteDesks(db, s.siteId, now),
      waitingAtHq(db, s.siteId),
      siteActivity(db, s.siteId, s.zone, today, now),
    ]);
    const f = firstRow(fees.sites, `fees report of site ${s.code}`);
    rows.push({
      siteId: s.siteId,
      code: s.code,
      name: s.name,
      zone: s.zone,
      today,
      month,
      desks,
      waitingAtHq: waiting,
      collection: f.collection,
      arrears: f.arrears,
      ...activity,
    });
  }
  return rows;
}
