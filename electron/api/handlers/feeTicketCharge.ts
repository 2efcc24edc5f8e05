import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { NewCharge } from '../../../shared/import/chargesFile.js';
import type { ProcOutput } from '../../../shared/api/contract.js';
import type { Database } from '../../../db/schema.js';
import { draft } from '../../../db/events.js';
import * as q from '../../../db/queries/fees.js';
import { ticketById, type TicketRow } from '../../../db/queries/tickets.js';
import type { HandlerMap } from '../context.js';
import { currentPeriod, toCharge } from './feeView.js';

type Db = Kysely<Database>;
type TicketCharge = ProcOutput<'fees:ticketCharge'>;

/**
 * The fee line of a ticket has an id derived from the ticket's: "once only" holds in one desk's
 * transaction, and two desks that both bill the ticket offline write the same charge, which the
 * appliers (desk and HQ) keep once.
 */
const TICKET_NAMESPACE = '9d7e4c52-1a3b-4f8e-8b2d-6c0a5e9f1b47';
export const ticketChargeId = (ticketId: string) => uuidv5(ticketId, TICKET_NAMESPACE);

/** The work is done (and agreed beforehand): billed once the repair is resolved, not while it is still open. */
const DONE_STATES = ['resolved', 'callback_done', 'closed'];

/** The ticket's unit: its directory entry's unit, else the unit code the desk typed. */
async function unitOf(db: Db, t: TicketRow) {
  if (t.occupant_id) {
    const u = await db
      .selectFrom('occupants')
      .innerJoin('units', 'units.id', 'occupants.unit_id')
      .select(['units.id', 'units.code'])
      .where('occupants.id', '=', t.occupant_id)
      .executeTakeFirst();
    if (u) return u;
  }
  const code = t.unit_code.trim().toUpperCase();
  if (!code) return undefined;
  return db.selectFrom('units').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}

function blockedReason(t: TicketRow): string | null {
  if (t.kind !== 'repair' || t.paid !== 1 || t.charge_fen <= 0) return 'err.fee.ticketNotPaid';
  if (t.state === 'cancelled') return 'err.fee.ticketCancelled';
  if (!DONE_STATES.includes(t.state)) return 'err.fee.ticketNotDone';
  return null;
}

async function chargeState(db: Db, t: TicketRow, now: Date): Promise<TicketCharge> {
  const [made] = await q.chargesByIds(db, [ticketChargeId(t.id)]);
  if (made)
    return { charge: { ...toCharge(made, currentPeriod(now)), unitId: made.unit_id, unitCode: made.unit_code }, blocked: null };
  const blocked = blockedReason(t) ?? ((await unitOf(db, t)) ? null : 'err.fee.ticketNoUnit');
  return { charge: null, blocked };
}

async function loadTicket(db: Db, ticketId: string) {
  const t = await ticketById(db, ticketId);
  if (!t) throw fieldError('ticketId', 'err.notFound');
  return t;
}

const alreadyMade = () =>
  new ApiFailure('conflict', 'err.fee.ticketCharged', [{ path: 'ticketId', message: 'err.fee.ticketCharged' }]);

export const feeTicketChargeHandlers: Pick<HandlerMap, 'fees:ticketCharge' | 'fees:chargeTicket'> = {
  /** Whether the ticket's charge is already a fee line (and paid), or why it cannot be made yet. */
  async 'fees:ticketCharge'(input, ctx) {
    return chargeState(ctx.db, await loadTicket(ctx.db, input.ticketId), ctx.now);
  },

  /** A paid repair's agreed charge becomes one fee line of the unit (有偿维修费, this month), once. */
  async 'fees:chargeTicket'(input, ctx) {
    const t = await loadTicket(ctx.db, input.ticketId);
    const state = await chargeState(ctx.db, t, ctx.now);
    if (state.charge) throw alreadyMade();
    if (state.blocked) throw fieldError('ticketId', state.blocked);
    const unit = (await unitOf(ctx.db, t))!;
    const charge: NewCharge = {
      chargeId: ticketChargeId(t.id),
      unitId: unit.id,
      unitCode: unit.code,
      item: 'repair',
      period: currentPeriod(ctx.now),
      amountFen: t.charge_fen,
      vacant: false,
      // The fee line names its ticket, so the cashier and the payer see what the charge is for.
      note: `${t.ticket_no} ${t.label}`.trim().slice(0, 100),
    };
    await ctx.transact(async (trx, emit) => {
      // Re-checked inside the transaction: of two requests at once, the second finds the first's line.
      if ((await q.chargesByIds(trx, [charge.chargeId])).length) throw alreadyMade();
      await emit(
        draft('ChargesRaised', { batchId: uuidv7(), source: 'manual', fileName: '', ticketId: t.id, charges: [charge] }),
      );
    });
    ctx.services.notify({ kind: 'fees-changed' });
    ctx.services.notify({ kind: 'tickets-changed' });
    return chargeState(ctx.db, t, ctx.now);
  },
};
