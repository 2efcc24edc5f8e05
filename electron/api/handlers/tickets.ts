import { v7 as uuidv7 } from 'uuid';
import { deskDayCode } from '../../../shared/domain/deskTime.js';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { ProcParsed } from '../../../shared/api/contract.js';
import { formatTicketNo, type TicketKind } from '../../../shared/domain/tickets.js';
import { nextState, type TicketAction, type TicketState } from '../../../shared/domain/ticketStates.js';
import { callbackDue, intakeDeadlines, localDateStart, endOfLocalDay } from '../../../shared/domain/ticketDeadlines.js';
import { classificationOf, classify } from '../../../shared/domain/ticketClassifier.js';
import { roleAtLeast } from '../../../shared/domain/staff.js';
import { draft, type EventDraft } from '../../../db/events.js';
import { nextCounter } from '../../../db/meta.js';
import { hostById } from '../../../db/queries/directory.js';
import * as q from '../../../db/queries/tickets.js';
import { printCount } from '../../../db/queries/print.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { toTicketDetail, toTicketView } from './ticketView.js';
import { ticketBoard } from './ticketBoard.js';
import { monthlyStats, monthlyWorkbook } from './ticketStats.js';
import { readRecord } from './privacy.js';

type CreateInput = ProcParsed<'tickets:create'>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Only a manager (and the admin) may learn who made an anonymous complaint, and only by an audited read:
 * `tickets:identity` with a reason, or a search that matched it by its unit or name. Every other answer
 * (board, get, create, dispatch) leaves the identity out, for a manager too.
 */
export const seesIdentity = (ctx: HandlerContext) => !!ctx.staff && roleAtLeast(ctx.staff.role, 'manager');
const HIDDEN = false;

async function load(ctx: HandlerContext, ticketId: string) {
  const t = await q.ticketById(ctx.db, ticketId);
  if (!t) throw fieldError('ticketId', 'err.notFound');
  return t;
}

async function detail(ctx: HandlerContext, ticketId: string) {
  const t = (await q.ticketById(ctx.db, ticketId))!;
  return toTicketDetail(t, await q.stepsOf(ctx.db, ticketId), await q.deadlinesOf(ctx.db, ticketId), ctx.now, HIDDEN);
}

const illegal = (state: string, action: TicketAction) =>
  new ApiFailure('conflict', 'err.ticket.illegal', [{ path: 'action', message: 'err.ticket.illegal' }], { state, action });

/**
 * Checks the move against the state machine, then writes it, re-checking inside the transaction
 * so two windows acting at once cannot both move the ticket.
 */
async function move(
  ctx: HandlerContext,
  ticketId: string,
  action: TicketAction,
  make: (trx: HandlerContext['db']) => Promise<EventDraft[]> | EventDraft[],
) {
  const t = await load(ctx, ticketId);
  const check = (row: q.TicketRow) => {
    const m = { state: row.state as TicketState, beforeDeferral: null, reopenCount: row.reopen_count };
    // A cancelled ticket is reopened only from the conflict inbox (electron/api/handlers/conflicts.ts).
    if (!nextState(row.kind as TicketKind, m, action) || (action === 'reopen' && m.state === 'cancelled'))
      throw illegal(row.state, action);
  };
  check(t);
  await ctx.transact(async (trx, emit) => {
    const current = (await q.ticketById(trx, ticketId))!;
    check(current);
    await emit(...(await make(trx)));
  });
  ctx.services.notify({ kind: 'tickets-changed' });
  return detail(ctx, ticketId);
}

/** The customer as copied into the ticket: the directory entry, with what was typed filling the gaps. */
async function customerOf(ctx: HandlerContext, input: CreateInput) {
  const typed = input.customer;
  if (!input.occupantId)
    return { occupantId: null, name: typed.name, unitCode: typed.unitCode, company: typed.company, phone: typed.phone };
  const o = await hostById(ctx.db, input.occupantId);
  if (!o) throw fieldError('occupantId', 'err.notFound');
  return {
    occupantId: o.occupantId,
    name: o.name || typed.name,
    unitCode: o.unitCode,
    company: o.company,
    phone: typed.phone || o.phone,
  };
}

