import { z } from 'zod';
import { isoDate, isoDateTime, optionalName, optionalPhone, optionalText, printable, requiredText, uuid } from './fields.js';
import { CALLBACK_OUTCOMES, SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, URGENCIES } from '../domain/tickets.js';
import { TICKET_ACTIONS, TICKET_STATES } from '../domain/ticketStates.js';
import { CALLBACK_CLASSES, DEADLINE_TYPES, SPAN_UNITS } from '../domain/ticketDeadlines.js';

/**
 * Intake tickets: what the desk sends and reads back. The kind-specific rules live here (not only
 * in the handler) so the form shows the same message at the same field before anything is sent.
 */
const opt = <T extends z.ZodType>(t: T) => t.optional().nullable();
const MAX_CHARGE_FEN = 10_000_000;
/** A real calendar date (2026-13-01 and 2026-02-30 are not). */
const calendarDate = isoDate.refine(
  (d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  },
  { message: 'err.date' },
);

export const CreateTicketInput = z
  .object({
    /** Client-made id of this submission: a retried submit returns the first ticket. */
    requestId: uuid,
    kind: z.enum(TICKET_KINDS, { message: 'err.ticket.kind' }),
    channel: z.enum(TICKET_CHANNELS, { message: 'err.ticket.channel' }),
    /** The directory entry picked by unit, name, phone or initials; typed fields fill what it lacks. */
    occupantId: opt(z.string()),
    customer: z
      .object({
        name: optionalName,
        unitCode: optionalText(30),
        company: printable(optionalText(60)),
        phone: optionalPhone,
      })
      .optional()
      .default({ name: '', unitCode: '', company: '', phone: '' }),
    anonymous: z.boolean().optional().default(false),
    occurredAt: opt(isoDateTime),
    location: optionalText(100),
    concerned: optionalText(100),
    description: requiredText(500),
    wants: optionalText(300),
    place: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
    category: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
    problem: z.string({ message: 'err.required' }).min(1, { message: 'err.required' }),
    severity: opt(z.enum(SEVERITIES, { message: 'err.invalid' })),
    urgency: opt(z.enum(URGENCIES, { message: 'err.invalid' })),
    paid: z.boolean().optional().default(false),
    chargeFen: z
      .number({ message: 'err.number' })
      .int({ message: 'err.integer' })
      .min(0, { message: 'err.range' })
      .max(MAX_CHARGE_FEN, { message: 'err.range' })
      .optional()
      .default(0),
    /** A paid repair's charge is explained and agreed before the work (seed 003). */
    chargeAgreed: z.boolean().optional().default(false),
    convenientTime: optionalText(60),
    leakTestDate: opt(calendarDate),
    promisedReplyAt: opt(isoDateTime),
    customerDeadline: opt(isoDateTime),
    targetOccupantId: opt(z.string()),
    /** The desk saw the duplicate warning and goes on. */
    confirmDuplicate: z.boolean().optional().default(false),
  })
  .superRefine((v, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.kind === 'complaint' && !v.severity) bad('severity', 'err.ticket.severityRequired');
    if (v.kind !== 'complaint' && v.severity)
      bad('severity', v.kind === 'repair' ? 'err.ticket.severityOnRepair' : 'err.ticket.notForKind');
    if (v.kind !== 'complaint' && v.anonymous) bad('anonymous', 'err.ticket.notForKind');
    if (v.kind === 'repair' && !v.urgency) bad('urgency', 'err.ticket.urgencyRequired');
    if (v.kind !== 'repair') {
      if (v.urgency) bad('urgency', 'err.ticket.notForKind');
      if (v.paid) bad('paid', 'err.ticket.notForKind');
      if (v.leakTestDate) bad('leakTestDate', 'err.ticket.notForKind');
    }
    if (!v.paid && v.chargeFen > 0) bad('chargeFen', 'err.ticket.chargeOnFree');
    if (v.paid && v.chargeFen === 0) bad('chargeFen', 'err.ticket.chargeRequired');
    if (v.paid && !v.chargeAgreed) bad('chargeAgreed', 'err.ticket.chargeNotAgreed');
    if (v.kind === 'message' && !v.targetOccupantId) bad('targetOccupantId', 'err.ticket.targetRequired');
    if (v.kind !== 'inquiry' && v.promisedReplyAt) bad('promisedReplyAt', 'err.ticket.notForKind');
    if (v.customerDeadline && !(v.kind === 'complaint' && v.severity === 'minor'))
      bad('customerDeadline', 'err.ticket.notForKind');
    // Someone to answer: a directory entry or a typed name, unless anonymous or found on patrol.
    if (!v.anonymous && v.channel !== 'patrol' && !v.occupantId && !v.customer.name)
      bad('customer.name', 'err.ticket.customerRequired');
    // A phone complaint records the caller's unit and name (seed 004).
    if (v.kind === 'complaint' && v.channel === 'phone' && !v.anonymous && !v.occupantId && !v.customer.unitCode)
      bad('customer.unitCode', 'err.required');
  });
