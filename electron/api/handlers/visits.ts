import { deskTime, deskDay, deskDayBounds, deskDayCode } from '../../../shared/domain/deskTime.js';
import type { Kysely } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { ApiFailure, fieldError } from '../../../shared/api/result.js';
import type { VisitorProfile } from '../../../shared/api/schemas.js';
import { pickVisitDetails } from '../../../shared/api/visitDetails.js';
import { toHostMatch, toVisit } from './visitView.js';
import { shownPhone } from '../../../shared/domain/mask.js';
import { minimalId, minimalPhone } from '../../privacy/idHash.js';
import { keepSealedVisitFields } from '../../privacy/keptFields.js';
import { formatVisitorPassNo, parseVisitorPassNo } from '../../../shared/domain/numbering.js';
import { notBefore } from '../../../shared/domain/clock.js';
import { draft } from '../../../db/events.js';
import type { Database } from '../../../db/schema.js';
import { nextCounter } from '../../../db/meta.js';
import { hostById } from '../../../db/queries/directory.js';
import { findDenyHit } from '../../../db/queries/deny.js';
import * as q from '../../../db/queries/visits.js';
import { approveBy } from '../pinCheck.js';
import { signedIn, type HandlerMap } from '../context.js';

/** The answer to a check-in whose request was already recorded: the same visit and its first print job. */
async function replayCheckIn(db: Kysely<Database>, visit: q.VisitRow) {
  const job = await db
    .selectFrom('print_jobs')
    .select('id')
    .where('doc_id', '=', visit.id)
    .orderBy('created_at')
    .executeTakeFirst();
  return { visit: toVisit(visit), printJobId: job?.id ?? null };
}

const alreadyCheckedOut = (visit: q.VisitRow) =>
  new ApiFailure('conflict', 'err.checkout.already', [{ path: 'code', message: 'err.checkout.already' }], {
    visitorName: visit.visitor_name,
    at: visit.checked_out_at,
  });

export const visitHandlers: Pick<
  HandlerMap,
  'visits:checkIn' | 'visits:checkOut' | 'visits:onSite' | 'visits:notReturned' | 'visits:search' | 'visits:recall'
