import type { DomainEvent } from '../events/catalog.js';
import type { Conflict, ConflictKind, ConflictSide } from '../api/conflictSchemas.js';
import { projectTicket, type Step } from '../domain/ticketTimeline.js';
import { stepSortOf, stepCallbackDue, type TicketStepEvent } from '../events/ticketSteps.js';
import type { TicketKind } from '../domain/tickets.js';

/**
 * The conflict inbox's detection: pure functions of a site's events, so every desk and HQ holding the
 * same events list the same conflicts under the same ids (`kind:record`), whatever order they came in.
 * Sides are in HLC order; the side that `won` is the one the records show.
 */

export interface Names {
  desk(deviceId: string): string;
  person(actor: string): string;
}

type Found = Omit<Conflict, 'resolution'>;
const byHlc = (a: DomainEvent, b: DomainEvent) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1);

function side(e: DomainEvent, at: string, what: string, won: boolean, names: Names): ConflictSide {
  return {
    eventId: e.id,
    deviceId: e.deviceId,
    deskCode: names.desk(e.deviceId),
    actor: e.actor,
    actorName: names.person(e.actor),
    at,
    what,
    won,
  };
}

const atOf = (e: DomainEvent) => String((e.payload as { at?: string }).at ?? e.recordedAt);

/**
 * A record closed twice (a visit checked out at two desks, an item handed over at two desks): the
 * earliest by HLC wins (db/appliers/closing.ts, mail.ts), the others are the conflict's other sides.
 */
export function closedTwice(
  kind: Extract<ConflictKind, 'double_checkout' | 'double_pickup'>,
  closings: DomainEvent[],
  recordOf: (e: DomainEvent) => string,
  subjectOf: (recordId: string) => string,
  whatOf: (e: DomainEvent) => string,
  names: Names,
): Found[] {
  const groups = new Map<string, DomainEvent[]>();
  for (const e of closings) groups.set(recordOf(e), [...(groups.get(recordOf(e)) ?? []), e]);
  const found: Found[] = [];
  for (const [recordId, events] of groups) {
    if (events.length < 2) continue;
    const sorted = [...events].sort(byHlc);
    found.push({
      id: `${kind}:${recordId}`,
      kind,
      subject: subjectOf(recordId),
      sides: sorted.map((e, n) => side(e, atOf(e), whatOf(e), n === 0, names)),
      unitId: null,
      ticketId: null,
    });
  }
  return found;
}

/** One charge (a unit's fee for a month) on two receipts that are both still valid: the refund case. */
export function paidTwice(payments: DomainEvent<'PaymentReceived'>[], voided: ReadonlySet<string>, names: Names): Found[] {
  const byCharge = new Map<string, DomainEvent<'PaymentReceived'>[]>();
  for (const e of payments) {
    if (voided.has(e.payload.receiptId)) continue;
    for (const line of e.payload.lines) byCharge.set(line.chargeId, [...(byCharge.get(line.chargeId) ?? []), e]);
  }
  const found: Found[] = [];
  for (const [chargeId, events] of byCharge) {
    if (events.length < 2) continue;
    const sorted = [...events].sort(byHlc);
    // Two receipts or more (checked above): the earliest is there.
    const first = sorted[0]!.payload;
    const line = first.lines.find((l) => l.chargeId === chargeId)!;
    found.push({
      id: `fee_paid_twice:${chargeId}`,
      kind: 'fee_paid_twice',
      subject: `${first.unit.unitCode} · ${line.item} · ${line.period}`,
      sides: sorted.map((e, n) => side(e, e.payload.issuedAt, e.payload.receiptNo, n === 0, names)),
      unitId: first.unit.unitId,
      ticketId: null,
    });
  }
  return found;
}

/**
 * A ticket whose cancel stands while another desk's step after it (a resolve, a callback) was kept but
 * flagged without effect: the repair was done, and nobody would call the resident back.
 */
export function lostToCancel(opening: DomainEvent<'TicketOpened'>, stepEvents: DomainEvent[], names: Names): Found | null {
  const steps: Step[] = stepEvents.map((e) => ({
    id: e.id,
    hlc: e.hlc,
    at: atOf(e),
    sort: stepSortOf(e as DomainEvent<TicketStepEvent>),
    callbackDueAt: stepCallbackDue(e as DomainEvent<TicketStepEvent>),
  }));
  const proj = projectTicket(opening.payload.kind as TicketKind, [], steps);
  const flagged = new Set(proj.flagged);
  const sorted = [...stepEvents].sort(byHlc);
  const cancel = sorted.find((e) => e.type === 'TicketCancelled' && !flagged.has(e.id));
  const lost = sorted.filter((e) => flagged.has(e.id) && cancel && e.hlc > cancel.hlc && e.deviceId !== cancel.deviceId);
  if (!cancel || lost.length === 0) return null;
  const sortOf = (e: DomainEvent) => stepSortOf(e as DomainEvent<TicketStepEvent>);
  return {
    id: `ticket_lost_to_cancel:${opening.payload.ticketId}`,
    kind: 'ticket_lost_to_cancel',
    subject: `${opening.payload.ticketNo} · ${opening.payload.customer.unitCode}`,
    sides: [cancel, ...lost].map((e, n) => side(e, atOf(e), sortOf(e), n === 0, names)),
    unitId: null,
    ticketId: opening.payload.ticketId,
  };
}

/**
 * Two managers changing one site rule from the same value at two desks: the later change by HLC is in
 * force everywhere (db/appliers/site.ts), the earlier was overwritten without its author seeing it.
 */
export function settingOverwritten(changes: DomainEvent<'SiteSettingsChanged'>[], names: Names): Found[] {
  const groups = new Map<string, { key: string; events: DomainEvent<'SiteSettingsChanged'>[] }>();
  for (const e of changes) {
    for (const [key, basis] of Object.entries(e.payload.basedOn ?? {})) {
      if (!(key in e.payload.changes)) continue;
      const id = `setting_overwritten:${key}:${basis ?? 'default'}`;
      const g = groups.get(id) ?? { key, events: [] };
      g.events.push(e);
      groups.set(id, g);
    }
  }
  const found: Found[] = [];
  const valueOf = (e: DomainEvent<'SiteSettingsChanged'>, key: string) =>
    JSON.stringify((e.payload.changes as Record<string, unknown>)[key]).slice(0, 200);
  for (const [id, { key, events }] of groups) {
    const sorted = [...events].sort(byHlc);
    const values = new Set(sorted.map((e) => valueOf(e, key)));
    const desks = new Set(sorted.map((e) => e.deviceId));
    if (sorted.length < 2 || values.size < 2 || desks.size < 2) continue;
    // The latest by HLC is in force: it is listed first, as the winner.
    const ordered = [...sorted].reverse();
    found.push({
      id,
      kind: 'setting_overwritten',
      subject: key,
      sides: ordered.map((e, n) => side(e, e.recordedAt, valueOf(e, key), n === 0, names)),
      unitId: null,
      ticketId: null,
    });
  }
  return found;
}