export type CreateTicketInput = z.input<typeof CreateTicketInput>;

const ticketId = z.string({ message: 'err.required' }).min(1, { message: 'err.required' });

export const DispatchInput = z.object({
  ticketId,
  department: requiredText(40),
  assignee: optionalText(40),
  /** The department needs to call the customer: the work order then prints the full number. */
  showPhone: z.boolean().optional().default(false),
  note: optionalText(300),
});
export const StepInput = z.object({
  ticketId,
  action: z.enum(['start', 'resolve', 'close', 'resume', 'escalate', 'reply'], { message: 'err.invalid' }),
  note: optionalText(300),
  leakTestDate: opt(calendarDate),
});
export const CallbackInput = z
  .object({ ticketId, outcome: z.enum(CALLBACK_OUTCOMES, { message: 'err.ticket.outcome' }), note: optionalText(300) })
  .superRefine((v, ctx) => {
    if (v.outcome === 'not_satisfied' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'err.ticket.reasonRequired' });
  });
export const DeferInput = z.object({ ticketId, until: calendarDate, reason: requiredText(200) });
export const ReasonInput = z.object({ ticketId, reason: requiredText(200) });
export const NoteInput = z.object({ ticketId, text: requiredText(500), correctsId: opt(z.string()) });
export const TicketRef = z.object({ ticketId });
export const MonthInput = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'err.ticket.month' }) });
export const TicketSearchInput = z.object({
  q: z.string().trim().max(40).optional().default(''),
  limit: z.number().int().min(1).max(200).optional().default(50),
});

export const DeadlineView = z.object({
  type: z.enum(DEADLINE_TYPES),
  dueAt: z.string(),
  metAt: z.string().nullable(),
  overdue: z.boolean(),
});

export const TicketView = z.object({
  id: z.string(),
  ticketNo: z.string(),
  kind: z.enum(TICKET_KINDS),
  channel: z.enum(TICKET_CHANNELS),
  /** Blank for an anonymous complaint unless the caller is a manager. */
  customer: z.object({ name: z.string(), unitCode: z.string(), company: z.string(), phoneMasked: z.string() }),
  anonymous: z.boolean(),
  identityHidden: z.boolean(),
  receiverName: z.string(),
  occurredAt: z.string().nullable(),
  location: z.string(),
  concerned: z.string(),
  description: z.string(),
  wants: z.string(),
  place: z.string(),
  category: z.string(),
  problem: z.string(),
  label: z.string(),
  callbackClass: z.enum(CALLBACK_CLASSES),
  severity: z.enum(SEVERITIES).nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  paid: z.boolean(),
  chargeFen: z.number(),
  convenientTime: z.string(),
  leakTestDate: z.string().nullable(),
  promisedReplyAt: z.string().nullable(),
  customerDeadline: z.string().nullable(),
  target: z.object({ name: z.string(), unitCode: z.string() }).nullable(),
  openedAt: z.string(),
  state: z.enum(TICKET_STATES),
  reopenCount: z.number(),
  department: z.string().nullable(),
  assignee: z.string().nullable(),
  deferredUntil: z.string().nullable(),
  deferReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  flaggedCount: z.number(),
  duplicateOf: z.string().nullable(),
});
export type TicketView = z.infer<typeof TicketView>;

export const TicketStepView = z.object({
  id: z.string(),
  at: z.string(),
  sort: z.string(),
  actorName: z.string(),
  text: z.string(),
  detail: z.record(z.string(), z.unknown()),
  flagged: z.boolean(),
});

export const TicketDetail = z.object({
  ticket: TicketView,
  steps: z.array(TicketStepView),
  deadlines: z.array(DeadlineView),
  actions: z.array(z.enum(TICKET_ACTIONS)),
});
export type TicketDetail = z.infer<typeof TicketDetail>;

export const CreateTicketResult = z.object({ ticket: TicketView });
export const DispatchResult = z.object({ ticket: TicketView, printJobId: z.string() });

