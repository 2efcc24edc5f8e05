import { z } from 'zod';
import { read } from './define.js';
import { FeesReport } from './reports.js';

const Fees = FeesReport.shape.total.shape;

/** One site of the portfolio: every figure on the site's own clock (today, this month). */
export const PortfolioRow = z.strictObject({
  siteId: z.string(),
  code: z.string(),
  name: z.string(),
  zone: z.string(),
  today: z.string(),
  month: z.string(),
  desks: z.strictObject({
    active: z.number(),
    online: z.number(),
    silent: z.number(),
    lastSeenAt: z.string().nullable(),
    versions: z.array(z.string()),
    clockOffsetMs: z.number().nullable(),
    clockFlagged: z.boolean(),
    deskQueue: z.number(),
    deskOldestAt: z.string().nullable(),
  }),
  waitingAtHq: z.strictObject({ count: z.number(), oldestAt: z.string().nullable() }),
  collection: Fees.collection,
  arrears: Fees.arrears,
  openTickets: z.number(),
  overdueTickets: z.number(),
  majorEscalatedToday: z.number(),
  majorOpenedToday: z.number(),
  conflicts: z.number(),
  rejections: z.number(),
  held: z.number(),
});
export type PortfolioRow = z.output<typeof PortfolioRow>;

/**
 * The portfolio (issue 21 item 2): one row per site of the user's scope, for every role (finance and the
 * service manager look at it too); the home page of the console.
 */
export const portfolioProcs = {
  'portfolio.list': read(z.strictObject({}), z.array(PortfolioRow)),
};
