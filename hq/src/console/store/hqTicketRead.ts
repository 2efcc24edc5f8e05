import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import type { HqTicketDetail, HqTicketRow } from '../contract/hqtickets.js';
import { projectTicket } from '../../../../shared/domain/ticketTimeline.js';
import { TICKET_STATES, isTerminal } from '../../../../shared/domain/ticketStates.js';
import type { Deadline, StepSort } from '../../../../shared/domain/ticketDeadlines.js';
import { HQ_TICKET_DESK_CODE, type TicketKind } from '../../../../shared/domain/tickets.js';
import { HQ_DEVICE_ID } from '../../../../shared/sync/protocol.js';

type Db = Kysely<HqDatabase>;

interface TicketRowDb {
  id: string;
  ticket_no: string;
  kind: HqTicketRow['kind'];
  channel: HqTicketRow['channel'];
  device_id: string;
  label: string;
  unit_code: string;
  severity: HqTicketRow['severity'];
  urgency: HqTicketRow['urgency'];
  state: HqTicketRow['state'];
  opened_at: string;
  next_due_at: string | null;
}

/** Closed or cancelled: off the desks' boards, so off the list of open ones. */
const TERMINAL = TICKET_STATES.filter(isTerminal);

const COLUMNS = sql`id, ticket_no, kind, channel, device_id, label, unit_code, severity, urgency, state, opened_at, next_due_at`;

/** A row of hq_tickets as the console shows it; overdue when its next unmet deadline has passed. */
const toRow = (r: TicketRowDb, now: Date): HqTicketRow => ({
  id: r.id,
  ticketNo: r.ticket_no,
  kind: r.kind,
  channel: r.channel,
  fromHq: r.device_id === HQ_DEVICE_ID,
  label: r.label,
  unitCode: r.unit_code,
  severity: r.severity,
  urgency: r.urgency,
  state: r.state,
  openedAt: r.opened_at,
  nextDueAt: r.next_due_at,
  overdue: r.next_due_at !== null && Date.parse(r.next_due_at) < now.getTime(),
});

/**
 * The site's tickets from HQ's projection: the open ones of every channel, the soonest due first (as a
 * desk's board sorts), or HQ's own tickets for the site in any state, the newest first.
 */
export async function listSiteTickets(db: Db, siteId: string, show: 'open' | 'fromHq', now: Date): Promise<HqTicketRow[]> {
  const { rows } =
    show === 'open'
      ? await sql<TicketRowDb>`SELECT ${COLUMNS} FROM hq_tickets WHERE site_id = ${siteId} AND NOT (state = ANY(${TERMINAL}))
          ORDER BY next_due_at ASC NULLS LAST, opened_at LIMIT 500`.execute(db)
      : await sql<TicketRowDb>`SELECT ${COLUMNS} FROM hq_tickets WHERE site_id = ${siteId} AND device_id = ${HQ_DEVICE_ID}
          ORDER BY opened_at DESC LIMIT 500`.execute(db);
  return rows.map((r) => toRow(r, now));
}

/** One ticket's row (the answer to opening it). */
export async function siteTicketRow(db: Db, siteId: string, ticketId: string, now: Date): Promise<HqTicketRow | null> {
  const { rows } =
    await sql<TicketRowDb>`SELECT ${COLUMNS} FROM hq_tickets WHERE site_id = ${siteId} AND id = ${ticketId}`.execute(db);
  return rows[0] ? toRow(rows[0], now) : null;
}

interface StepDb {
  id: string;
  hlc: string;
  at: string;
  sort: StepSort;
  callback_due_at: string | null;
  device_id: string;
  actor: string;
  payload: Record<string, unknown>;
  actor_name: string | null;
  desk: string | null;
}

/** What a step says beyond its kind, as the desk wrote it (a dispatch: the department and the person). */
function textOf(p: Record<string, unknown>): string {
  const parts = [p.department, p.assignee, p.until, p.note, p.reason, p.text];
  return parts.filter((x): x is string => typeof x === 'string' && x !== '').join(' · ');
}

/** One ticket of the site with its timeline in HLC order (HQ's opening or the desk's, then every desk's steps). */
export async function siteTicketDetail(
  db: Db,
  siteId: string,
  ticketId: string,
  now: Date,
  zone: string,
): Promise<HqTicketDetail | null> {
  const { rows: t } = await sql<TicketRowDb & { intake_deadlines: Deadline[] }>`
    SELECT ${COLUMNS}, intake_deadlines FROM hq_tickets WHERE site_id = ${siteId} AND id = ${ticketId}`.execute(db);
  if (!t[0]) return null;
  const { rows: opened } = await sql<{ id: string; payload: Record<string, unknown> & { receiver: { name: string } } }>`
    SELECT id, payload FROM events WHERE site_id = ${siteId} AND type = 'TicketOpened' AND status = 'ok'
      AND payload->>'ticketId' = ${ticketId} ORDER BY hlc LIMIT 1`.execute(db);
  const { rows: steps } = await sql<StepDb>`
    SELECT s.id, s.hlc, s.at, s.sort, s.callback_due_at, e.device_id, e.actor, e.payload,
      st.name AS actor_name, d.code AS desk
    FROM hq_ticket_steps s
    JOIN events e ON e.site_id = s.site_id AND e.id = s.id
    LEFT JOIN hq_staff st ON st.site_id = s.site_id AND st.staff_id = e.actor
    LEFT JOIN devices d ON d.site_id = s.site_id AND d.id = e.device_id
    WHERE s.site_id = ${siteId} AND s.ticket_id = ${ticketId}
    ORDER BY s.hlc, s.id`.execute(db);
  const p = projectTicket(
    t[0].kind as TicketKind,
    t[0].intake_deadlines,
    steps.map((s) => ({ id: s.id, hlc: s.hlc, at: s.at, sort: s.sort, callbackDueAt: s.callback_due_at })),
  );
  const row = toRow(t[0], now);
  const openedBy = opened[0]?.payload.receiver.name ?? '';
  const openedDesk = row.fromHq ? HQ_TICKET_DESK_CODE : ((await deskCode(db, siteId, t[0].device_id)) ?? '');
  const opening = {
    id: opened[0]?.id ?? ticketId,
    at: row.openedAt,
    sort: 'opened' as const,
    desk: openedDesk,
    by: openedBy,
    text: '',
    flagged: false,
  };
  return {
    zone,
    ticket: { ...row, description: String(opened[0]?.payload.description ?? ''), openedBy },
    steps: [
      opening,
      ...steps.map((s) => ({
        id: s.id,
        at: s.at,
        sort: s.sort,
        desk: s.device_id === HQ_DEVICE_ID ? HQ_TICKET_DESK_CODE : (s.desk ?? ''),
        // A callback names who called; a step of a person HQ does not know shows their staff id.
        by: typeof s.payload.calledBy === 'string' ? s.payload.calledBy : (s.actor_name ?? s.actor),
        text: textOf(s.payload),
        flagged: p.flagged.includes(s.id),
      })),
    ],
    deadlines: p.deadlines.map((d) => ({ ...d, overdue: !d.metAt && Date.parse(d.dueAt) < now.getTime() })),
  };
}

async function deskCode(db: Db, siteId: string, deviceId: string): Promise<string | undefined> {
  const d = await db
    .selectFrom('devices')
    .select('code')
    .where('site_id', '=', siteId)
    .where('id', '=', deviceId)
    .executeTakeFirst();
  return d?.code;
}
