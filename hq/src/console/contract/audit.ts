import { z } from 'zod';
import { read } from './define.js';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'audit.err.day')
  .optional();
const Text = (max: number) => z.string().trim().max(max, 'audit.err.tooLong').optional();
const Page = z.number().int().min(1).max(100_000);

/** A search of what HQ holds: every filter optional, days on the site's clock (from and to included). */
export const AuditEventsInput = z.strictObject({
  siteId: z.string().min(1).max(64).optional(),
  /** The desk: its code (as HQ enrolled it) or its device id. */
  device: Text(64),
  /** The staff number of who did it at the desk. */
  actor: Text(32),
  type: Text(64),
  from: Day,
  to: Day,
  page: Page,
});

export const AuditEventRow = z.strictObject({
  id: z.string(),
  siteId: z.string(),
  siteCode: z.string(),
  deviceId: z.string(),
  deviceCode: z.string().nullable(),
  deviceSeq: z.number(),
  type: z.string(),
  actor: z.string(),
  actorStaffNo: z.string().nullable(),
  actorName: z.string().nullable(),
  recordedAt: z.string(),
  receivedAt: z.string(),
  status: z.string(),
  rejectReason: z.string().nullable(),
  /** The event's payload as JSON text, ID numbers and phones masked as the desk shows them, hashes withheld. */
  payload: z.string(),
});

export const ConsoleAuditInput = z.strictObject({
  login: Text(64),
  action: Text(64),
  from: Day,
  to: Day,
  page: Page,
});

export const ConsoleAuditRow = z.strictObject({
  id: z.string(),
  at: z.string(),
  /** The HQ user's login, or the login typed at a refused sign-in. */
  login: z.string(),
  name: z.string().nullable(),
  action: z.string(),
  siteCode: z.string().nullable(),
  detail: z.string(),
});

const PagedOf = <T extends z.ZodType>(row: T) => z.strictObject({ total: z.number(), pageSize: z.number(), rows: z.array(row) });

/** Audit search (issue 21 item 7): what the desks recorded, and what HQ users did in the console. */
export const auditProcs = {
  'audit.events': read(AuditEventsInput, PagedOf(AuditEventRow), ['admin', 'auditor']),
  'audit.console': read(ConsoleAuditInput, PagedOf(ConsoleAuditRow), ['admin', 'auditor']),
};
