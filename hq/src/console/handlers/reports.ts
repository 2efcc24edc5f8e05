import type { z } from 'zod';
import type { ConsoleCtx, ConsoleHandlers } from './context.js';
import type { reportsProcs, ReportInput } from '../contract/reports.js';
import { ConsoleError } from '../contract/errors.js';
import { allSiteIds, reportSites, type ReportSite } from '../store/reportSites.js';
import { feesReport } from '../store/reportFees.js';
import { mailReport, ticketsReport, visitorsReport } from '../store/reportActivity.js';

/** The sites of a report: the one asked for (when the user may see it), else every site of the user's scope. */
async function sitesOf(input: z.output<typeof ReportInput>, ctx: ConsoleCtx): Promise<ReportSite[]> {
  if (input.siteId) {
    ctx.scope.assertSite(input.siteId);
    const sites = await reportSites(ctx.db, [input.siteId], input.month);
    if (sites.length === 0) throw new ConsoleError('not_found', 'reports.err.noSite');
    return sites;
  }
  return reportSites(ctx.db, ctx.scope.siteIds ?? (await allSiteIds(ctx.db)), input.month);
}

const shown = (sites: ReportSite[]) => sites.map(({ siteId, code, name, zone }) => ({ siteId, code, name, zone }));

export const reportsHandlers: ConsoleHandlers<typeof reportsProcs> = {
  async 'reports.fees'(input, ctx) {
    const sites = await sitesOf(input, ctx);
    const r = await feesReport(ctx.db, sites, input.month);
    return { month: input.month, sites: shown(sites), perSite: r.sites, total: r.total };
  },
  async 'reports.tickets'(input, ctx) {
    const sites = await sitesOf(input, ctx);
    const r = await ticketsReport(ctx.db, sites, ctx.now);
    return { month: input.month, sites: shown(sites), perSite: r.sites, total: r.total };
  },
  async 'reports.visitors'(input, ctx) {
    const sites = await sitesOf(input, ctx);
    const r = await visitorsReport(ctx.db, sites);
    return { month: input.month, sites: shown(sites), perSite: r.sites, total: r.total };
  },
  async 'reports.mail'(input, ctx) {
    const sites = await sitesOf(input, ctx);
    const r = await mailReport(ctx.db, sites);
    return { month: input.month, sites: shown(sites), perSite: r.sites, total: r.total };
  },
};
