import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { PersonRecord } from '../../../shared/api/privacySchemas.js';
import { renderPersonRecords } from '../../../shared/print/personRecords.js';
import { draft } from '../../../db/events.js';
import { personHoldings, type PersonHoldings } from '../../../db/queries/person.js';
import { visitsWithSealedId } from '../../../db/queries/sealedFields.js';
import { signedIn, type HandlerContext, type HandlerMap } from '../context.js';
import { readRecord } from './privacy.js';
import type { PersonCriteria, PersonMatch } from '../../../shared/domain/personErasure.js';

/** The holdings as lines by kind; receipts are listed as kept (the accounting law keeps their payer). */
function toRecords(h: PersonHoldings, sealedIds = new Set<string>()): PersonRecord[] {
  const line = (kind: PersonRecord['kind'], id: string, at: string, ref: string, detail: string, kept = false) => ({
    kind,
    id,
    at,
    ref,
    detail,
    kept,
    fullIdKept: false,
  });
  return [
    ...h.visits.map((v) => ({
      ...line('visit', v.id, v.checked_in_at, v.pass_no, v.host_unit_code),
      fullIdKept: sealedIds.has(v.id),
    })),
    ...h.passes.map((p) => line('pass', p.id, p.issued_at, p.pass_no, p.unit_code)),
    ...h.tickets.map((t) => line('ticket', t.id, t.opened_at, t.ticket_no, t.label)),
    ...h.mail.map((m) => line('mail', m.id, m.received_at, m.register_no, m.carrier)),
    ...h.pickups.map((m) => line('pickup', m.id, m.picked_up_at ?? m.received_at, m.register_no, m.carrier)),
    ...h.receipts.map((r) => line('receipt', r.id, r.issued_at, r.receipt_no, r.unit_code, true)),
  ];
}

/**
 * A manager's search that found anonymous complaints by the complainant's name has read their
 * identity: audited as the tickets search audits it.
 */
const anonymousReads = (ctx: HandlerContext, h: PersonHoldings) =>
  h.tickets.filter((t) => t.anonymous === 1).map((t) => readRecord(ctx, 'anonymous_complainant', t.id, t.ticket_no, ''));

/** The person the manager described, with the typed ID number as its hashes under every key the desk holds. */
const matchOf = (ctx: HandlerContext, c: PersonCriteria): PersonMatch => ({
  name: c.name,
  phone: c.phone,
  idHashes: c.idNumber.trim() ? ctx.services.idKeys.hashes(c.idNumber) : [],
  phoneHashes: c.phone.trim() ? ctx.services.idKeys.phoneHashes(c.phone) : [],
});

export const personHandlers: Pick<HandlerMap, 'privacy:personSearch' | 'privacy:personExport' | 'privacy:personErase'> = {
  async 'privacy:personSearch'(input, ctx) {
    const h = await personHoldings(ctx.db, matchOf(ctx, input));
    const reads = anonymousReads(ctx, h);
    if (reads.length) await ctx.transact((_trx, emit) => emit(...reads.map((r) => draft('PersonalDataRead', r))));
    return toRecords(
      h,
      await visitsWithSealedId(
        ctx.db,
        h.visits.map((v) => v.id),
      ),
    );
  },

  // The person's copy (PIPL 第四十五条): one line per record, through the desk's PDF printer; audited.
  async 'privacy:personExport'(input, ctx) {
    const { site } = signedIn(ctx);
    const h = await personHoldings(ctx.db, matchOf(ctx, input));
    const records = toRecords(h);
    const readId = uuidv7();
    const reads = [...anonymousReads(ctx, h), readRecord(ctx, 'person_export', readId, String(records.length), '')];
    await ctx.transact((_trx, emit) => emit(...reads.map((r) => draft('PersonalDataRead', r))));
    const settings = await ctx.services.settings();
    const person = [input.name, input.phone].filter(Boolean).join(' ');
    const html = renderPersonRecords(
      { siteName: site.siteName, printedAt: ctx.now.toISOString(), person, records },
      settings.locale,
    );
    const pdf = await ctx.services.printer.pdf(html, 'a4').catch((e: unknown) => {
      if (e instanceof ApiFailure) throw e;
      throw new ApiFailure('unavailable', 'err.pdf.failed', undefined, { reason: String(e) });
    });
    return { fileName: `personal-data-${readId}.pdf`, base64: pdf.toString('base64') };
  },

  /**
   * Erasure (PIPL 第四十七条): one PersonErased naming the records, applied here and by every desk and
   * HQ. The manager types the person's name again to confirm; one manager suffices, as for the
   * other site settings (the event is the audit record and the 个人信息访问记录 list shows it).
   */
  async 'privacy:personErase'(input, ctx) {
    if (input.confirmName.trim() !== input.person.name) throw fieldError('confirmName', 'err.person.confirm');
    const h = await personHoldings(ctx.db, matchOf(ctx, input.person));
    const payload = {
      erasureId: uuidv7(),
      visitIds: h.visits.map((v) => v.id),
      visitPassNos: h.visits.map((v) => v.pass_no),
      passIds: h.passes.map((p) => p.id),
      ticketIds: h.tickets.map((t) => t.id),
      mailItemIds: h.mail.map((m) => m.id),
      pickupItemIds: h.pickups.map((m) => m.id),
      why: input.reason,
      at: ctx.now.toISOString(),
    };
    const erased = toRecords(h).filter((r) => !r.kept).length;
    if (erased === 0) throw fieldError('name', 'err.person.nothing');
    await ctx.transact((_trx, emit) => emit(draft('PersonErased', payload)));
    for (const kind of ['visits-changed', 'passes-changed', 'tickets-changed', 'mail-changed'] as const)
      ctx.services.notify({ kind });
    return { erasureId: payload.erasureId, erased, kept: h.receipts.length };
  },
};
