import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '../../../shared/api/result.js';
import { maskPhone } from '../../../shared/domain/mask.js';
import { deskDayBounds } from '../../../shared/domain/deskTime.js';
import type { ReadKind } from '../../../shared/domain/privacy.js';
import type { EventPayload } from '../../../shared/events/catalog.js';
import type { PersonalDataReadRow } from '../../../shared/api/privacySchemas.js';
import { draft } from '../../../db/events.js';
import { ticketById } from '../../../db/queries/tickets.js';
import { personalDataReads } from '../../../db/queries/privacy.js';
import { sealedField } from '../../../db/queries/sealedFields.js';
import { visitById } from '../../../db/queries/visits.js';
import type { HandlerContext, HandlerMap } from '../context.js';

/**
 * The audit record of one sensitive read, drafted as a PersonalDataRead in the procedure
 * that answers, in the same transaction as (or before) the answer.
 */
export const readRecord = (ctx: HandlerContext, what: ReadKind, ref: string, label: string, why: string) => ({
  readId: uuidv7(),
  what,
  ref,
  label,
  why,
  at: ctx.now.toISOString(),
});

const DAY = 86_400_000;
/** With no dates the list shows the last 30 days. */
const DEFAULT_DAYS = 30;

type Row = Awaited<ReturnType<typeof personalDataReads>>[number];

function toRow(r: Row): PersonalDataReadRow {
  const base = { id: r.id, at: r.recorded_at, staffName: r.name ?? r.actor, staffNo: r.staff_no ?? '' };
  if (r.type === 'HostPhoneRevealed') {
    const p = JSON.parse(r.payload) as EventPayload<'HostPhoneRevealed'>;
    return { ...base, what: 'host_phone', label: p.unitCode, why: '' };
  }
  if (r.type === 'PersonErased') {
    const e = JSON.parse(r.payload) as EventPayload<'PersonErased'>;
    const n = e.visitIds.length + e.passIds.length + e.ticketIds.length + e.mailItemIds.length + e.pickupItemIds.length;
    return { ...base, at: e.at, what: 'person_erasure', label: String(n), why: e.why };
  }
  const p = JSON.parse(r.payload) as EventPayload<'PersonalDataRead'>;
  return { ...base, at: p.at, what: p.what, label: p.label, why: p.why };
}

export const privacyHandlers: Pick<HandlerMap, 'tickets:identity' | 'privacy:reads' | 'privacy:revealVisitId'> = {
  // The only way an anonymous complainant's identity leaves the backend: recorded first, with the reason.
  async 'tickets:identity'(input, ctx) {
    const t = await ticketById(ctx.db, input.ticketId);
    if (!t) throw fieldError('ticketId', 'err.notFound');
    if (t.anonymous === 1)
      await ctx.transact((_trx, emit) =>
        emit(draft('PersonalDataRead', readRecord(ctx, 'anonymous_complainant', t.id, t.ticket_no, input.reason))),
      );
    return {
      ticketId: t.id,
      name: t.customer_name,
      unitCode: t.unit_code,
      company: t.company,
      phoneMasked: t.customer_phone ? maskPhone(t.customer_phone) : '',
    };
  },

  // A full ID number kept sealed at this desk (keepFullIdNumbers) leaves the backend only here, for a
  // manager (the contract's role), after the audit record with the reason is written.
  async 'privacy:revealVisitId'(input, ctx) {
    const sealed = await sealedField(ctx.db, input.visitId, 'idNumber');
    const visit = sealed ? await visitById(ctx.db, input.visitId) : undefined;
    if (!sealed || !visit) throw fieldError('visitId', 'err.person.fullIdNotKept');
    const idNumber = ctx.services.fieldVault.open(visit.id, 'idNumber', sealed);
    await ctx.transact((_trx, emit) =>
      emit(draft('PersonalDataRead', readRecord(ctx, 'full_id_number', visit.id, visit.pass_no, input.reason))),
    );
    // The audit list on the manager's screen reads again (it listens to visit changes).
    ctx.services.notify({ kind: 'visits-changed' });
    return { visitId: visit.id, idNumber };
  },

  async 'privacy:reads'(input, ctx) {
    const toMs = input.to ? Date.parse(deskDayBounds(input.to).toIso) : ctx.now.getTime() + 1;
    const fromMs = input.from ? Date.parse(deskDayBounds(input.from).fromIso) : toMs - DEFAULT_DAYS * DAY;
    return (await personalDataReads(ctx.db, fromMs, toMs, input.limit)).map(toRow);
  },
};
