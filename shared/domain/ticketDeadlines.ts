import type { TicketAction } from './ticketStates.js';
import { deskDate, deskTime } from './deskTime.js';
import type { Severity, TicketKind, Urgency } from './tickets.js';

/**
 * Deadline rules (seeds 000, 003, 004; domain §3) as a table the manager can change in settings.
 * Pure: computed once at intake (and the callback's at resolution) and carried in the event, so
 * every desk and HQ see the same due times whatever their own settings say later.
 */
export const DEADLINE_TYPES = ['respond', 'escalate', 'reply', 'onsite', 'resolve', 'callback'] as const;
export type DeadlineType = (typeof DEADLINE_TYPES)[number];

/** Callback classes (seed 000): safety facilities, water leaks (counted from the leak test), the rest. */
export const CALLBACK_CLASSES = ['safety', 'leak', 'other'] as const;
export type CallbackClass = (typeof CALLBACK_CLASSES)[number];

export const SPAN_UNITS = ['minutes', 'hours', 'days', 'same_day'] as const;
/** `days`: by the end of the n-th local (Beijing) day after the start; `same_day`: by the end of the start's day. */
export interface Span {
  unit: (typeof SPAN_UNITS)[number];
  n: number;
}

export interface DeadlineRule {
  kind: TicketKind;
  /** Complaint severity, repair urgency or callback class; '' = every ticket of the kind. */
  when: string;
  type: DeadlineType;
  span: Span;
}

export const DEFAULT_TICKET_RULES: DeadlineRule[] = [
  { kind: 'complaint', when: '', type: 'respond', span: { unit: 'hours', n: 24 } },
  { kind: 'complaint', when: 'major', type: 'escalate', span: { unit: 'same_day', n: 0 } },
  { kind: 'complaint', when: 'major', type: 'reply', span: { unit: 'days', n: 2 } },
  { kind: 'complaint', when: 'major', type: 'resolve', span: { unit: 'days', n: 10 } },
  { kind: 'complaint', when: 'important', type: 'escalate', span: { unit: 'hours', n: 1 } },
  { kind: 'complaint', when: 'important', type: 'resolve', span: { unit: 'days', n: 3 } },
  { kind: 'complaint', when: 'minor', type: 'resolve', span: { unit: 'days', n: 2 } },
  // The outcome is reported to the complainant the same day it is known (000).
  { kind: 'complaint', when: '', type: 'callback', span: { unit: 'same_day', n: 0 } },
  { kind: 'repair', when: 'extra_urgent', type: 'onsite', span: { unit: 'minutes', n: 5 } },
  { kind: 'repair', when: 'urgent', type: 'onsite', span: { unit: 'minutes', n: 10 } },
  { kind: 'repair', when: 'safety', type: 'callback', span: { unit: 'days', n: 2 } },
  { kind: 'repair', when: 'leak', type: 'callback', span: { unit: 'days', n: 3 } },
  { kind: 'repair', when: 'other', type: 'callback', span: { unit: 'days', n: 2 } },
];

const HOUR = 3_600_000;

/** The last millisecond of the site's day `plusDays` after the day of `ms` (the desk day, see deskTime). */
export function endOfLocalDay(ms: number, plusDays = 0): number {
  return (
    deskDate(
      deskTime(ms)
        .add(plusDays + 1, 'day')
        .format('YYYY-MM-DD'),
    ).valueOf() - 1
  );
}

/** Start of a site calendar date `YYYY-MM-DD`. */
export const localDateStart = (date: string) => deskDate(date).valueOf();

export function addSpan(startMs: number, span: Span): number {
  switch (span.unit) {
    case 'minutes':
      return startMs + span.n * 60_000;
    case 'hours':
      return startMs + span.n * HOUR;
    case 'days':
      return endOfLocalDay(startMs, span.n);
    case 'same_day':
      return endOfLocalDay(startMs, 0);
  }
}

export interface IntakeFacts {
  kind: TicketKind;
  severity: Severity | null;
  urgency: Urgency | null;
  openedAt: string;
  /** A minor complaint's resident-given deadline (000: "within 2 days or the resident's deadline"). */
  customerDeadline: string | null;
  /** An inquiry's promised reply time: a promise is always kept (000). */
  promisedReplyAt: string | null;
}

export interface Deadline {
  type: DeadlineType;
  dueAt: string;
}

const match = (r: DeadlineRule, kind: TicketKind, when: string) => r.kind === kind && (r.when === '' || r.when === when);

/** The deadlines that start at intake (everything but the callback, which starts at resolution). */
export function intakeDeadlines(f: IntakeFacts, rules: readonly DeadlineRule[]): Deadline[] {
  const start = Date.parse(f.openedAt);
  const when = f.kind === 'complaint' ? (f.severity ?? '') : f.kind === 'repair' ? (f.urgency ?? '') : '';
  const out = new Map<DeadlineType, number>();
  for (const r of rules) {
    if (r.type === 'callback' || !match(r, f.kind, when)) continue;
    out.set(r.type, Math.min(out.get(r.type) ?? Infinity, addSpan(start, r.span)));
  }
  if (f.kind === 'complaint' && f.severity === 'minor' && f.customerDeadline) out.set('resolve', Date.parse(f.customerDeadline));
  if (f.kind === 'inquiry' && f.promisedReplyAt) out.set('reply', Date.parse(f.promisedReplyAt));
  return DEADLINE_TYPES.filter((t) => out.has(t)).map((type) => ({ type, dueAt: new Date(out.get(type)!).toISOString() }));
}

/**
 * When the callback is due after a resolution: water leaks count from the leak test's date, the
 * rest from the resolution. null when no rule asks for a callback.
 */
export function callbackDue(
  f: { kind: TicketKind; callbackClass: CallbackClass; resolvedAt: string; leakTestDate: string | null },
  rules: readonly DeadlineRule[],
): string | null {
  const when = f.kind === 'repair' ? f.callbackClass : '';
  const rule = rules.find((r) => r.type === 'callback' && match(r, f.kind, when));
  if (!rule) return null;
  const start =
    f.kind === 'repair' && f.callbackClass === 'leak' && f.leakTestDate
      ? localDateStart(f.leakTestDate)
      : Date.parse(f.resolvedAt);
  return new Date(addSpan(start, rule.span)).toISOString();
}

/** What a timeline step does to deadlines: the first step of any sort is the response. */
export type StepSort = TicketAction | 'note' | 'callback_unreachable';
const MEETS: Record<Exclude<DeadlineType, 'respond'>, readonly StepSort[]> = {
  escalate: ['escalate'],
  reply: ['reply', 'resolve'],
  onsite: ['start', 'resolve'],
  resolve: ['resolve'],
  callback: ['callback_satisfied', 'callback_not_satisfied'],
};
export const meets = (type: DeadlineType, step: StepSort) => type === 'respond' || MEETS[type].includes(step);

export interface DeadlineStatus extends Deadline {
  metAt: string | null;
}