> = {
  async 'visits:checkIn'(input, ctx) {
    const { site, staff } = signedIn(ctx);
    // A retried submit (double Enter, a lost response) returns the visit it already created.
    const earlier = await q.visitByRequest(ctx.db, input.requestId);
    if (earlier) return replayCheckIn(ctx.db, earlier);
    const host = await hostById(ctx.db, input.hostOccupantId);
    if (!host) throw fieldError('hostOccupantId', 'err.host.notFound');

    const today = deskDay(ctx.now);
    // The number is matched by its keyed hash and kept masked: the full number is never written.
    const idHashes = ctx.services.idKeys.hashes(input.visitor.idNumber);
    const hit = await findDenyHit(ctx.db, { ...input.visitor, idHashes }, today);
    let denyOverride = null;
    if (hit) {
      if (!input.denyOverride) {
        throw new ApiFailure('deny_list_hit', 'err.deny.hit', undefined, {
          entry: { name: hit.name, reason: hit.reason, idNumberMasked: hit.id_number_masked, validUntil: hit.valid_until },
        });
      }
      const approver = await approveBy(ctx, input.denyOverride, 'shift_leader', ctx.now, 'denyOverride', [staff.id]);
      denyOverride = { byStaffId: approver.id, reason: input.denyOverride.reason, denyEntryId: hit.id };
    }

    const { idNumber, ...visitor } = input.visitor;
    const settings = await ctx.services.settings();
    const visitId = uuidv7();
    const printJobId = settings.autoPrintVisitorPass ? uuidv7() : null;
    const raced = await ctx.transact(async (trx, emit) => {
      // Two submits of one request can both pass the check above; inside the transaction only one writes.
      const first = await q.visitByRequest(trx, input.requestId);
      if (first) return first;
      const day = deskDayCode(ctx.now);
      const passNo = formatVisitorPassNo(site.siteCode, site.deviceCode, day, await nextCounter(trx, 'visitor_pass', day));
      const checkIn = draft('VisitorCheckedIn', {
        visitId,
        requestId: input.requestId,
        passNo,
        visitor: {
          ...visitor,
          ...minimalPhone(ctx.services.idKeys.current(), visitor.phone),
          ...minimalId(ctx.services.idKeys.current(), idNumber),
        },
        ...pickVisitDetails(input),
        host: { occupantId: host.occupantId, unitCode: host.unitCode, name: host.name, company: host.company },
        checkedInAt: ctx.now.toISOString(),
        validUntil: new Date(ctx.now.getTime() + input.expectedMinutes * 60_000).toISOString(),
        hostConfirmation: input.hostConfirmation ?? null,
        denyOverride,
      });
      const print =
        printJobId &&
        draft('PrintJobQueued', {
          jobId: printJobId,
          docType: 'visitor_pass',
          docId: visitId,
          layout: settings.visitorPassLayout,
          copyNo: 0,
        });
      await emit(...(print ? [checkIn, print] : [checkIn]));
      await keepSealedVisitFields(trx, ctx.services.fieldVault, settings, visitId, idNumber);
      return null;
    });
    if (raced) return replayCheckIn(ctx.db, raced);
    ctx.services.notify({ kind: 'visits-changed' });
    if (printJobId) ctx.services.notify({ kind: 'print-queued', jobId: printJobId });
    return { visit: toVisit((await q.visitById(ctx.db, visitId))!), printJobId };
  },

  async 'visits:checkOut'(input, ctx) {
    let visit: q.VisitRow | undefined;
    let method: 'scan' | 'list' = 'list';
    if (input.visitId) visit = await q.visitById(ctx.db, input.visitId);
    else if (input.code) {
      method = 'scan';
      const code = input.code.trim().toUpperCase();
      visit = parseVisitorPassNo(code) ? await q.visitByPassNo(ctx.db, code) : await q.visitById(ctx.db, input.code.trim());
    }
    if (!visit) throw fieldError('code', 'err.checkout.unknownPass');
    if (visit.status === 'checked_out') throw alreadyCheckedOut(visit);
    // A visit closed as "not returned" may still be checked out when the slip comes back: the real time wins.
    const visitId = visit.id;
    await ctx.transact(async (trx, emit) => {
      // A double scan can pass the check above twice; inside the transaction only the first closes the visit.
      const current = await q.visitById(trx, visitId);
      if (current?.status === 'checked_out') throw alreadyCheckedOut(current);
      // Never before the check-in, which another desk may have stamped on a clock ahead of this one.
      const at = notBefore(ctx.now.toISOString(), current!.checked_in_at);
      await emit(draft('VisitorCheckedOut', { visitId, at, method }));
    });
    ctx.services.notify({ kind: 'visits-changed' });
    return toVisit((await q.visitById(ctx.db, visitId))!);
  },

  async 'visits:onSite'(_input, ctx) {
    return (await q.visitsOnSite(ctx.db)).map(toVisit);
  },

  /** Visits closed automatically as "not returned" since yesterday's start: the next shift sees them. */
  async 'visits:notReturned'(_input, ctx) {
    const since = deskTime(ctx.now).subtract(1, 'day').startOf('day').toISOString();
    return (await q.visitsNotReturnedSince(ctx.db, since)).map(toVisit);
  },

  async 'visits:search'(input, ctx) {
    const rows = await q.searchVisits(ctx.db, {
      text: input.text,
      // A full number typed into the search finds its visits by hash (only the masked form is kept).
      idHashes: input.text ? ctx.services.idKeys.hashes(input.text) : [],
      // …and a full phone typed, by its hash (only the masked phone is kept).
      phoneHashes: input.text ? ctx.services.idKeys.phoneHashes(input.text) : [],
      fromIso: input.from ? deskDayBounds(input.from).fromIso : undefined,
      toIso: input.to ? deskDayBounds(input.to).toIso : undefined,
      limit: input.limit,
    });
    return rows.map(toVisit);
  },

  /** A returning visitor, recalled by phone or ID number (by its hash), so the form fills in one step. */
  async 'visits:recall'(input, ctx): Promise<VisitorProfile | null> {
    const by = {
      phoneHashes: input.phone ? ctx.services.idKeys.phoneHashes(input.phone) : undefined,
      idHashes: input.idNumber ? ctx.services.idKeys.hashes(input.idNumber) : undefined,
    };
    const rows = await q.visitsOfVisitor(ctx.db, by);
    const last = rows[0];
    if (!last) return null;
    const host = await hostById(ctx.db, last.host_occupant_id);
    const open = rows.find((r) => r.status === 'on_site');
    return {
      name: last.visitor_name,
      phoneMasked: shownPhone(last.visitor_phone),
      idType: last.id_type,
      idNumberMasked: last.id_number_masked,
      plate: last.plate,
      lastVisitAt: last.checked_in_at,
      lastHost: host ? toHostMatch(host) : null,
      visits: rows.length,
      onSite: open ? { passNo: open.pass_no, checkedInAt: open.checked_in_at, hostUnitCode: open.host_unit_code } : null,
    };
  },
};
