import type { ConsoleHandlers } from './context.js';
import type { hqticketsProcs } from '../contract/hqtickets.js';
import { ConsoleError } from '../contract/errors.js';
import { siteTicketRules } from '../store/siteTicketRules.js';
import { openHqTicket } from '../store/hqTicketOpen.js';
import { listSiteTickets, siteTicketDetail, siteTicketRow } from '../store/hqTicketRead.js';

const notFound = () => new ConsoleError('not_found', 'hqtickets.err.notFound');

/** Tickets from HQ: every procedure names its site, checked against the user's scope before anything is read. */
export const hqticketsHandlers: ConsoleHandlers<typeof hqticketsProcs> = {
  async 'hqtickets.classifier'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    const s = await siteTicketRules(ctx.db, input.siteId);
    if (!s) throw notFound();
    // Names and codes only: the form picks by name, HQ checks the codes again when the ticket is opened.
    return {
      places: s.classifier.map((pl) => ({
        code: pl.code,
        zh: pl.zh,
        en: pl.en,
        categories: pl.categories.map((c) => ({
          code: c.code,
          zh: c.zh,
          en: c.en,
          problems: c.problems.map((pr) => ({ code: pr.code, zh: pr.zh, en: pr.en })),
        })),
      })),
    };
  },
  async 'hqtickets.list'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    const s = await siteTicketRules(ctx.db, input.siteId);
    if (!s) throw notFound();
    return { zone: s.zone, tickets: await listSiteTickets(ctx.db, input.siteId, input.show, ctx.now) };
  },
  async 'hqtickets.get'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    const s = await siteTicketRules(ctx.db, input.siteId);
    const d = s && (await siteTicketDetail(ctx.db, input.siteId, input.ticketId, ctx.now, s.zone));
    if (!d) throw notFound();
    return d;
  },
  async 'hqtickets.create'(input, ctx) {
    ctx.scope.assertSite(input.siteId);
    const ticketId = await openHqTicket(ctx.db, ctx.user, input, ctx.now);
    const row = await siteTicketRow(ctx.db, input.siteId, ticketId, ctx.now);
    if (!row) throw notFound();
    return row;
  },
};
