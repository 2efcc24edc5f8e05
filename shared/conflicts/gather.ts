import type { DomainEvent, EventType } from '../events/catalog.js';
import type { Conflict } from '../api/conflictSchemas.js';
import { closedTwice, lostToCancel, paidTwice, settingOverwritten, type Names } from './detect.js';

/**
 * What the detection reads from a site's event log. The desk (SQLite) and HQ (PostgreSQL) each answer
 * it from their own events table, so both run the same detection over the same events.
 */
export interface ConflictSource {
  /** Every event of these types, in any order. */
  ofTypes(types: EventType[]): Promise<DomainEvent[]>;
  /** Events of these types whose payload `field` is one of `values`. */
  byField(types: EventType[], field: string, values: string[]): Promise<DomainEvent[]>;
  /** Values of payload `field` that more than one event of these types carries. */
  repeated(types: EventType[], field: string): Promise<string[]>;
  names: Names;
}

const TICKET_STEPS: EventType[] = [
  'TicketTransitioned',
  'TicketDispatched',
  'TicketCallbackRecorded',
  'TicketDeferred',
  'TicketReopened',
  'TicketCancelled',
  'TicketNoteAdded',
];
const CHECKOUTS: EventType[] = ['VisitorCheckedOut', 'VisitAutoClosed'];
const HANDOVERS: EventType[] = ['MailPickedUp', 'MailReturned'];
const field = (e: DomainEvent, name: string) => String((e.payload as Record<string, unknown>)[name]);

async function visits(src: ConflictSource) {
  const ids = await src.repeated(CHECKOUTS, 'visitId');
  if (!ids.length) return [];
  const [closings, openings] = await Promise.all([
    src.byField(CHECKOUTS, 'visitId', ids),
    src.byField(['VisitorCheckedIn'], 'visitId', ids),
  ]);
  const who = new Map(
    (openings as DomainEvent<'VisitorCheckedIn'>[]).map((e) => [
      e.payload.visitId,
      `${e.payload.visitor.name} · ${e.payload.passNo}`,
    ]),
  );
  const what = (e: DomainEvent) => (e.type === 'VisitAutoClosed' ? 'auto' : field(e, 'method'));
  return closedTwice(
    'double_checkout',
    closings,
    (e) => field(e, 'visitId'),
    (id) => who.get(id) ?? id,
    what,
    src.names,
  );
}

async function mail(src: ConflictSource) {
  const ids = await src.repeated(HANDOVERS, 'itemId');
  if (!ids.length) return [];
  const [closings, openings] = await Promise.all([
    src.byField(HANDOVERS, 'itemId', ids),
    src.byField(['MailReceived'], 'itemId', ids),
  ]);
  const what = new Map(
    (openings as DomainEvent<'MailReceived'>[]).map((e) => [
      e.payload.itemId,
      `${e.payload.registerNo} · ${e.payload.recipient.unitCode} ${e.payload.recipient.name}`,
    ]),
  );
  const did = (e: DomainEvent) => (e.type === 'MailReturned' ? 'returned' : field(e, 'signerName'));
  return closedTwice(
    'double_pickup',
    closings,
    (e) => field(e, 'itemId'),
    (id) => what.get(id) ?? id,
    did,
    src.names,
  );
}

async function fees(src: ConflictSource) {
  const [payments, voids] = await Promise.all([src.ofTypes(['PaymentReceived']), src.ofTypes(['ReceiptVoided'])]);
  const voided = new Set(voids.map((e) => field(e, 'receiptId')));
  return paidTwice(payments as DomainEvent<'PaymentReceived'>[], voided, src.names);
}

async function tickets(src: ConflictSource) {
  const cancels = await src.ofTypes(['TicketCancelled']);
  const ids = [...new Set(cancels.map((e) => field(e, 'ticketId')))];
  if (!ids.length) return [];
  const events = await src.byField(['TicketOpened', ...TICKET_STEPS], 'ticketId', ids);
  const found: Omit<Conflict, 'resolution'>[] = [];
  for (const id of ids) {
    const mine = events.filter((e) => field(e, 'ticketId') === id);
    const opening = mine.find((e) => e.type === 'TicketOpened') as DomainEvent<'TicketOpened'> | undefined;
    if (!opening) continue; // its opening has not arrived here yet
    const c = lostToCancel(
      opening,
      mine.filter((e) => e !== opening),
      src.names,
    );
    if (c) found.push(c);
  }
  return found;
}

async function settings(src: ConflictSource) {
  return settingOverwritten((await src.ofTypes(['SiteSettingsChanged'])) as DomainEvent<'SiteSettingsChanged'>[], src.names);
}

/** Every conflict of the site, each with its resolution (the first by HLC) or null; oldest record first. */
export async function gatherConflicts(src: ConflictSource): Promise<Conflict[]> {
  const found = (await Promise.all([fees(src), tickets(src), visits(src), mail(src), settings(src)])).flat();
  const resolutions = (await src.ofTypes(['ConflictResolved'])) as DomainEvent<'ConflictResolved'>[];
  const first = new Map<string, DomainEvent<'ConflictResolved'>>();
  for (const r of resolutions.sort((a, b) => (a.hlc < b.hlc ? -1 : 1)))
    if (!first.has(r.payload.conflictId)) first.set(r.payload.conflictId, r);
  return found
    .map((c) => {
      const r = first.get(c.id);
      const resolution = r
        ? {
            eventId: r.id,
            action: r.payload.action,
            note: r.payload.note,
            by: r.actor,
            byName: r.payload.byName ?? src.names.person(r.actor),
            at: r.payload.at,
          }
        : null;
      return { ...c, resolution };
    })
    .sort((a, b) => {
      // Every conflict has two sides or more; the earliest side's time orders the list.
      const [x, y] = [a.sides[0]?.at ?? '', b.sides[0]?.at ?? ''];
      return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1;
    });
}
