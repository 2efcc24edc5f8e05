import { z } from 'zod';
import { read, write } from './define.js';
import { SEVERITIES, TICKET_CHANNELS, TICKET_KINDS, URGENCIES } from '../../../../shared/domain/tickets.js';
import { TICKET_ACTIONS, TICKET_STATES } from '../../../../shared/domain/ticketStates.js';
import { DEADLINE_TYPES, type StepSort } from '../../../../shared/domain/ticketDeadlines.js';

/**
 * Tickets from HQ (issue 21 item 6): a service manager (or the HQ admin) opens a ticket for a site, channel
 * 'hq'; it reaches the site's desks by their ordinary pull and comes back as their steps. Everyone who may
 * see tickets reads them; only those who act on service write.
 */
const READERS = ['admin', 'service', 'auditor'] as const;
const WRITERS = ['admin', 'service'] as const;

/** What HQ sends: not a message to a resident (it needs one from the site's directory, which the desk keeps). */
export const HQ_TICKET_KINDS = [
  'repair',
  'complaint',
  'inquiry',
  'suggestion',
] as const satisfies readonly (typeof TICKET_KINDS)[number][];

const required = (max: number) =>
  z
    .string({ message: 'hqtickets.err.required' })
    .trim()
    .min(1, { message: 'hqtickets.err.required' })
    .max(max, { message: 'hqtickets.err.tooLong' });
const code = z.string({ message: 'hqtickets.err.required' }).min(1, { message: 'hqtickets.err.required' }).max(40);
const siteId = z.string({ message: 'hqtickets.err.required' }).min(1, { message: 'hqtickets.err.required' });

export const SiteRef = z.strictObject({ siteId });

export const CreateHqTicketInput = z
  .strictObject({
    siteId,
    /** Made by the form once per submission: a retried submit returns the first ticket, never a second one. */
    requestId: z.uuid({ message: 'hqtickets.err.required' }),
    kind: z.enum(HQ_TICKET_KINDS, { message: 'hqtickets.err.kind' }),
    place: code,
    category: code,
    problem: code,
    description: required(500),
    /** The unit it is about, as the site writes it; optional (a common area has none). */
    unitCode: z
      .string()
      .trim()
      .max(30, { message: 'hqtickets.err.tooLong' })
      // Printed on the work order: no control characters.
      .regex(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'hqtickets.err.invalid' })
      .optional()
      .default(''),
    severity: z.enum(SEVERITIES, { message: 'hqtickets.err.invalid' }).nullable().optional(),
    urgency: z.enum(URGENCIES, { message: 'hqtickets.err.invalid' }).nullable().optional(),
  })
  .superRefine((v, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    // The desk's own rules for the kind (shared/api/ticketSchemas.ts): the deadlines hang on these.
    if (v.kind === 'complaint' && !v.severity) bad('severity', 'hqtickets.err.severityRequired');
    if (v.kind !== 'complaint' && v.severity) bad('severity', 'hqtickets.err.notForKind');
    if (v.kind === 'repair' && !v.urgency) bad('urgency', 'hqtickets.err.urgencyRequired');
    if (v.kind !== 'repair' && v.urgency) bad('urgency', 'hqtickets.err.notForKind');
  });

const Names = { code: z.string(), zh: z.string(), en: z.string() };
/** The site's classifier as its desks hold it (their latest setting, else the default of the site's kind). */
export const HqClassifier = z.strictObject({
  places: z.array(
    z.strictObject({
      ...Names,
      categories: z.array(z.strictObject({ ...Names, problems: z.array(z.strictObject(Names)) })),
    }),
  ),
});

export const HqTicketRow = z.strictObject({
  id: z.string(),
  ticketNo: z.string(),
  kind: z.enum(TICKET_KINDS),
  channel: z.enum(TICKET_CHANNELS),
  /** Opened at HQ (by HQ's own identity), not at a desk. */
  fromHq: z.boolean(),
  label: z.string(),
  unitCode: z.string(),
  severity: z.enum(SEVERITIES).nullable(),
  urgency: z.enum(URGENCIES).nullable(),
  state: z.enum(TICKET_STATES),
  openedAt: z.string(),
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export type HqTicketRow = z.output<typeof HqTicketRow>;

export const HqTicketListInput = z.strictObject({
  siteId,
  /** open: the site's open tickets (every channel); fromHq: HQ's own tickets for the site, any state. */
  show: z.enum(['open', 'fromHq']).optional().default('open'),
});

/** A timeline's entries: the opening, then every step sort the desks fold (shared/domain/ticketDeadlines.ts StepSort). */
const STEP_SORTS = ['opened', ...TICKET_ACTIONS, 'callback_unreachable', 'note'] as const satisfies readonly (
  StepSort | 'opened'
)[];

export const HqTicketStep = z.strictObject({
  id: z.string(),
  at: z.string(),
  sort: z.enum(STEP_SORTS),
  /** 'HQ' for HQ's own, else the desk's code. */
  desk: z.string(),
  /** The desk person (or the HQ user) who wrote it. */
  by: z.string(),
  /** The note, reason, department or outcome the step carries, as written. */
  text: z.string(),
  /** Illegal where the timeline put it (two desks at once): kept, without effect. */
  flagged: z.boolean(),
});

/** The site's clock (IANA zone): the console shows a ticket's times as its desks do. */
const zone = z.string();

export const HqTicketList = z.strictObject({ zone, tickets: z.array(HqTicketRow) });

export const HqTicketDetail = z.strictObject({
  zone,
  ticket: HqTicketRow.extend({ description: z.string(), openedBy: z.string() }),
  steps: z.array(HqTicketStep),
  deadlines: z.array(
    z.strictObject({ type: z.enum(DEADLINE_TYPES), dueAt: z.string(), metAt: z.string().nullable(), overdue: z.boolean() }),
  ),
});
export type HqTicketDetail = z.output<typeof HqTicketDetail>;

export const hqticketsProcs = {
  'hqtickets.classifier': read(SiteRef, HqClassifier, WRITERS),
  'hqtickets.list': read(HqTicketListInput, HqTicketList, READERS),
  'hqtickets.get': read(z.strictObject({ siteId, ticketId: code }), HqTicketDetail, READERS),
  'hqtickets.create': write(CreateHqTicketInput, HqTicketRow, WRITERS),
};
