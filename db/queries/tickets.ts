import { sql, type Kysely } from 'kysely';
import type { Database, TicketsTable } from '../schema.js';

type Db = Kysely<Database>;
export type TicketRow = TicketsTable;

export const ticketById = (db: Db, id: string) => db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
export const ticketByRequest = (db: Db, requestId: string) =>
  db.selectFrom('tickets').selectAll().where('request_id', '=', requestId).executeTakeFirst();

/** The duplicate guard: a ticket for the same unit and category within the last 24 hours. */
export const recentSameUnitCategory = (db: Db, unitCode: string, category: string, sinceIso: string) =>
  db
    .selectFrom('tickets')
    .select(['id', 'ticket_no', 'opened_at'])
    .where('unit_code', '=', unitCode)
    .where('category', '=', category)
    // Never an anonymous complaint: the warning would tell whoever types the unit that it complained.
    .where('anonymous', '=', 0)
    .where('opened_at', '>=', sinceIso)
    .orderBy('opened_at', 'desc')
    .limit(1)
    .executeTakeFirst();

export const stepsOf = (db: Db, ticketId: string) =>
  db
    .selectFrom('ticket_steps')
    .leftJoin('staff', 'staff.id', 'ticket_steps.actor')
    .selectAll('ticket_steps')
    .select('staff.name as actor_name')
    .where('ticket_id', '=', ticketId)
    .orderBy('hlc')
    .execute();

export const deadlinesOf = (db: Db, ticketId: string) =>
  db.selectFrom('ticket_deadlines').selectAll().where('ticket_id', '=', ticketId).orderBy('n').execute();

// Literal `is_open = 1`, never a bound parameter: only then can SQLite use the partial index.
const OPEN = sql<boolean>`is_open = 1`;

/** The first `limit` open tickets by next due time (overdue first), then those with nothing due, oldest first. */
export async function openTicketsByDue(db: Db, limit: number) {
  const due = await db
    .selectFrom('tickets')
    .selectAll()
    .where(OPEN)
    .where('next_due_at', 'is not', null)
    .orderBy('next_due_at')
    .limit(limit)
    .execute();
  if (due.length >= limit) return due;
  const rest = await db
    .selectFrom('tickets')
    .selectAll()
    .where(OPEN)
    .where('next_due_at', 'is', null)
    .orderBy('opened_at')
    .limit(limit - due.length)
    .execute();
  return [...due, ...rest];
}

