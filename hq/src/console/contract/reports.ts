import { z } from 'zod';
import { read } from './define.js';
import { ArrearsList } from '../../../../shared/api/feeSchemas.js';
import { FEE_ITEM_CODES, PAY_METHODS, PERIOD } from '../../../../shared/domain/fees.js';
import { DEADLINE_TYPES } from '../../../../shared/domain/ticketDeadlines.js';

/** A month of one site (in scope) or of every site the user may see. */
export const ReportInput = z.strictObject({
  month: z.string({ message: 'reports.err.month' }).regex(PERIOD, { message: 'reports.err.month' }),
  siteId: z.string().min(1).nullable().optional(),
});

/** The sites a report covers, each with its time zone (the site's own clock for days and times). */
const ReportSite = z.strictObject({ siteId: z.string(), code: z.string(), name: z.string(), zone: z.string() });
const Sites = z.array(ReportSite);

const Money = z.number();
const FeeFigures = z.strictObject({
  receipts: z.number(),
  voided: z.number(),
  collectedFen: Money,
  byMethod: z.record(z.enum(PAY_METHODS), Money),
  byItem: z.array(z.strictObject({ item: z.enum(FEE_ITEM_CODES), amountFen: Money })),
  collection: ArrearsList.shape.collection,
  arrears: z.strictObject({ one: z.number(), two: z.number(), threePlus: z.number(), units: z.number(), amountFen: Money }),
});
const FeeVoid = z.strictObject({
  receiptNo: z.string(),
  amountFen: Money,
  issuedAt: z.string(),
  voidedAt: z.string(),
  reason: z.string(),
  voidedBy: z.string(),
  approvedBy: z.string(),
});
export const FeesReport = z.strictObject({
  month: z.string(),
  sites: Sites,
  perSite: z.array(FeeFigures.extend({ siteId: z.string(), voids: z.array(FeeVoid) })),
  total: FeeFigures,
});

const Count = z.strictObject({ key: z.string(), count: z.number() });
/** A category with its names from the classifier (zh, en), so no code is ever shown. */
const CategoryCount = Count.extend({ zh: z.string(), en: z.string() });
const TicketFigures = z.strictObject({
  total: z.number(),
  byKind: z.array(Count),
  byCategory: z.array(CategoryCount),
  byChannel: z.array(Count),
  onTime: z.array(
    z.strictObject({ type: z.enum(DEADLINE_TYPES), due: z.number(), onTime: z.number(), rate: z.number().nullable() }),
  ),
  callback: z.strictObject({ resolved: z.number(), calledBack: z.number(), rate: z.number().nullable() }),
  satisfaction: z.strictObject({ satisfied: z.number(), notSatisfied: z.number(), rate: z.number().nullable() }),
  recurring: z.array(z.strictObject({ unitCode: z.string(), category: z.string(), label: z.string(), count: z.number() })),
});
export const TicketsReport = z.strictObject({
  month: z.string(),
  sites: Sites,
  perSite: z.array(TicketFigures.extend({ siteId: z.string() })),
  total: TicketFigures,
});

export const VisitorsReport = z.strictObject({
  month: z.string(),
  sites: Sites,
  perSite: z.array(
    z.strictObject({
      siteId: z.string(),
      total: z.number(),
      days: z.array(z.strictObject({ day: z.string(), count: z.number() })),
    }),
  ),
  total: z.number(),
});

const MailFigures = z.strictObject({ received: z.number(), pickedUp: z.number(), returned: z.number(), damaged: z.number() });
export const MailReport = z.strictObject({
  month: z.string(),
  sites: Sites,
  perSite: z.array(MailFigures.extend({ siteId: z.string() })),
  total: MailFigures,
});

/**
 * Monthly reports (issue 21 item 4): fees for finance, tickets for the service manager, visitors and mail
 * for everyone; the HQ admin and the auditor read all four. Every figure is limited to the user's sites.
 */
export const reportsProcs = {
  'reports.fees': read(ReportInput, FeesReport, ['admin', 'finance', 'auditor']),
  'reports.tickets': read(ReportInput, TicketsReport, ['admin', 'service', 'auditor']),
  'reports.visitors': read(ReportInput, VisitorsReport),
  'reports.mail': read(ReportInput, MailReport),
};
