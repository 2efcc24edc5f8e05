import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import type { Deadline, StepSort } from '../../../../shared/domain/ticketDeadlines.js';
import type { TicketKind } from '../../../../shared/domain/tickets.js';
import {
  percentRate,
  ticketMonthFigures,
  type StatsTicket,
  type TicketMonthFigures,
} from '../../../../shared/domain/ticketStats.js';
import { deskDay } from '../../../../shared/domain/deskTime.js';
import { classifierFor } from '../../../../shared/domain/ticketClassifier.js';
import type { ReportSite } from './reportSites.js';
import { firstRow } from '../../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

/** How far before the month a ticket may have been opened and still have a deadline due in it (a callback weeks on). */
const LOOK_BACK_MS = 92 * 24 * 3600_000;

async function statsTickets(db: Db, s: ReportSite): Promise<StatsTicket[]> {
  const since = new Date(Date.parse(s.fromIso) - LOOK_BACK_MS).toISOString();
  const { rows } = await sql<{
    id: string;
    kind: TicketKind;
    channel: string;
    unit_code: string;
    anonymous: boolean;
    label: string;
    opened_at: string;
    intake_deadlines: Deadline[];
    category: string | null;
  }>`
    SELECT t.id, t.kind, t.channel, t.unit_code, t.anonymous, t.label, t.opened_at, t.intake_deadlines,
      e.payload->'classification'->>'category' AS category
    FROM hq_tickets t LEFT JOIN events e ON e.site_id = t.site_id AND e.type = 'TicketOpened' AND e.status = 'ok'
      AND e.payload->>'ticketId' = t.id
    WHERE t.site_id = ${s.siteId} AND t.opened_at >= ${since} AND t.opened_at < ${s.toIso}`.execute(db);
  if (rows.length === 0) return [];
  const steps = await sql<{
    ticket_id: string;
    id: string;
    hlc: string;
    at: string;
    sort: StepSort;
    callback_due_at: string | null;
  }>`
    SELECT ticket_id, id, hlc, at, sort, callback_due_at FROM hq_ticket_steps
    WHERE site_id = ${s.siteId} AND ticket_id IN (${sql.join(rows.map((r) => r.id))})`.execute(db);
  return rows.map((t) => ({
    kind: t.kind,
    channel: t.channel,
    category: t.category ?? '',
    unitCode: t.unit_code,
    anonymous: t.anonymous,
    label: t.label,
    openedAt: t.opened_at,
    intake: t.intake_deadlines,
    steps: steps.rows
      .filter((x) => x.ticket_id === t.id)
      .map((x) => ({ id: x.id, hlc: x.hlc, at: x.at, sort: x.sort, callbackDueAt: x.callback_due_at })),
  }));
}

type Named<F extends TicketMonthFigures> = Omit<F, 'byCategory'> & { byCategory: (Count & { zh: string; en: string })[] };
type Count = { key: string; count: number };

/** The default classifier's names of every category (a site's own categories are named from its tickets' labels). */
const DEFAULT_NAMES = new Map(
  classifierFor('mixed').flatMap((p) => p.categories.map((c) => [c.code, { zh: c.zh, en: c.en }] as const)),
);

/** Each category with its names, never its code: the default classifier's, else the name in a ticket's label. */
function named<F extends TicketMonthFigures>(f: F, labels: Map<string, string>): Named<F> {
  return {
    ...f,
    byCategory: f.byCategory.map((c) => {
      const fromLabel = labels.get(c.key)?.split(' / ')[1]?.trim() || c.key;
      return { ...c, ...(DEFAULT_NAMES.get(c.key) ?? { zh: fromLabel, en: fromLabel }) };
    }),
  };
}

/**
 * The month's tickets per site by the desk's statistics rules (shared/domain/ticketStats.ts), folded from the
 * timelines HQ holds; the total is the same fold over every site's tickets (each site's month on its clock).
 */
export async function ticketsReport(
  db: Db,
  sites: ReportSite[],
  now: Date,
): Promise<{ sites: Named<TicketMonthFigures & { siteId: string }>[]; total: Named<TicketMonthFigures> }> {
  const per = await Promise.all(sites.map(async (s) => ({ s, tickets: await statsTickets(db, s) })));
  const nowIso = now.toISOString();
  const labels = new Map(per.flatMap(({ tickets }) => tickets.map((t) => [t.category, t.label] as const)));
  // Each site's month on its own clock, then added up.
  const figures = per.map(({ s, tickets }) => ({ siteId: s.siteId, ...ticketMonthFigures(tickets, s.fromIso, s.toIso, nowIso) }));
  return { sites: figures.map((f) => named(f, labels)), total: named(addFigures(figures), labels) };
}