function checkTimes(input: CreateInput, now: Date) {
  if (input.promisedReplyAt && Date.parse(input.promisedReplyAt) <= now.getTime())
    throw fieldError('promisedReplyAt', 'err.ticket.pastTime');
  if (input.customerDeadline && Date.parse(input.customerDeadline) <= now.getTime())
    throw fieldError('customerDeadline', 'err.ticket.pastTime');
  if (input.occurredAt && Date.parse(input.occurredAt) > now.getTime() + 5 * 60_000)
    throw fieldError('occurredAt', 'err.ticket.futureTime');
}

export const ticketHandlers: Pick<
  HandlerMap,
  | 'tickets:classifier'
  | 'tickets:create'
  | 'tickets:get'
  | 'tickets:search'
  | 'tickets:board'
  | 'tickets:dispatch'
  | 'tickets:step'
  | 'tickets:callback'
  | 'tickets:defer'
  | 'tickets:reopen'
  | 'tickets:cancel'
  | 'tickets:note'
  | 'tickets:stats'
  | 'tickets:export'
> = {
  async 'tickets:classifier'(_input, ctx) {
    const settings = await ctx.services.settings();
    return { places: settings.classifier, rules: settings.ticketRules };
  },

  async 'tickets:create'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    const earlier = await q.ticketByRequest(ctx.db, input.requestId);
    if (earlier) return { ticket: toTicketView(earlier, ctx.now, HIDDEN) };
    // The tree in force now; the ticket keeps the labels it was taken with (TicketOpened copies them).
    const tree = (await ctx.services.settings()).classifier;
    const cls = classify(tree, input.place, input.category, input.problem);
    if (!cls) throw fieldError('problem', 'err.ticket.unknownProblem');
    checkTimes(input, ctx.now);
    const customer = await customerOf(ctx, input);
    let target = null;
    if (input.kind === 'message') {
      const o = await hostById(ctx.db, input.targetOccupantId!);
      if (!o) throw fieldError('targetOccupantId', 'err.ticket.targetRequired');
      target = { occupantId: o.occupantId, name: o.name || o.company, unitCode: o.unitCode };
    }
    // Duplicate guard: the same unit and category within 24 hours warns before a second ticket.
    let duplicateOf: string | null = null;
    if (customer.unitCode) {
      const dup = await q.recentSameUnitCategory(
        ctx.db,
        customer.unitCode,
        input.category,
        new Date(ctx.now.getTime() - DAY).toISOString(),
      );
      if (dup && !input.confirmDuplicate)
        throw new ApiFailure('conflict', 'err.ticket.duplicate', [{ path: 'category', message: 'err.ticket.duplicate' }], {
          duplicate: { ticketNo: dup.ticket_no, openedAt: dup.opened_at },
        });
      duplicateOf = dup?.id ?? null;
    }
    const rules = (await ctx.services.settings()).ticketRules;
    const openedAt = ctx.now.toISOString();
    const iso = (s: string | null | undefined) => (s ? new Date(s).toISOString() : null);
    const deadlines = intakeDeadlines(
      {
        kind: input.kind,
        severity: input.severity ?? null,
        urgency: input.urgency ?? null,
        openedAt,
        customerDeadline: iso(input.customerDeadline),
        promisedReplyAt: iso(input.promisedReplyAt),
      },
      rules,
    );
    const ticketId = uuidv7();
    await ctx.transact(async (trx, emit) => {
      if (await q.ticketByRequest(trx, input.requestId)) return;
      const day = deskDayCode(ctx.now);
      const ticketNo = formatTicketNo(site.siteCode, site.deviceCode, day, await nextCounter(trx, 'ticket', day));
      await emit(
        draft('TicketOpened', {
          ticketId,
          requestId: input.requestId,
          ticketNo,
          kind: input.kind,
          channel: input.channel,
          customer,
          anonymous: input.anonymous,
          receiver: { staffId: staff.id, name: staff.name },
          occurredAt: iso(input.occurredAt),
          location: input.location,
          concerned: input.concerned,
          description: input.description,
          wants: input.wants,
          classification: classificationOf(cls),
          severity: input.severity ?? null,
          urgency: input.urgency ?? null,
          paid: input.paid,
          chargeFen: input.chargeFen,
          convenientTime: input.convenientTime,
          leakTestDate: input.leakTestDate ?? null,
          promisedReplyAt: iso(input.promisedReplyAt),
          customerDeadline: iso(input.customerDeadline),
          target,
          openedAt,
          deadlines,
          duplicateOf,
        }),
      );
    });
    ctx.services.notify({ kind: 'tickets-changed' });
    const row = (await q.ticketByRequest(ctx.db, input.requestId))!;
    return { ticket: toTicketView(row, ctx.now, HIDDEN) };
  },

  async 'tickets:get'(input, ctx) {
    await load(ctx, input.ticketId);
    return detail(ctx, input.ticketId);
  },

  async 'tickets:search'(input, ctx) {
    const manager = seesIdentity(ctx);
    const rows = await q.searchTickets(ctx.db, input.q, input.limit, manager);
    // A manager's search that matched anonymous complaints by unit or name has read their identity.
    const revealed = manager ? rows.filter((r) => q.matchedByIdentity(r, input.q)) : [];
    if (revealed.length)
      await ctx.transact((_trx, emit) =>
        emit(...revealed.map((r) => draft('PersonalDataRead', readRecord(ctx, 'anonymous_complainant', r.id, r.ticket_no, '')))),
      );
    return rows.map((r) => toTicketView(r, ctx.now, revealed.includes(r)));
  },

  async 'tickets:board'(_input, ctx) {
    return ticketBoard(ctx.db, ctx.now, HIDDEN);
  },

  /** Handed to a department: the work order (派工单) prints in the same transaction. */
  async 'tickets:dispatch'(input, ctx) {
    const printJobId = uuidv7();
    await move(ctx, input.ticketId, 'dispatch', async (trx) => [
      draft('TicketDispatched', {
        ticketId: input.ticketId,
        at: ctx.now.toISOString(),
        department: input.department,
        assignee: input.assignee,
        note: input.note,
        showPhone: input.showPhone,
      }),
      // A second dispatch (after a reopen) prints the work order again, marked as a reprint.
      draft('PrintJobQueued', {
        jobId: printJobId,
        docType: 'work_order',
        docId: input.ticketId,
        layout: 'a4',
        copyNo: await printCount(trx, 'work_order', input.ticketId),
      }),
    ]);
    ctx.services.notify({ kind: 'print-queued', jobId: printJobId });
    const t = (await q.ticketById(ctx.db, input.ticketId))!;
    return { ticket: toTicketView(t, ctx.now, HIDDEN), printJobId };
  },

  async 'tickets:step'(input, ctx) {
    const t = await load(ctx, input.ticketId);
    let callbackDueAt: string | null = null;
    let leakTestDate: string | null = null;
    if (input.action === 'resolve') {
      leakTestDate = input.leakTestDate ?? t.leak_test_date;
      // A leak's callback counts from the leak test: no resolution without its date (seed 000).
      if (t.kind === 'repair' && t.callback_class === 'leak' && !leakTestDate)
        throw fieldError('leakTestDate', 'err.ticket.leakTestRequired');
      if (leakTestDate && localDateStart(leakTestDate) > ctx.now.getTime() + 30 * DAY)
        throw fieldError('leakTestDate', 'err.range');
      const rules = (await ctx.services.settings()).ticketRules;
      callbackDueAt = callbackDue(
        {
          kind: t.kind as TicketKind,
          callbackClass: t.callback_class as 'safety' | 'leak' | 'other',
          resolvedAt: ctx.now.toISOString(),
          leakTestDate,
        },
        rules,
      );
    }
    return move(ctx, input.ticketId, input.action, () => [
      draft('TicketTransitioned', {
        ticketId: input.ticketId,
        action: input.action,
        at: ctx.now.toISOString(),
        note: input.note,
        leakTestDate,
        callbackDueAt,
      }),
    ]);
  },

  async 'tickets:callback'(input, ctx) {
    const { staff } = signedIn(ctx);
    const t = await load(ctx, input.ticketId);
    if (t.state !== 'resolved') throw illegal(t.state, 'callback_satisfied');
    const e = draft('TicketCallbackRecorded', {
      ticketId: input.ticketId,
      at: ctx.now.toISOString(),
      outcome: input.outcome,
      calledBy: staff.name,
      note: input.note,
    });
    if (input.outcome === 'unreachable') {
      await ctx.transact(async (_trx, emit) => {
        await emit(e);
      });
      ctx.services.notify({ kind: 'tickets-changed' });
      return detail(ctx, input.ticketId);
    }
    return move(ctx, input.ticketId, input.outcome === 'satisfied' ? 'callback_satisfied' : 'callback_not_satisfied', () => [e]);
  },

  async 'tickets:defer'(input, ctx) {
    const until = localDateStart(input.until);
    // A deferral names a date from tomorrow up to a year ahead.
    if (until <= endOfLocalDay(ctx.now.getTime())) throw fieldError('until', 'err.ticket.deferPast');
    if (until > ctx.now.getTime() + 366 * DAY) throw fieldError('until', 'err.ticket.deferTooFar');
    return move(ctx, input.ticketId, 'defer', () => [
      draft('TicketDeferred', { ticketId: input.ticketId, at: ctx.now.toISOString(), until: input.until, reason: input.reason }),
    ]);
  },

  async 'tickets:reopen'(input, ctx) {
    return move(ctx, input.ticketId, 'reopen', () => [
      draft('TicketReopened', { ticketId: input.ticketId, at: ctx.now.toISOString(), reason: input.reason }),
    ]);
  },

  async 'tickets:cancel'(input, ctx) {
    return move(ctx, input.ticketId, 'cancel', () => [
      draft('TicketCancelled', { ticketId: input.ticketId, at: ctx.now.toISOString(), reason: input.reason }),
    ]);
  },

  /** Notes never edit: a correction is a new note naming the one it corrects. */
  async 'tickets:note'(input, ctx) {
    await load(ctx, input.ticketId);
    if (input.correctsId) {
      const steps = await q.stepsOf(ctx.db, input.ticketId);
      if (!steps.some((s) => s.id === input.correctsId)) throw fieldError('correctsId', 'err.notFound');
    }
    await ctx.transact(async (_trx, emit) => {
      await emit(
        draft('TicketNoteAdded', {
          ticketId: input.ticketId,
          at: ctx.now.toISOString(),
          text: input.text,
          correctsId: input.correctsId ?? null,
        }),
      );
    });
    ctx.services.notify({ kind: 'tickets-changed' });
    return detail(ctx, input.ticketId);
  },

  async 'tickets:stats'(input, ctx) {
    return monthlyStats(ctx.db, input.month, ctx.now);
  },

  async 'tickets:export'(input, ctx) {
    const settings = await ctx.services.settings();
    const stats = await monthlyStats(ctx.db, input.month, ctx.now);
    const buf = await monthlyWorkbook(ctx.db, input.month, stats, settings.locale, settings.classifier);
    return { fileName: `tickets-${input.month}.xlsx`, base64: buf.toString('base64') };
  },
};