export async function countOpen(db: Db) {
  const r = await db
    .selectFrom('tickets')
    .select(sql<number>`count(*)`.as('n'))
    .where(OPEN)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Open tickets whose callback falls due by `untilIso`. */
export const callbacksDue = (db: Db, untilIso: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where(OPEN)
    .where('state', '=', 'resolved')
    .where('next_due_at', '<=', untilIso)
    .orderBy('next_due_at')
    .execute();

/** Deferred, flagged, or without a step since `quietSinceIso`: the stuck orders (死单) of the daily report. */
export const stuckTickets = (db: Db, quietSinceIso: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where(OPEN)
    .where((eb) =>
      eb.or([
        eb('state', '=', 'deferred'),
        eb('flagged_count', '>', 0),
        eb.and([eb('state', '<>', 'resolved'), eb('last_activity_at', '<', quietSinceIso)]),
      ]),
    )
    // `+opened_at`, not the column: ordered by the column, SQLite may walk every past ticket through
    // tickets_opened to skip a sort of the few open ones (what it picks without statistics; the query-plan
    // test checks it).
    .orderBy(sql`+opened_at`)
    .limit(200)
    .execute();

/**
 * Tickets by number, unit, name, description or category. An anonymous complaint's unit and name are
 * matched only when `matchHidden` (a manager): otherwise searching unit by unit would find who complained.
 */
export const searchTickets = (db: Db, q: string, limit: number, matchHidden: boolean) => {
  let query = db.selectFrom('tickets').selectAll();
  if (q) {
    const like = `%${q}%`;
    query = query.where((eb) => {
      const identity = eb.or([eb('unit_code', 'like', like), eb('customer_name', 'like', like)]);
      return eb.or([
        eb('ticket_no', 'like', like),
        matchHidden ? identity : eb.and([eb('anonymous', '=', 0), identity]),
        eb('description', 'like', like),
        eb('label', 'like', like),
      ]);
    });
  }
  return query.orderBy('opened_at', 'desc').limit(limit).execute();
};

/** Whether a search matched this anonymous ticket by the identity it hides (the match itself reveals it). */
export const matchedByIdentity = (r: TicketRow, q: string) =>
  r.anonymous === 1 && !!q && [r.unit_code, r.customer_name].some((v) => v.toLowerCase().includes(q.toLowerCase()));

export const ticketsOpenedBetween = (db: Db, fromIso: string, toIso: string) =>
  db
    .selectFrom('tickets')
    .selectAll()
    .where('opened_at', '>=', fromIso)
    .where('opened_at', '<', toIso)
    .orderBy('opened_at')
    .execute();

export async function countBy(db: Db, column: 'kind' | 'category' | 'channel', fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('tickets')
    .select([column, sql<number>`count(*)`.as('n')])
    .where('opened_at', '>=', fromIso)
    .where('opened_at', '<', toIso)
    .groupBy(column)
    .orderBy(sql`count(*)`, 'desc')
    .execute();
  return rows.map((r) => ({ key: String((r as Record<string, unknown>)[column]), count: Number(r.n) }));
}

/**
 * Deadlines falling due in the period that have come due by `nowIso` (or were met): how many, and how
 * many were met by their due time. One still running is neither late nor on time yet.
 */
export async function onTimeByType(db: Db, fromIso: string, toIso: string, nowIso: string) {
  const rows = await db
    .selectFrom('ticket_deadlines')
    .select([
      'type',
      sql<number>`count(*)`.as('due'),
      sql<number>`sum(case when met_at is not null and met_at <= due_at then 1 else 0 end)`.as('on_time'),
    ])
    .where('due_at', '>=', fromIso)
    .where('due_at', '<', toIso)
    .where((eb) => eb.or([eb('due_at', '<', nowIso), eb('met_at', 'is not', null)]))
    .groupBy('type')
    .execute();
  return rows.map((r) => ({ type: r.type, due: Number(r.due), onTime: Number(r.on_time) }));
}

/** Resolutions in the period of tickets that need a callback, and how many were called back. */
export async function callbackRate(db: Db, fromIso: string, toIso: string) {
  const r = await db
    .selectFrom('tickets')
    .select([
      sql<number>`count(*)`.as('resolved'),
      sql<number>`sum(case when last_callback is not null and last_callback <> 'callback_unreachable' then 1 else 0 end)`.as(
        'called',
      ),
    ])
    .where(sql<boolean>`resolved_at IS NOT NULL`)
    .where('resolved_at', '>=', fromIso)
    .where('resolved_at', '<', toIso)
    .where('kind', 'in', ['repair', 'complaint'])
    .executeTakeFirstOrThrow();
  return { resolved: Number(r.resolved), calledBack: Number(r.called ?? 0) };
}

export async function satisfaction(db: Db, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('ticket_steps')
    .select(['sort', sql<number>`count(*)`.as('n')])
    .where(sql<boolean>`sort IN ('callback_satisfied', 'callback_not_satisfied')`)
    .where('at', '>=', fromIso)
    .where('at', '<', toIso)
    .groupBy('sort')
    .execute();
  const n = (s: string) => Number(rows.find((r) => r.sort === s)?.n ?? 0);
  return { satisfied: n('callback_satisfied'), notSatisfied: n('callback_not_satisfied') };
}

/** Units with the same category more than once in the period (anonymous complaints left out: a unit names them). */
export async function recurring(db: Db, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('tickets')
    .select(['unit_code', 'category', sql<string>`max(label)`.as('label'), sql<number>`count(*)`.as('n')])
    .where('opened_at', '>=', fromIso)
    .where('opened_at', '<', toIso)
    .where('anonymous', '=', 0)
    .where('unit_code', '<>', '')
    .groupBy(['unit_code', 'category'])
    .having(sql`count(*)`, '>=', 2)
    .orderBy(sql`count(*)`, 'desc')
    .limit(50)
    .execute();
  return rows.map((r) => ({ unitCode: r.unit_code, category: r.category, label: r.label, count: Number(r.n) }));
}

export async function paidChargeFen(db: Db, fromIso: string, toIso: string) {
  const r = await db
    .selectFrom('tickets')
    .select(sql<number>`coalesce(sum(charge_fen), 0)`.as('fen'))
    .where('opened_at', '>=', fromIso)
    .where('opened_at', '<', toIso)
    .where('paid', '=', 1)
    .where('state', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  return Number(r.fen);
}