const addCounts = (lists: Count[][]) => {
  const m = new Map<string, number>();
  for (const l of lists) for (const c of l) m.set(c.key, (m.get(c.key) ?? 0) + c.count);
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
};

function addFigures(all: TicketMonthFigures[]): TicketMonthFigures {
  const sum = (f: (x: TicketMonthFigures) => number) => all.reduce((n, x) => n + f(x), 0);
  const resolved = sum((x) => x.callback.resolved);
  const calledBack = sum((x) => x.callback.calledBack);
  const satisfied = sum((x) => x.satisfaction.satisfied);
  const notSatisfied = sum((x) => x.satisfaction.notSatisfied);
  return {
    total: sum((x) => x.total),
    byKind: addCounts(all.map((x) => x.byKind)),
    byCategory: addCounts(all.map((x) => x.byCategory)),
    byChannel: addCounts(all.map((x) => x.byChannel)),
    onTime: (all[0]?.onTime ?? ticketMonthFigures([], '', '', '').onTime).map((o) => {
      const of = (x: TicketMonthFigures) => x.onTime.find((t) => t.type === o.type);
      const due = sum((x) => of(x)?.due ?? 0);
      const onTime = sum((x) => of(x)?.onTime ?? 0);
      return { type: o.type, due, onTime, rate: percentRate(onTime, due) };
    }),
    callback: { resolved, calledBack, rate: percentRate(calledBack, resolved) },
    satisfaction: { satisfied, notSatisfied, rate: percentRate(satisfied, satisfied + notSatisfied) },
    recurring: all
      .flatMap((x) => x.recurring)
      .sort((a, b) => b.count - a.count)
      .slice(0, 50),
  };
}

/** Visits per site and site calendar day of the month: counts only, no visitor is named. */
export async function visitorsReport(
  db: Db,
  sites: ReportSite[],
): Promise<{ sites: { siteId: string; total: number; days: { day: string; count: number }[] }[]; total: number }> {
  const out = [];
  for (const s of sites) {
    const { rows } = await sql<{ checked_in_at: string }>`
      SELECT checked_in_at FROM hq_visits WHERE site_id = ${s.siteId} AND checked_in_at >= ${s.fromIso} AND checked_in_at < ${s.toIso}`.execute(
      db,
    );
    const days = new Map<string, number>();
    for (const r of rows) days.set(deskDay(r.checked_in_at, s.zone), (days.get(deskDay(r.checked_in_at, s.zone)) ?? 0) + 1);
    out.push({
      siteId: s.siteId,
      total: rows.length,
      days: [...days].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : 1)),
    });
  }
  return { sites: out, total: out.reduce((n, s) => n + s.total, 0) };
}

export interface MailFigures {
  received: number;
  pickedUp: number;
  returned: number;
  damaged: number;
}

/** The mail register's month per site: items received, picked up, returned, and items with damage recorded. */
export async function mailReport(
  db: Db,
  sites: ReportSite[],
): Promise<{ sites: (MailFigures & { siteId: string })[]; total: MailFigures }> {
  const out: (MailFigures & { siteId: string })[] = [];
  for (const s of sites) {
    const { rows } = await sql<{ received: string; picked_up: string; returned: string; damaged: string }>`
      SELECT
        (SELECT count(*) FROM hq_mail_items WHERE site_id = ${s.siteId} AND received_at >= ${s.fromIso} AND received_at < ${s.toIso}) AS received,
        (SELECT count(*) FROM hq_mail_items WHERE site_id = ${s.siteId} AND status = 'picked_up'
          AND closed_at >= ${s.fromIso} AND closed_at < ${s.toIso}) AS picked_up,
        (SELECT count(*) FROM hq_mail_items WHERE site_id = ${s.siteId} AND status = 'returned'
          AND closed_at >= ${s.fromIso} AND closed_at < ${s.toIso}) AS returned,
        (SELECT count(DISTINCT item_id) FROM hq_mail_damage WHERE site_id = ${s.siteId}
          AND recorded_at >= ${s.fromIso} AND recorded_at < ${s.toIso}) AS damaged`.execute(db);
    const r = firstRow(rows, `mail figures of site ${s.siteId}`);
    out.push({
      siteId: s.siteId,
      received: Number(r.received),
      pickedUp: Number(r.picked_up),
      returned: Number(r.returned),
      damaged: Number(r.damaged),
    });
  }
  const sum = (k: keyof MailFigures) => out.reduce((n, s) => n + s[k], 0);
  return {
    sites: out,
    total: { received: sum('received'), pickedUp: sum('pickedUp'), returned: sum('returned'), damaged: sum('damaged') },
  };
}