export const StuckTicket = z.object({
  ticket: TicketView,
  reason: z.enum(['deferred', 'deferral_over', 'no_progress', 'flagged']),
});
export const TicketBoard = z.object({
  open: z.array(TicketView),
  callbacksToday: z.array(TicketView),
  stuck: z.array(StuckTicket),
  openCount: z.number(),
});
export type TicketBoard = z.infer<typeof TicketBoard>;

const Count = z.object({ key: z.string(), count: z.number() });
export const TicketStats = z.object({
  month: z.string(),
  total: z.number(),
  byKind: z.array(Count),
  byCategory: z.array(Count),
  byChannel: z.array(Count),
  onTime: z.array(z.object({ type: z.enum(DEADLINE_TYPES), due: z.number(), onTime: z.number(), rate: z.number().nullable() })),
  callback: z.object({ resolved: z.number(), calledBack: z.number(), rate: z.number().nullable() }),
  satisfaction: z.object({ satisfied: z.number(), notSatisfied: z.number(), rate: z.number().nullable() }),
  recurring: z.array(z.object({ unitCode: z.string(), category: z.string(), label: z.string(), count: z.number() })),
  paidChargeFen: z.number(),
});
export type TicketStats = z.infer<typeof TicketStats>;

export const DeadlineRuleSchema = z.object({
  kind: z.enum(TICKET_KINDS),
  when: z.string(),
  type: z.enum(DEADLINE_TYPES),
  span: z.object({
    unit: z.enum(SPAN_UNITS),
    n: z.number().int().min(0, { message: 'err.range' }).max(1000, { message: 'err.range' }),
  }),
});
const NoticeS = z.object({ documents: z.string(), steps: z.string(), timeLimit: z.string(), contact: z.string() });
const nodeName = z.string().trim().min(1, { message: 'err.required' }).max(40, { message: 'err.tooLong' });
const nodeCode = z
  .string()
  .trim()
  .min(1, { message: 'err.required' })
  .max(40, { message: 'err.tooLong' })
  .regex(/^[a-z0-9_]+$/, { message: 'err.invalid' });
const Node = z.object({ code: nodeCode, zh: nodeName, en: nodeName });
export const ClassifierProblem = Node.extend({
  callback: z.enum(CALLBACK_CLASSES, { message: 'err.invalid' }),
  /** Another category (by code) whose one-time notification is read out for this problem. */
  notice: z.string().max(40).optional(),
});
export const ClassifierCategory = Node.extend({
  notice: NoticeS,
  problems: z.array(ClassifierProblem).min(1, { message: 'err.classifier.empty' }).max(50),
});
export const ClassifierPlace = Node.extend({
  categories: z.array(ClassifierCategory).min(1, { message: 'err.classifier.empty' }).max(50),
});

/** Siblings need distinct codes and distinct names (in both languages): the desk picks by name. */
function uniqueSiblings(
  nodes: readonly { code: string; zh: string; en: string }[],
  at: (string | number)[],
  ctx: z.RefinementCtx,
) {
  for (const key of ['code', 'zh', 'en'] as const) {
    const seen = new Set<string>();
    nodes.forEach((n, i) => {
      const v = n[key].trim().toLowerCase();
      if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [...at, i, key], message: 'err.classifier.duplicate' });
      seen.add(v);
    });
  }
}

/** The classifier tree place → category → problem (设置 → 工单分类). */
export const ClassifierTree = z
  .array(ClassifierPlace)
  .min(1, { message: 'err.classifier.empty' })
  .max(30)
  .superRefine((places, ctx) => {
    uniqueSiblings(places, [], ctx);
    const categories = new Set(places.flatMap((p) => p.categories.map((c) => c.code)));
    places.forEach((p, i) => {
      uniqueSiblings(p.categories, [i, 'categories'], ctx);
      p.categories.forEach((c, j) => {
        uniqueSiblings(c.problems, [i, 'categories', j, 'problems'], ctx);
        c.problems.forEach((pr, k) => {
          if (pr.notice && !categories.has(pr.notice))
            ctx.addIssue({ code: 'custom', path: [i, 'categories', j, 'problems', k, 'notice'], message: 'err.invalid' });
        });
      });
    });
  });
export type ClassifierTree = z.infer<typeof ClassifierTree>;

export const ClassifierView = z.object({
  places: ClassifierTree,
  rules: z.array(DeadlineRuleSchema),
});
