import type { z } from 'zod';
import type { FeesReport, MailReport, TicketsReport, VisitorsReport } from '../../../../src/console/contract/reports';

export type FeesData = z.output<typeof FeesReport>;
export type TicketsData = z.output<typeof TicketsReport>;
export type VisitorsData = z.output<typeof VisitorsReport>;
export type MailData = z.output<typeof MailReport>;
export type ReportData = FeesData | TicketsData | VisitorsData | MailData;

export const REPORT_KINDS = ['fees', 'tickets', 'visitors', 'mail'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
