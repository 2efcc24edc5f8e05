import { sql, type Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { HqDatabase } from '../../pg/schema.js';
import { appendMasterEvent } from '../../store/admin.js';
import { eventCatalog, type EventPayload } from '../../../../shared/events/catalog.js';
import { classificationOf, classify } from '../../../../shared/domain/ticketClassifier.js';
import { intakeDeadlines } from '../../../../shared/domain/ticketDeadlines.js';
import { deskDayCode, deskZone, setDeskZone } from '../../../../shared/domain/deskTime.js';
import { formatTicketNo, HQ_TICKET_DESK_CODE } from '../../../../shared/domain/tickets.js';
import { HQ_DEVICE_ID } from '../../../../shared/sync/protocol.js';
import type { CreateHqTicketInput } from '../contract/hqtickets.js';
import { ConsoleError, fieldError } from '../contract/errors.js';
import type { ConsoleUser } from '../contract/session.js';
import { siteTicketRules, type SiteTicketRules } from './siteTicketRules.js';
import { firstRow } from '../../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;
type Input = z.output<typeof CreateHqTicketInput>;

/** Deadlines on the site's clock: the day-based spans end at the site's midnight, as at its desks. */
function deadlinesAt(zone: string, facts: Parameters<typeof intakeDeadlines>[0], rules: SiteTicketRules['rules']) {
  // The deadline rules read the process's site zone; HQ serves many sites, so it is set for this call only.
  const before = deskZone();
  setDeskZone(zone);
  try {
    return intakeDeadlines(facts, rules);
  } finally {
    setDeskZone(before);
  }
}

async function earlierOpening(trx: Db, siteId: string, requestId: string): Promise<string | null> {
  const { rows } = await sql<{ ticket_id: string }>`
    SELECT payload->>'ticketId' AS ticket_id FROM events
    WHERE site_id = ${siteId} AND device_id = ${HQ_DEVICE_ID} AND type = 'TicketOpened' AND payload->>'requestId' = ${requestId}
    LIMIT 1`.execute(trx);
  return rows[0]?.ticket_id ?? null;
}

/** The next of HQ's own ticket numbers for the site's day (under the site's lock: gapless, never twice). */
async function nextTicketNo(trx: Db, s: SiteTicketRules, now: Date): Promise<string> {
  const day = deskDayCode(now, s.zone);
  const prefix = `${s.site.code}-${HQ_TICKET_DESK_CODE}-T${day.slice(2)}-`;
  const { rows } = await sql<{ n: string }>`
    SELECT count(*) AS n FROM hq_tickets
    WHERE site_id = ${s.site.id} AND device_id = ${HQ_DEVICE_ID} AND starts_with(ticket_no, ${prefix})`.execute(trx);
  return formatTicketNo(s.site.code, HQ_TICKET_DESK_CODE, day, Number(firstRow(rows, 'HQ tickets of the day').n) + 1);
}

/**
 * A ticket opened at HQ for a site: a TicketOpened of HQ's pseudo-device (actor 'hq', HQ's identity, never a
 * desk's), checked by the catalog's own schema, stored and versioned like master data so the site's desks
 * pull and apply it with their ordinary applier, and projected into hq_tickets like a desk's. The HQ user
 * who opened it is its receiver. Returns the ticket id (the first one again for a retried request).
 */
export async function openHqTicket(trx: Db, user: ConsoleUser, input: Input, now: Date): Promise<string> {
  // Serialises with the site's pushes and with a second click of the same submission.
  await sql`SELECT 1 FROM sites WHERE id = ${input.siteId} FOR UPDATE`.execute(trx);
  const earlier = await earlierOpening(trx, input.siteId, input.requestId);
  if (earlier) return earlier;
  const s = await siteTicketRules(trx, input.siteId);
  if (!s) throw new ConsoleError('not_found', 'hqtickets.err.noSite');
  const cls = classify(s.classifier, input.place, input.category, input.problem);
  if (!cls) throw fieldError('problem', 'hqtickets.err.unknownProblem');
  const openedAt = now.toISOString();
  const severity = input.severity ?? null;
  const urgency = input.urgency ?? null;
  const facts = { kind: input.kind, severity, urgency, openedAt, customerDeadline: null, promisedReplyAt: null };
  const ticketId = uuidv7();
  const payload: EventPayload<'TicketOpened'> = {
    ticketId,
    requestId: input.requestId,
    ticketNo: await nextTicketNo(trx, s, now),
    kind: input.kind,
    channel: 'hq',
    customer: { occupantId: null, name: '', unitCode: input.unitCode, company: '', phone: '' },
    anonymous: false,
    receiver: { staffId: HQ_DEVICE_ID, name: user.name },
    occurredAt: null,
    location: '',
    concerned: '',
    description: input.description,
    wants: '',
    classification: classificationOf(cls),
    severity,
    urgency,
    paid: false,
    chargeFen: 0,
    convenientTime: '',
    leakTestDate: null,
    promisedReplyAt: null,
    customerDeadline: null,
    target: null,
    openedAt,
    deadlines: deadlinesAt(s.zone, facts, s.rules),
    duplicateOf: null,
  };
  await appendMasterEvent(trx, input.siteId, 'TicketOpened', eventCatalog.TicketOpened.payload.parse(payload));
  return ticketId;
}
